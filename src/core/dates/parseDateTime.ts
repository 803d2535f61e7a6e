/** Reading the dates sellers' sheets and Amazon's files hold into exact instants. */
import type { Cell } from '../tables/cell';

export type ParsedDate = { ok: true; iso: string; date: Date } | { ok: false; reason: string };

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;

/**
 * `parseDateTime('2025-09-24T05:02:50-07:00')` → the instant, with its text kept as given.
 * Text without an offset is read in UTC unless `defaultOffsetMinutes` says otherwise; a Date cell is taken
 * as it is; an Excel serial number (days since 1899-12-30) is read as UTC wall-clock time.
 */
export function parseDateTime(cell: Cell, options: { defaultOffsetMinutes?: number } = {}): ParsedDate {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? { ok: false, reason: 'is not a valid date' }
      : { ok: true, iso: toIsoUtc(cell), date: cell };
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2958465) return { ok: false, reason: 'is not a date' };
    const date = new Date(Math.round((cell - 25569) * 86400000));
    return { ok: true, iso: toIsoUtc(date), date };
  }
  if (typeof cell !== 'string') return { ok: false, reason: 'is not a date' };
  const text = cell.trim();
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return { ok: false, reason: 'is not an ISO-8601 date (yyyy-mm-ddThh:mm:ss+hh:mm)' };
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { ok: false, reason: 'is not a real calendar date' };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60)
    return { ok: false, reason: 'has an impossible time of day' };
  let offsetMinutes = options.defaultOffsetMinutes ?? 0;
  if (zone && !/^(Z|UTC|GMT)$/i.test(zone)) {
    const z = zone.replace(':', '');
    const sign = z.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  } else if (zone) offsetMinutes = 0;
  const ms = Number((frac + '000').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), ms) - offsetMinutes * 60000;
  return { ok: true, iso: text, date: new Date(utc) };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not a Date: this runs for every date cell of every sheet read. `month` is 1-12. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/** `2025-09-24T12:02:50Z` style, without milliseconds when they are zero. */
export function toIsoUtc(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
