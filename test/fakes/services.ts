/**
 * Fakes of the other Apps Script services the add-on calls: PropertiesService (with Google's size limits),
 * LockService (a document lock another user can hold), HtmlService (the HTML files of dist/), ScriptApp
 * triggers (with the add-on limits), Utilities (base64, blobs in a charset, CSV), Session and MailApp.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import type { CallLog } from './calls';
import { tracked } from './calls';
import { GoogleError } from './spreadsheetApp';

/** Google's documented ceilings: 9 KB a value, 500 KB a store. */
const MAX_VALUE = 9 * 1024;
const MAX_STORE = 500 * 1024;

export class FakeProperties {
  readonly map = new Map<string, string>();
  private size(): number {
    let n = 0;
    for (const [k, v] of this.map) n += k.length + v.length;
    return n;
  }
  getProperty(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    const v = String(value);
    if (v.length > MAX_VALUE) throw new GoogleError('Argument too large: value');
    this.map.set(key, v);
    if (this.size() > MAX_STORE) {
      this.map.delete(key);
      throw new GoogleError(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  setProperties(props: Record<string, string>, deleteAllOthers = false): this {
    if (deleteAllOthers) this.map.clear();
    for (const [k, v] of Object.entries(props)) this.setProperty(k, v);
    return this;
  }
  getKeys(): string[] {
    return [...this.map.keys()];
  }
  deleteProperty(key: string): this {
    this.map.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this.map.clear();
    return this;
  }
}

/** One lock, shared by every execution on the document; `holder` says who has it. */
export class FakeLockState {
  holder: string | null = null;
  acquired = 0;
  released = 0;
}

export class FakeLock {
  constructor(
    private readonly state: FakeLockState,
    private readonly me: string,
  ) {}
  tryLock(_ms: number): boolean {
    if (this.state.holder !== null && this.state.holder !== this.me) return false;
    this.state.holder = this.me;
    this.state.acquired++;
    return true;
  }
  waitLock(ms: number): void {
    if (!this.tryLock(ms))
      throw new GoogleError('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    return this.state.holder === this.me;
  }
  releaseLock(): void {
    if (this.state.holder === this.me) {
      this.state.holder = null;
      this.state.released++;
    }
  }
}

export class FakeHtmlOutput {
  private title = '';
  width = 0;
  height = 0;
  constructor(private readonly content: string) {}
  setTitle(t: string): this {
    this.title = t;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(w: number): this {
    this.width = w;
    return this;
  }
  setHeight(h: number): this {
    this.height = h;
    return this;
  }
  getContent(): string {
    return this.content;
  }
}

export interface FakeTrigger {
  readonly uid: string;
  readonly handler: string;
  readonly user: string;
  readonly spreadsheetId: string | null;
  readonly schedule: string;
}

/** Apps Script: 20 triggers per user per script; add-ons run time-driven triggers at most hourly. */
const MAX_TRIGGERS = 20;

export class FakeScriptApp {
  readonly triggers: FakeTrigger[] = [];
  private next = 1;
  constructor(
    readonly user: () => string,
    readonly spreadsheetId: () => string | null,
  ) {}

  global(calls: CallLog): object {
    const triggers = this.triggers;
    const user = this.user;
    const spreadsheetId = this.spreadsheetId;
    const nextUid = (): string => String(this.next++);
    const wrap = (t: FakeTrigger) =>
      tracked(
        {
          getUniqueId: () => t.uid,
          getHandlerFunction: () => t.handler,
          getEventType: () => 'CLOCK',
          getTriggerSource: () => 'CLOCK',
          _t: t,
        },
        calls,
        'ScriptApp',
        'Trigger',
      );
    const builder = (handler: string) => ({
      timeBased: () => {
        let schedule = '';
        const clock = {
          after: (ms: number) => ((schedule = `once after ${ms} ms`), clock),
          everyMinutes: (_n: number) => {
            throw new GoogleError(
              'Add-ons may not create time-based triggers that run more often than once an hour.',
            );
          },
          everyHours: (n: number) => {
            if (![1, 2, 4, 6, 8, 12].includes(n))
              throw new GoogleError('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
            schedule = `every ${n} h`;
            return clock;
          },
          everyDays: (n: number) => ((schedule = `every ${n} d`), clock),
          atHour: (h: number) => {
            if (!Number.isInteger(h) || h < 0 || h > 23)
              throw new GoogleError('The hour must be between 0 and 23.');
            schedule += ` at ${h}h`;
            return clock;
          },
          onWeekDay: (d: string) => ((schedule = `weekly ${d}`), clock),
          inTimezone: (tz: string) => {
            if (!Intl.supportedValuesOf('timeZone').includes(tz) && tz !== 'Etc/UTC')
              throw new GoogleError(`Invalid time zone: ${tz}`);
            schedule += ` ${tz}`;
            return clock;
          },
          create: () => {
            if (triggers.filter((t) => t.user === user()).length >= MAX_TRIGGERS)
              throw new GoogleError(
                'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
              );
            const t: FakeTrigger = {
              uid: nextUid(),
              handler,
              user: user(),
              spreadsheetId: spreadsheetId(),
              schedule,
            };
            triggers.push(t);
            return wrap(t);
          },
        };
        return tracked(clock, calls, 'ScriptApp', 'ClockTriggerBuilder');
      },
    });
    return tracked(
      {
        AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
        WeekDay: Object.fromEntries(
          ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((d) => [d, d]),
        ),
        newTrigger: (handler: string) => builder(handler),
        getProjectTriggers: () => triggers.filter((t) => t.user === user()).map(wrap),
        getUserTriggers: (ss: { getId(): string }) =>
          triggers.filter((t) => t.user === user() && t.spreadsheetId === ss.getId()).map(wrap),
        deleteTrigger: (t: { _t: FakeTrigger }) => {
          const i = triggers.indexOf(t._t);
          if (i >= 0) triggers.splice(i, 1);
        },
      },
      calls,
      'ScriptApp',
      'ScriptApp',
    );
  }
}

const CHARSETS: Record<string, string> = {
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
  shift_jis: 'shift_jis',
};

/** Converted PDFs carry the HTML they came from, so a test can print it in a browser as Google's converter does. */
export const SOURCE_HTML = Symbol('source html');

/**
 * A Blob: bytes (signed, as Apps Script hands them out), a content type and a name. getAs converts as Google
 * documents it: to application/pdf from text/html (and text/plain), with the name's extension changed; other
 * conversions fail with Google's message.
 */
export class FakeBlob {
  [SOURCE_HTML]?: string;
  /** Wraps a blob this one makes (getAs) so its calls are counted too. */
  _wrap: (b: FakeBlob) => FakeBlob = (b) => b;
  constructor(
    readonly _bytes: number[],
    private contentType: string | null,
    private name: string | null,
  ) {}
  getBytes(): number[] {
    return [...this._bytes];
  }
  getDataAsString(charset?: string): string {
    const enc = CHARSETS[(charset ?? 'utf-8').toLowerCase()];
    if (!enc) throw new GoogleError(`Unsupported charset: ${charset}`);
    return new TextDecoder(enc).decode(Buffer.from(this._bytes.map((b) => b & 0xff)));
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(t: string): this {
    this.contentType = t;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(n: string): this {
    this.name = n;
    return this;
  }
  getAs(contentType: string): FakeBlob {
    const from = (this.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== 'application/pdf' || !['text/html', 'text/plain'].includes(from))
      throw new GoogleError(`Converting from ${from || 'unknown'} to ${contentType} is not supported.`);
    const html = this.getDataAsString();
    const pdf = Buffer.from(
      `%PDF-1.4\n% converted by the fake from ${from}, ${html.length} characters\n%%EOF\n`,
    );
    const out = new FakeBlob(
      Array.from(new Int8Array(pdf.buffer, pdf.byteOffset, pdf.length)),
      'application/pdf',
      this.name === null ? null : this.name.replace(/(\.[^.]*)?$/, '.pdf'),
    );
    out[SOURCE_HTML] = from === 'text/html' ? html : `<pre>${html}</pre>`;
    out._wrap = this._wrap;
    return this._wrap(out);
  }
}

/** `sleeps` collects every Utilities.sleep the script asked for (ms): the fake does not wait. */
export function fakeUtilities(calls: CallLog, sleeps: number[] = []): object {
  const toSigned = (buf: Uint8Array): number[] =>
    Array.prototype.slice.call(new Int8Array(buf.buffer, buf.byteOffset, buf.length)) as number[];
  const toBytes = (signed: readonly number[]): Buffer => Buffer.from(signed.map((b) => b & 0xff));
  const wrap = (b: FakeBlob): FakeBlob => {
    b._wrap = wrap;
    return tracked(b, calls, 'Utilities', 'Blob');
  };
  const blob = (bytes: number[], contentType: string | null = null, name: string | null = null) =>
    wrap(new FakeBlob(bytes, contentType, name));
  return tracked(
    {
      base64Decode: (s: string) => {
        if (!/^[A-Za-z0-9+/=\s]*$/.test(s)) throw new GoogleError('Could not decode string.');
        return toSigned(Buffer.from(s, 'base64'));
      },
      base64Encode: (data: string | number[]) =>
        (typeof data === 'string' ? Buffer.from(data, 'utf8') : toBytes(data)).toString('base64'),
      newBlob: (data: string | number[], contentType?: string, name?: string) =>
        blob(
          typeof data === 'string' ? toSigned(Buffer.from(data, 'utf8')) : [...data],
          contentType ?? null,
          name ?? null,
        ),
      parseCsv: (text: string, delimiter?: string) =>
        parseCsv(text, { delimiter: delimiter ?? ',', relax_column_count: true }) as string[][],
      getUuid: () => crypto.randomUUID(),
      sleep: (ms: number) => {
        sleeps.push(ms);
      },
    },
    calls,
    'Utilities',
    'Utilities',
  );
}

/** The HTML files the build copied to dist/, as createHtmlOutputFromFile finds them. */
export function fakeHtmlService(calls: CallLog, dir: string): object {
  return tracked(
    {
      createHtmlOutputFromFile: (name: string) => {
        const file = path.join(dir, `${name}.html`);
        if (!fs.existsSync(file)) throw new GoogleError(`No HTML file named ${name} was found.`);
        return new FakeHtmlOutput(fs.readFileSync(file, 'utf8'));
      },
      createHtmlOutput: (html = '') => new FakeHtmlOutput(html),
    },
    calls,
    'HtmlService',
    'HtmlService',
  );
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
}

export function fakeMailApp(calls: CallLog, sent: SentMail[]): object {
  return tracked(
    {
      sendEmail: (a: unknown, subject?: string, body?: string) => {
        const m =
          typeof a === 'object' && a !== null
            ? (a as SentMail)
            : { to: String(a), subject: String(subject), body: String(body) };
        if (!m.to) throw new GoogleError('Failed to send email: no recipient');
        sent.push({ to: m.to, subject: m.subject, body: m.body ?? '' });
      },
      getRemainingDailyQuota: () => 100 - sent.length,
    },
    calls,
    'MailApp',
    'MailApp',
  );
}
