// When scheduled reports are due, with fixed clocks in the seller's time zone.
import { dueRun, latestOccurrence, parseWhen } from '../../../src/core';
import type { ScheduleWhen } from '../../../src/core';

const LA = 'America/Los_Angeles';
const when = (text: string | null, period: 'day' | 'week' | 'month'): ScheduleWhen => {
  const p = parseWhen(text, period);
  if (!p.ok) throw new Error(p.reason);
  return p.when;
};

describe('parseWhen', () => {
  it('reads the three spellings and the defaults', () => {
    expect(when('daily at 07:00', 'day')).toEqual({
      frequency: 'day',
      weekday: 0,
      dayOfMonth: 1,
      minutes: 420,
    });
    expect(when('weekly on Monday at 07:00', 'week')).toMatchObject({ weekday: 0, minutes: 420 });
    expect(when('Weekly on friday 6:30 pm', 'week')).toMatchObject({ weekday: 4, minutes: 18 * 60 + 30 });
    expect(when('monthly on the 1st at 07:00', 'month')).toMatchObject({ dayOfMonth: 1, minutes: 420 });
    expect(when('', 'month')).toMatchObject({ frequency: 'month', dayOfMonth: 1, minutes: 420 });
  });
  it('says what is wrong', () => {
    expect(parseWhen('weekly on Funday', 'week')).toEqual({
      ok: false,
      reason: 'funday is not a day of the week',
    });
    expect(parseWhen('daily at 25:00', 'day')).toMatchObject({
      ok: false,
      reason: '25:00 is not a time of day',
    });
    expect(parseWhen('daily at 07:00', 'week')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/period is week/),
    });
    expect(parseWhen('monthly on the 32nd', 'month')).toMatchObject({ ok: false });
  });
});

describe('dueRun', () => {
  const daily = when('daily at 07:00', 'day');
  const weekly = when('weekly on Monday at 07:00', 'week');
  const monthly = when('monthly on the 1st at 07:00', 'month');

  it('daily at 07:00 Los Angeles: before 07:00 the day before yesterday is the last period, after it yesterday', () => {
    // 2026-12-01 06:59 PST = 14:59Z; 07:00 PST = 15:00Z.
    expect(dueRun(daily, null, new Date('2026-12-01T14:59:00Z'), LA)).toMatchObject({
      due: true,
      from: '2026-11-29',
      to: '2026-11-29',
    });
    expect(dueRun(daily, null, new Date('2026-12-01T15:00:00Z'), LA)).toMatchObject({
      due: true,
      periodKey: '2026-11-30 to 2026-11-30',
    });
  });

  it('never runs the same period twice', () => {
    const now = new Date('2026-12-01T16:00:00Z');
    const first = dueRun(daily, null, now, LA);
    expect(first.due).toBe(true);
    expect(dueRun(daily, first.periodKey, now, LA).due).toBe(false);
    expect(dueRun(daily, first.periodKey, new Date('2026-12-02T14:00:00Z'), LA).due).toBe(false);
    expect(dueRun(daily, first.periodKey, new Date('2026-12-02T15:00:00Z'), LA)).toMatchObject({
      due: true,
      from: '2026-12-01',
    });
  });

  it('weekly on Monday reports the Monday-to-Sunday before, once', () => {
    // Monday 2026-11-30 07:00 PST.
    const r = dueRun(weekly, '2026-11-16 to 2026-11-22', new Date('2026-11-30T15:00:00Z'), LA);
    expect(r).toMatchObject({ due: true, from: '2026-11-23', to: '2026-11-29', skippedPeriods: 0 });
    expect(dueRun(weekly, r.periodKey, new Date('2026-12-06T23:00:00Z'), LA).due).toBe(false);
  });

  it('after downtime catches up one missed run, the latest, and counts the ones it skips', () => {
    // Down from 2026-11-20 until Thursday 2026-12-10: the runs of 11-23 (week of 11-16) and 11-30 (week of
    // 11-23) were missed, and the week of 11-30 has just ended: only that latest one runs.
    const r = dueRun(weekly, '2026-11-09 to 2026-11-15', new Date('2026-12-10T20:00:00Z'), LA);
    expect(r).toMatchObject({ due: true, from: '2026-11-30', to: '2026-12-06', skippedPeriods: 2 });
    expect(dueRun(weekly, r.periodKey, new Date('2026-12-10T20:01:00Z'), LA).due).toBe(false);
  });

  it('monthly on the 1st reports last month; the 31st means the last day in short months', () => {
    expect(dueRun(monthly, null, new Date('2026-12-01T15:00:00Z'), LA)).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(dueRun(monthly, null, new Date('2026-12-01T14:00:00Z'), LA)).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    const last = when('monthly on the 31st', 'month');
    expect(latestOccurrence(last, new Date('2026-12-01T00:00:00Z'), LA).date).toBe('2026-11-30');
  });

  it('keeps 07:00 local across the DST change (PDT to PST on 2026-11-01)', () => {
    expect(latestOccurrence(daily, new Date('2026-10-31T14:00:00Z'), LA)).toEqual({
      date: '2026-10-31',
      ms: Date.parse('2026-10-31T14:00:00Z'),
    });
    expect(latestOccurrence(daily, new Date('2026-11-01T15:00:00Z'), LA)).toEqual({
      date: '2026-11-01',
      ms: Date.parse('2026-11-01T15:00:00Z'),
    });
    expect(latestOccurrence(daily, new Date('2026-11-01T14:30:00Z'), LA).date).toBe('2026-10-31');
  });

  it('uses the seller time zone, not the machine one (Tokyo is a day ahead)', () => {
    expect(dueRun(daily, null, new Date('2026-11-30T23:00:00Z'), 'Asia/Tokyo')).toMatchObject({
      from: '2026-11-30',
    });
  });
});
