/**
 * When a scheduled report is due: the latest scheduled moment at or before now, and the complete period it
 * reports. A period already recorded as the last run is never due again; after downtime only the latest
 * missed period runs (one catch-up), not every one that was missed.
 */
import type { LocalDate, ReportPeriod } from './localCalendar';
import {
  addDays,
  daysInMonth,
  instantOf,
  localDateOf,
  nextPeriodStart,
  periodStart,
  weekdayIndex,
} from './localCalendar';

export interface ScheduleWhen {
  readonly frequency: ReportPeriod;
  /** Weekly: 0 = Monday … 6 = Sunday. */
  readonly weekday: number;
  /** Monthly: 1–31 (past the month's end means its last day). */
  readonly dayOfMonth: number;
  /** Minutes after local midnight. */
  readonly minutes: number;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const FREQUENCY: Readonly<Record<string, ReportPeriod>> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  day: 'day',
  week: 'week',
  month: 'month',
};

export type ParsedWhen = { ok: true; when: ScheduleWhen } | { ok: false; reason: string };

/**
 * `parseWhen('weekly on Monday at 07:00', 'week')`; blank means the default for the period (daily at 07:00,
 * weekly on Monday, monthly on the 1st). The frequency must match the period the report covers.
 */
export function parseWhen(text: string | null, period: ReportPeriod): ParsedWhen {
  const t = (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  let minutes = 7 * 60;
  let rest = t;
  const time = /(?:\bat )?\b(\d{1,2}):(\d{2})\s*(am|pm)?$/.exec(rest);
  if (time) {
    let h = Number(time[1]);
    const m = Number(time[2]);
    if (time[3] === 'pm' && h < 12) h += 12;
    if (time[3] === 'am' && h === 12) h = 0;
    if (h > 23 || m > 59) return { ok: false, reason: `${time[1]}:${time[2]} is not a time of day` };
    minutes = h * 60 + m;
    rest = rest.slice(0, time.index).trim();
  }
  const words = rest.split(' ').filter((w) => w !== '' && w !== 'on' && w !== 'the' && w !== 'every');
  const frequency = words.length === 0 ? period : FREQUENCY[words[0]];
  if (!frequency)
    return {
      ok: false,
      reason: `must read like "daily at 07:00", "weekly on Monday at 07:00" or "monthly on the 1st at 07:00"`,
    };
  if (frequency !== period)
    return {
      ok: false,
      reason: `runs ${words[0]} but the period is ${period}: a ${period} report runs once a ${period}`,
    };
  let weekday = 0;
  let dayOfMonth = 1;
  const arg = words[1];
  if (arg !== undefined && frequency === 'week') {
    weekday = WEEKDAYS.findIndex((d) => d.startsWith(arg.slice(0, 3)) && d.startsWith(arg));
    if (weekday < 0 || arg.length < 3) return { ok: false, reason: `${arg} is not a day of the week` };
  } else if (arg !== undefined && frequency === 'month') {
    const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(arg);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 31)
      return { ok: false, reason: `${arg} is not a day of the month (1st to 31st)` };
    dayOfMonth = Number(m[1]);
  } else if (arg !== undefined) return { ok: false, reason: `daily takes only a time, not ${arg}` };
  if (words.length > 2) return { ok: false, reason: `did not understand ${words.slice(2).join(' ')}` };
  return { ok: true, when: { frequency, weekday, dayOfMonth, minutes } };
}

function isScheduledDay(when: ScheduleWhen, date: LocalDate): boolean {
  if (when.frequency === 'day') return true;
  if (when.frequency === 'week') return weekdayIndex(date) === when.weekday;
  return Number(date.slice(8, 10)) === Math.min(when.dayOfMonth, daysInMonth(date));
}

/** The latest scheduled moment at or before `now`: its local date and instant. */
export function latestOccurrence(
  when: ScheduleWhen,
  now: Date,
  timeZone: string,
): { date: LocalDate; ms: number } {
  let d = localDateOf(now, timeZone);
  for (let i = 0; i < 40; i++, d = addDays(d, -1)) {
    if (!isScheduledDay(when, d)) continue;
    const ms = instantOf(d, timeZone, when.minutes);
    if (ms <= now.getTime()) return { date: d, ms };
  }
  throw new Error('unreachable: every schedule occurs within 40 days');
}

export interface DueRun {
  readonly due: boolean;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** `2026-11-23 to 2026-11-29`: what `last-period` records. */
  readonly periodKey: string;
  /** When the run was scheduled (epoch ms). */
  readonly scheduledMs: number;
  /** Complete periods between the last run and this one that will not be run (downtime longer than a period). */
  readonly skippedPeriods: number;
}

export function periodKey(from: LocalDate, to: LocalDate): string {
  return `${from} to ${to}`;
}

/** Whether a schedule is due at `now`, given the last period it reported (`last-period`, or null). */
export function dueRun(when: ScheduleWhen, lastPeriod: string | null, now: Date, timeZone: string): DueRun {
  const occurrence = latestOccurrence(when, now, timeZone);
  const to = addDays(periodStart(occurrence.date, when.frequency), -1);
  const from = periodStart(to, when.frequency);
  const key = periodKey(from, to);
  const lastFrom = /^(\d{4}-\d{2}-\d{2})/.exec(lastPeriod ?? '')?.[1] ?? null;
  const due = lastFrom === null || lastFrom < from;
  let skipped = 0;
  if (due && lastFrom !== null)
    for (
      let p = nextPeriodStart(periodStart(lastFrom, when.frequency), when.frequency);
      p < from && skipped < 1000;
      p = nextPeriodStart(p, when.frequency)
    )
      skipped++;
  return { due, from, to, periodKey: key, scheduledMs: occurrence.ms, skippedPeriods: skipped };
}
