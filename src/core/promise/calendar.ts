/**
 * Calendar days as `yyyy-mm-dd` text in the seller's time zone: today's ship date after the handling cut-off,
 * and business days forward over a set of working weekdays and holidays. Time zones through @date-fns/tz.
 */
import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** `parseWeekdays('Mon-Fri')` → {1,2,3,4,5}; also `Mon,Wed,Sat`, `Tue-Sat`, full names. */
export function parseWeekdays(
  text: string,
): { ok: true; days: ReadonlySet<number> } | { ok: false; message: string } {
  const days = new Set<number>();
  const index = (w: string): number =>
    WEEKDAYS.indexOf(w.trim().slice(0, 3).toLowerCase() as (typeof WEEKDAYS)[number]);
  for (const part of text.split(/[,;]/)) {
    const p = part.trim();
    if (p === '') continue;
    const range = p.split(/\s*-\s*/);
    if (range.length > 2) return { ok: false, message: `"${p}" is not a weekday or a range like Mon-Fri` };
    const from = index(range[0]);
    const to = range.length === 2 ? index(range[1]) : from;
    if (from < 0 || to < 0)
      return { ok: false, message: `"${p}" is not a weekday (Mon, Tue, … Sun) or a range like Mon-Fri` };
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  if (days.size === 0) return { ok: false, message: 'names no weekday' };
  return { ok: true, days };
}

/** True when the name is an IANA time zone this runtime knows. */
export function isIanaTimeZone(name: string): boolean {
  return name.trim() !== '' && !Number.isNaN(new TZDate(0, name).getHours());
}

/** The calendar date of an instant in a time zone: `calendarDateIn(new Date('2026-12-02T07:59:59Z'), 'America/Los_Angeles')` → `2026-12-01`. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  return format(instant, 'yyyy-MM-dd', { in: tz(timeZone) });
}

function toUtcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function dayOfWeek(date: string): number {
  return toUtcDay(date).getUTCDay();
}

export function addCalendarDays(date: string, n: number): string {
  const d = toUtcDay(date);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface WorkingDays {
  /** Weekdays worked, 0 = Sunday. */
  readonly weekdays: ReadonlySet<number>;
  /** `yyyy-mm-dd` dates not worked. */
  readonly holidays: ReadonlySet<string>;
}

export function isWorkingDay(date: string, days: WorkingDays): boolean {
  return days.weekdays.has(dayOfWeek(date)) && !days.holidays.has(date);
}

/** The first working day on or after a date. */
export function nextWorkingDay(date: string, days: WorkingDays): string {
  let d = date;
  for (let i = 0; i < 400 && !isWorkingDay(d, days); i++) d = addCalendarDays(d, 1);
  return d;
}

/** `addWorkingDays('2026-12-04', 1, Mon-Fri)` (a Friday) → `2026-12-07` (Monday). Zero days: the same date. */
export function addWorkingDays(date: string, n: number, days: WorkingDays): string {
  let d = date;
  let left = n;
  for (let i = 0; left > 0 && i < 4000; i++) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, days)) left--;
  }
  return d;
}

export interface ShipDayOptions {
  readonly timeZone: string;
  /** `HH:MM` local: orders handled at or after it ship the next ship day. */
  readonly cutoff: string;
  readonly shipDays: WorkingDays;
}

/**
 * Today's ship date: the local date of `now` in the warehouse's time zone, moved to the next ship day when
 * `now` is at or past the handling cut-off, or today is not a ship day (a weekend, a holiday).
 */
export function shipDate(now: Date, options: ShipDayOptions): string {
  const local = new TZDate(now.getTime(), options.timeZone);
  const [h, m] = options.cutoff.split(':').map(Number);
  const today = format(local, 'yyyy-MM-dd');
  const minutes = local.getHours() * 60 + local.getMinutes();
  const start = minutes >= h * 60 + m ? addCalendarDays(today, 1) : today;
  return nextWorkingDay(start, options.shipDays);
}
