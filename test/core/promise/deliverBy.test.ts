import { orderPromise, parseLevelDays } from '../../../src/core/promise/deliverBy';

const levels = parseLevelDays(['Standard:5', 'Expedited:3', 'SecondDay:2', 'NextDay:1', 'Prime:2']);
if (!levels.ok) throw new Error(levels.message);
const options = {
  timeZone: 'America/Los_Angeles',
  levelDays: levels.days,
  businessDays: { weekdays: new Set([1, 2, 3, 4, 5]), holidays: new Set<string>() },
};
const base = {
  promiseDate: null,
  deliveryEndDate: null,
  deliveryTimeZone: null,
  shipServiceLevel: null,
  isPrime: false,
};

describe('order promise', () => {
  test('delivery-end-date 2026-12-05T07:59:59Z is the end of Friday 4 Dec in Los Angeles', () => {
    const p = orderPromise({ ...base, deliveryEndDate: '2026-12-05T07:59:59Z' }, options, '2026-12-01');
    expect(p).toMatchObject({ deliverBy: '2026-12-04', deliverBySource: 'delivery-end-date' });
  });

  test('the delivery-time-zone decides the date when it is a real zone: New York → Saturday 5 Dec', () => {
    const p = orderPromise(
      { ...base, deliveryEndDate: '2026-12-05T07:59:59Z', deliveryTimeZone: 'America/New_York' },
      options,
      '2026-12-01',
    );
    expect(p.deliverBy).toBe('2026-12-05');
  });

  test('ship-by 2026-12-05T07:59:59Z = Friday 4 Dec locally; NextDay = ship-by + 1 business day = Monday 7 Dec', () => {
    const p = orderPromise(
      { ...base, promiseDate: '2026-12-05T07:59:59Z', shipServiceLevel: 'NextDay' },
      options,
      '2026-12-01',
    );
    expect(p).toEqual({ shipBy: '2026-12-04', deliverBy: '2026-12-07', deliverBySource: 'service-level' });
  });

  test('Standard is ship-by + 5 business days (Tue 1 Dec → Tue 8 Dec); a Prime order takes the 2 Prime days (Thu 3 Dec)', () => {
    const std = { ...base, promiseDate: '2026-12-02T07:59:59Z', shipServiceLevel: 'Standard' };
    expect(orderPromise(std, options, '2026-12-01').deliverBy).toBe('2026-12-08');
    expect(orderPromise({ ...std, isPrime: true }, options, '2026-12-01').deliverBy).toBe('2026-12-03');
  });

  test('no ship-by: counted from the ship date; an unknown level sets no deliver-by', () => {
    expect(orderPromise({ ...base, shipServiceLevel: 'SecondDay' }, options, '2026-12-04').deliverBy).toBe(
      '2026-12-08',
    );
    expect(
      orderPromise({ ...base, shipServiceLevel: 'FreeEconomy' }, options, '2026-12-04').deliverBy,
    ).toBeNull();
  });

  test('parseLevelDays rejects a malformed entry', () => {
    expect(parseLevelDays(['Standard=5', 'NextDay'])).toEqual({
      ok: false,
      message: '"NextDay" is not LEVEL:DAYS (e.g. Standard:5)',
    });
  });
});
