/** Calendar dates (yyyy-mm-dd) in the seller's time zone: instants to local days and back, periods, weeks. */
import { tzOffset } from '@date-fns/tz';

export type ReportPeriod = 'day' | 'week' | 'month';
export const REPORT_PERIODS: readonly ReportPeriod[] = ['day', 'week', 'month'];

/** A local calendar date as text, `2026-11-30`. Compared as strings, they sort by time. */
export type LocalDate = string;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a local date (calendar arithmetic only, no time zone involved). */
export function dayNumber(date: LocalDate): number {
  return Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
}

export function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: LocalDate): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

export function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return fromDayNumber(dayNumber(text)) === text;
}

/** True when the runtime knows this IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
    return true;
  } catch {
    return false;
  }
}

/** The local date of an instant in a time zone. */
export function localDateOf(instant: Date | number, timeZone: string): LocalDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const offset = tzOffset(timeZone, new Date(ms));
  return new Date(ms + offset * 60_000).toISOString().slice(0, 10);
}

/** Local wall-clock minutes since midnight of an instant. */
export function localMinutesOf(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = ms + tzOffset(timeZone, new Date(ms)) * 60_000;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/**
 * The instant a local date's wall clock shows `minutes` after midnight (00:00 by default). Around a DST change
 * the offset is taken at the guessed instant and checked once more, which settles every real zone.
 */
export function instantOf(date: LocalDate, timeZone: string, minutes = 0): number {
  const wall = dayNumber(date) * DAY_MS + minutes * 60_000;
  let guess = wall - tzOffset(timeZone, new Date(wall)) * 60_000;
  guess = wall - tzOffset(timeZone, new Date(guess)) * 60_000;
  return guess;
}

/** The first day of the period holding a date: itself, its Monday, or the 1st of its month. */
export function periodStart(date: LocalDate, period: ReportPeriod): LocalDate {
  if (period === 'day') return date;
  if (period === 'week') return addDays(date, -weekdayIndex(date));
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the next period. */
export function nextPeriodStart(start: LocalDate, period: ReportPeriod): LocalDate {
  if (period === 'day') return addDays(start, 1);
  if (period === 'week') return addDays(start, 7);
  const y = +start.slice(0, 4);
  const m = +start.slice(5, 7);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** How a period is named in the report: `2026-11-30`, `2026-W49 (from 2026-11-30)`, `2026-11`. */
export function periodLabel(start: LocalDate, period: ReportPeriod): string {
  if (period === 'day') return start;
  if (period === 'month') return start.slice(0, 7);
  return `week of ${start}`;
}

export function daysInMonth(date: LocalDate): number {
  return new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7), 0)).getUTCDate();
}
