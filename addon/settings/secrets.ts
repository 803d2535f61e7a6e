/**
 * Carrier and API secrets: kept in the user's own properties (per user, per script), never in a cell, a log
 * row or a document property other users of the spreadsheet could read. Only their names are ever shown.
 */
type Properties = GoogleAppsScript.Properties.Properties;

const PREFIX = 'secret.';
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Properties hold at most about 9 KB a value. */
const MAX_VALUE = 8000;

export function secretNames(props: Properties): string[] {
  return Object.keys(props.getProperties())
    .filter((k) => k.startsWith(PREFIX))
    .map((k) => k.slice(PREFIX.length))
    .sort();
}

export function saveSecret(props: Properties, name: string, value: string): { ok: boolean; message: string } {
  if (!NAME.test(name))
    return {
      ok: false,
      message: `A secret's name is letters, digits, dot, dash or underscore (got ${JSON.stringify(name)}).`,
    };
  if (value === '') {
    props.deleteProperty(PREFIX + name);
    return { ok: true, message: `Removed ${name}.` };
  }
  if (value.length > MAX_VALUE)
    return {
      ok: false,
      message: `${name} is too long to keep (${value.length} characters, at most ${MAX_VALUE}).`,
    };
  props.setProperty(PREFIX + name, value);
  return {
    ok: true,
    message: `Saved ${name} in your own Apps Script user properties (not in the spreadsheet).`,
  };
}

export function readSecret(props: Properties, name: string): string | null {
  return props.getProperty(PREFIX + name);
}
