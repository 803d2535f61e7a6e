/**
 * Account health on a hand-computed example. Clock: 2026-12-01T17:00Z (09:00 in Los Angeles).
 * Windows end now: 7 days from 2026-11-24T17:00Z, 10 days from 2026-11-21T17:00Z, 30 from 2026-11-01T17:00Z.
 */
import type { OrderRecord } from '../../../src/core';
import { accountHealth, checkHealth, decodeTable, localDate, ordersTable } from '../../../src/core';
import { book, context, grid, NOW, rowsOf, ups } from './fixtures';
import type { Row } from './fixtures';

function o(n: number, fields: Row): Row {
  return {
    'order-id': `111-0000000-00000${String(n).padStart(2, '0')}`,
    'order-item-id': `1000000000000${n}`,
    sku: 'S',
    'quantity-purchased': 1,
    ...fields,
  };
}
function shipped(
  n: number,
  shipBy: string,
  purchased: string,
  shipDate: string,
  confirmedAt: string | null,
  tracking = ups(n),
): Row {
  return o(n, {
    'promise-date': shipBy,
    'purchase-date': purchased,
    status: 'Shipped',
    carrier: 'UPS',
    'tracking-number': tracking,
    'ship-date': shipDate,
    'confirmed-at': confirmedAt,
  });
}

const ORDERS: Row[] = [
  // O1, O2: ship-by 22 Nov 23:59:59 PST (inside 10 and 30 days, not 7). O1 confirmed on time, O2 a day late.
  shipped(1, '2026-11-23T07:59:59Z', '2026-11-20T10:00:00Z', '2026-11-22', '2026-11-22T20:00:00Z'),
  shipped(2, '2026-11-23T07:59:59Z', '2026-11-20T10:00:00Z', '2026-11-23', '2026-11-23T18:00:00Z'),
  // O3, O4: ship-by 27 Nov PST, no confirmed-at: compared by local ship date. O3 on the day (on time), O4 the day after (late).
  shipped(3, '2026-11-28T07:59:59Z', '2026-11-25T10:00:00Z', '2026-11-27', null),
  shipped(4, '2026-11-28T07:59:59Z', '2026-11-25T10:00:00Z', '2026-11-28', null),
  // O5, O6: ship-by 14 Nov PST (30-day window only). O5 late, O6 on time.
  shipped(5, '2026-11-15T07:59:59Z', '2026-11-12T10:00:00Z', '2026-11-15', '2026-11-16T00:00:00Z'),
  shipped(6, '2026-11-15T07:59:59Z', '2026-11-12T10:00:00Z', '2026-11-14', '2026-11-14T22:00:00Z'),
  // O7 cancelled by the seller, O8 cancelled at the buyer's request (not counted against the seller).
  o(7, {
    'purchase-date': '2026-11-28T10:00:00Z',
    'promise-date': '2026-11-30T07:59:59Z',
    status: 'Cancelled',
  }),
  o(8, {
    'purchase-date': '2026-11-29T10:00:00Z',
    'promise-date': '2026-12-01T07:59:59Z',
    status: 'Cancelled',
    'is-buyer-requested-cancellation': 'true',
  }),
  // O9 due in 14.99 h, O10 9 h past ship-by, O11 due in 3 days: none has tracking.
  o(9, { 'purchase-date': '2026-11-30T10:00:00Z', 'promise-date': '2026-12-02T07:59:59Z', status: 'Rated' }),
  o(10, { 'purchase-date': '2026-11-29T10:00:00Z', 'promise-date': '2026-12-01T07:59:59Z', status: 'New' }),
  o(11, { 'purchase-date': '2026-11-30T12:00:00Z', 'promise-date': '2026-12-04T07:59:59Z', status: 'New' }),
  // O12 on time but its tracking number is a UPS number sent as USPS: invalid tracking.
  {
    ...shipped(12, '2026-11-30T07:59:59Z', '2026-11-27T10:00:00Z', '2026-11-29', '2026-11-29T20:00:00Z'),
    carrier: 'USPS',
  },
];

function records(): OrderRecord[] {
  return decodeTable(ordersTable, grid(ORDERS), { checkRequired: false }).rows.map((r) => r.record);
}

