import {
  addWorkingDays,
  isIanaTimeZone,
  calendarDateIn,
  parseWeekdays,
  shipDate,
} from '../../../src/core/promise/calendar';

const MON_FRI = new Set([1, 2, 3, 4, 5]);
const la = {
  timeZone: 'America/Los_Angeles',
  cutoff: '14:00',
  shipDays: { weekdays: MON_FRI, holidays: new Set<string>() },
};

describe('ship date after the handling cut-off', () => {
  test('Friday 13:59 in Los Angeles (21:59Z) ships Friday 2026-12-04', () => {
    expect(shipDate(new Date('2026-12-04T21:59:00Z'), la)).toBe('2026-12-04');
  });

  test('Friday 14:00 in Los Angeles (22:00Z) is at the cut-off: skips the weekend to Monday 2026-12-07', () => {
    expect(shipDate(new Date('2026-12-04T22:00:00Z'), la)).toBe('2026-12-07');
  });

  test('Friday 23:30 in Los Angeles is already Saturday 07:30 UTC: still Friday locally, past cut-off → Monday', () => {
    expect(shipDate(new Date('2026-12-05T07:30:00Z'), la)).toBe('2026-12-07');
  });

  test('Saturday and Sunday morning ship Monday', () => {
    expect(shipDate(new Date('2026-12-05T17:00:00Z'), la)).toBe('2026-12-07');
    expect(shipDate(new Date('2026-12-06T17:00:00Z'), la)).toBe('2026-12-07');
  });

  test('the same instant, 2026-12-04T20:00Z: 12:00 in Los Angeles ships Friday, 15:00 in New York ships Monday', () => {
    const now = new Date('2026-12-04T20:00:00Z');
    expect(shipDate(now, la)).toBe('2026-12-04');
    expect(shipDate(now, { ...la, timeZone: 'America/New_York' })).toBe('2026-12-07');
  });

  test('Thursday 24 Dec after the cut-off, Friday 25 Dec a holiday → Monday 28 Dec', () => {
    const opts = { ...la, shipDays: { weekdays: MON_FRI, holidays: new Set(['2026-12-25']) } };
    expect(shipDate(new Date('2026-12-24T23:00:00Z'), opts)).toBe('2026-12-28');
  });

  test('a Saturday ship day (Mon-Sat) ships Saturday', () => {
    const opts = { ...la, shipDays: { weekdays: new Set([1, 2, 3, 4, 5, 6]), holidays: new Set<string>() } };
    expect(shipDate(new Date('2026-12-04T22:00:00Z'), opts)).toBe('2026-12-05');
  });
});

describe('working days', () => {
  test('Friday + 1 business day (Mon-Fri) = Monday; with Saturday delivery (Mon-Sat) = Saturday', () => {
    expect(addWorkingDays('2026-12-04', 1, { weekdays: MON_FRI, holidays: new Set() })).toBe('2026-12-07');
    expect(
      addWorkingDays('2026-12-04', 1, { weekdays: new Set([1, 2, 3, 4, 5, 6]), holidays: new Set() }),
    ).toBe('2026-12-05');
  });

  test('Wednesday 23 Dec + 2 skips the 25 Dec holiday and the weekend: Thu 24, Mon 28', () => {
    expect(addWorkingDays('2026-12-23', 2, { weekdays: MON_FRI, holidays: new Set(['2026-12-25']) })).toBe(
      '2026-12-28',
    );
  });

  test('zero days is the same date', () => {
    expect(addWorkingDays('2026-12-05', 0, { weekdays: MON_FRI, holidays: new Set() })).toBe('2026-12-05');
  });

  test('parseWeekdays reads ranges, lists and wraps', () => {
    const days = (t: string) => {
      const r = parseWeekdays(t);
      return r.ok ? [...r.days].sort() : r.message;
    };
    expect(days('Mon-Fri')).toEqual([1, 2, 3, 4, 5]);
    expect(days('Tue-Sat')).toEqual([2, 3, 4, 5, 6]);
    expect(days('Mon,Wed, Friday')).toEqual([1, 3, 5]);
    expect(days('Fri-Mon')).toEqual([0, 1, 5, 6]);
    expect(days('Mon-Fur')).toMatch(/not a weekday/);
  });

  test('calendarDateIn and isIanaTimeZone', () => {
    expect(calendarDateIn(new Date('2026-12-02T07:59:59Z'), 'America/Los_Angeles')).toBe('2026-12-01');
    expect(calendarDateIn(new Date('2026-12-02T07:59:59Z'), 'Europe/Berlin')).toBe('2026-12-02');
    expect(isIanaTimeZone('America/Los_Angeles')).toBe(true);
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
  });
});
