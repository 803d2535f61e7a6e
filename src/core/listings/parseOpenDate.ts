/**
 * The localised `open-date` of Amazon's listings reports to ISO-8601 with its offset:
 * `2013-01-07 07:35:42 PST` → `2013-01-07T07:35:42-08:00`, `08/07/2016 10:12:40 BST` (UK, day first) →
 * `2016-07-08T10:12:40+01:00`. The zone abbreviations are the ones Amazon's marketplaces print.
 */

/** Offsets in minutes east of UTC. IST is India's (Amazon.in); Irish Summer Time is written IST too but the IE store reports in GMT/BST. */
const ZONES: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  WEST: 60,
  CET: 60,
  MEZ: 60,
  CEST: 120,
  MESZ: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  TRT: 180,
  MSK: 180,
  GST: 240,
  IST: 330,
  SGT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  BRT: -180,
  HST: -600,
  AKST: -540,
  AKDT: -480,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
};

/** Zones whose marketplaces write dates month first (mm/dd/yyyy). */
const MONTH_FIRST_ZONES = new Set([
  'HST',
  'AKST',
  'AKDT',
  'PST',
  'PDT',
  'MST',
  'MDT',
  'CST',
  'CDT',
  'EST',
  'EDT',
  'AST',
  'ADT',
  'NST',
  'NDT',
]);

const PATTERN =
  /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}))?$/;

export type ParsedOpenDate = { ok: true; iso: string } | { ok: false; reason: string };

interface Parts {
  first: number;
  second: number;
  third: number;
  yearFirst: boolean;
  zone: string | null;
}

function split(text: string): (Parts & { time: [number, number, number] | null }) | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [, a, , b, c, h, mi, s, zone] = m;
  return {
    first: Number(a),
    second: Number(b),
    third: Number(c),
    yearFirst: a.length === 4,
    zone: zone ? zone.toUpperCase() : null,
    time: h === undefined ? null : [Number(h), Number(mi), Number(s ?? '0')],
  };
}

/**
 * Whether a file's slash dates are day first, from the dates themselves (a first field above 12 is a day, a
 * second above 12 is a day) and else from the zone (US zones month first). Null when nothing tells.
 */
export function inferDayFirst(texts: readonly string[]): boolean | null {
  let zoneVote: boolean | null = null;
  for (const t of texts) {
    const p = split(t);
    if (!p || p.yearFirst) continue;
    if (p.first > 12) return true;
    if (p.second > 12) return false;
    if (p.zone && zoneVote === null && ZONES[p.zone] !== undefined) zoneVote = !MONTH_FIRST_ZONES.has(p.zone);
  }
  return zoneVote;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function parseOpenDate(text: string, options: { dayFirst?: boolean | null } = {}): ParsedOpenDate {
  const p = split(text);
  if (!p) return { ok: false, reason: 'is not a date Shipsheet recognises' };
  let year: number, month: number, day: number;
  if (p.yearFirst) [year, month, day] = [p.first, p.second, p.third];
  else {
    const dayFirst = options.dayFirst ?? (p.zone !== null ? !MONTH_FIRST_ZONES.has(p.zone) : true);
    [day, month] = dayFirst ? [p.first, p.second] : [p.second, p.first];
    year = p.third < 100 ? 2000 + p.third : p.third;
  }
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > last)
    return { ok: false, reason: 'is not a real calendar date' };
  const [h, mi, s] = p.time ?? [0, 0, 0];
  if (h > 23 || mi > 59 || s > 59) return { ok: false, reason: 'has an impossible time of day' };
  let offset: number | undefined;
  if (p.zone === null) offset = undefined;
  else if (/^[+-]/.test(p.zone)) {
    const z = p.zone.replace(':', '');
    offset = (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  } else {
    offset = ZONES[p.zone];
    if (offset === undefined)
      return { ok: false, reason: `has a time zone Shipsheet does not know (${p.zone})` };
  }
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (p.time === null && offset === undefined) return { ok: true, iso: date };
  const time = `${pad(h)}:${pad(mi)}:${pad(s)}`;
  if (offset === undefined) return { ok: true, iso: `${date}T${time}` };
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return { ok: true, iso: `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}` };
}