describe('accountHealth', () => {
  const health = accountHealth(records(), { now: NOW, timeZone: 'America/Los_Angeles' });
  const m = (metric: string, days: number) =>
    health.metrics.find((x) => x.metric === metric && x.windowDays === days)!;

  test.each([
    // by confirmation time (else local ship date): 7 days → O3, O4, O12; late O4 → 1 of 3
    [7, 1, 3],
    // 10 days: + O1, O2; late O2, O4 → 2 of 5 = 40% (over 4%: at risk)
    [10, 2, 5],
    // 30 days: + O5, O6; late O2, O4, O5 → 3 of 7
    [30, 3, 7],
  ])('Late Shipment Rate over %i days: %i of %i', (days, count, of) => {
    expect(m('late-shipment-rate', days)).toMatchObject({ count, of, rate: count / of, ok: false });
  });

  test.each([
    // by local ship date after the window start: 7 days → O3, O4, O12 (O12 invalid) → 2 of 3
    [7, 2, 3],
    // 10 days → O1, O2, O3, O4, O12 → 4 of 5 = 80%
    [10, 4, 5],
    // 30 days → all 7 shipped → 6 of 7 = 85.7% (under 95%)
    [30, 6, 7],
  ])('Valid Tracking Rate over %i days: %i of %i', (days, count, of) => {
    expect(m('valid-tracking-rate', days)).toMatchObject({ count, of, ok: false });
  });

  test.each([
    // placed in 7 and 10 days: O3, O4, O7, O8, O9, O10, O11, O12 = 8; seller-cancelled O7 → 1 of 8 = 12.5%
    [7, 1, 8],
    [10, 1, 8],
    // 30 days: all 12 orders → 1 of 12
    [30, 1, 12],
  ])('Pre-fulfillment Cancel Rate over %i days: %i of %i', (days, count, of) => {
    expect(m('pre-fulfillment-cancel-rate', days)).toMatchObject({ count, of });
  });

  test("Amazon's windows are marked: LSR 10 and 30, VTR 30, cancel rate 7", () => {
    expect(
      health.metrics
        .filter((x) => x.amazonWindow)
        .map((x) => `${x.metric}:${x.windowDays}`)
        .sort(),
    ).toEqual([
      'late-shipment-rate:10',
      'late-shipment-rate:30',
      'pre-fulfillment-cancel-rate:7',
      'valid-tracking-rate:30',
    ]);
  });

  test('orders at risk: O10 already 9 h late, O9 due in 14.9 h; O11 (3 days) is not', () => {
    expect(health.atRisk.map((a) => [a.orderId.slice(-2), a.hoursLeft])).toEqual([
      ['10', -9],
      ['09', 14.9],
    ]);
    expect(health.overdue).toBe(1);
  });

  test('a good month is OK', () => {
    const good = accountHealth(
      records().filter((r) => ['01', '03', '06'].includes(r['order-id'].slice(-2))),
      {
        now: NOW,
        timeZone: 'America/Los_Angeles',
      },
    );
    expect(good.metrics.filter((x) => x.rate !== null).every((x) => x.ok)).toBe(true);
  });
});

describe('checkHealth', () => {
  test('prints the metrics and writes the Health sheet, rebuilt on every run', async () => {
    const b = book({ Orders: grid(ORDERS) });
    const r = await checkHealth(b, context);
    expect(r.lines).toContain('Late Shipment Rate (10 days): 40% (2 of 5), target under 4% — AT RISK');
    expect(r.lines.at(-1)).toMatch(
      /^2 order\(s\) due within 24 hours without tracking \(1 already past ship-by\)/,
    );
    const rows = await rowsOf(b, 'Health');
    expect(rows).toHaveLength(9 + 2);
    expect(rows.find((x) => x.item === 'Late Shipment Rate' && x['window-days'] === 10)).toMatchObject({
      section: 'Metric',
      item: 'Late Shipment Rate',
      'window-days': 10,
      count: 2,
      of: 5,
      'rate-percent': 40,
      status: 'AT RISK',
    });
    await checkHealth(b, context);
    expect(await rowsOf(b, 'Health')).toEqual(rows);
  });
});

describe('localDate', () => {
  test.each([
    ['2026-12-01T03:00:00Z', 'America/Los_Angeles', '2026-11-30'],
    ['2026-12-01T08:00:00Z', 'America/Los_Angeles', '2026-12-01'],
    ['2026-03-08T09:59:59Z', 'America/Los_Angeles', '2026-03-08'],
    ['2026-11-30T15:30:00Z', 'Asia/Tokyo', '2026-12-01'],
    ['0999-01-01T00:00:00Z', 'UTC', '0999-01-01'],
  ])('%s in %s is %s', (iso, tz, day) => expect(localDate(new Date(iso), tz)).toBe(day));
});

describe('Valid Tracking Rate counts packages', () => {
  test('a split order with one bad package of two is 1 of 2, not 0 of 1', () => {
    const rows = [
      o(1, {
        'promise-date': '2026-12-01T07:59:59Z',
        'purchase-date': '2026-11-29T10:00:00Z',
        status: 'Shipped',
        carrier: 'UPS',
        'tracking-number': `${ups(1)}; ${ups(2).slice(0, -1)}0`,
        'ship-date': '2026-11-30',
      }),
    ];
    const records = decodeTable(ordersTable, grid(rows), { checkRequired: false }).rows.map((r) => r.record);
    const h = accountHealth(records, { now: NOW, timeZone: 'America/Los_Angeles' });
    expect(h.metrics.find((m) => m.metric === 'valid-tracking-rate' && m.windowDays === 30)).toMatchObject({
      count: 1,
      of: 2,
    });
  });
});
