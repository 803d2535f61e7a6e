// Properties of the report over generated orders, and what it does with bad or empty input.
import fc from 'fast-check';
import {
  MemoryWorkbook,
  addFigures,
  buildSalesReport,
  profit,
  runSalesReport,
  zeroFigures,
} from '../../../src/core';
import type { FeeRules, Grid, ParsedAllOrders } from '../../../src/core';

const RULES: FeeRules = {
  plan: 'Professional',
  defaultRate: { basisPoints: 1500, minimumMinor: 30 },
  categories: new Map(),
  perItemFeeMinor: 99,
  monthlyFeeMinor: 3999,
};

function allOrders(
  lines: {
    order: number;
    sku: string;
    day: number;
    hour: number;
    units: number;
    price: number;
    currency: string;
  }[],
): ParsedAllOrders {
  return {
    source: 'gen.txt',
    usable: true,
    problems: [],
    rows: lines.map((l, i) => ({
      rowNumber: i + 2,
      record: {
        'amazon-order-id': `O${l.order}`,
        'purchase-date': new Date(Date.UTC(2026, 10, 1 + l.day, l.hour)).toISOString(),
        'order-status': 'Shipped',
        'fulfillment-channel': 'Merchant',
        'sales-channel': null,
        sku: l.sku,
        'item-status': null,
        quantity: l.units,
        currency: l.currency,
        'item-price': l.price,
        'item-tax': null,
        'shipping-price': null,
        'shipping-tax': null,
        'gift-wrap-price': null,
        'item-promotion-discount': null,
        'ship-promotion-discount': null,
      },
    })),
  };
}

const empty = { orders: [], settlements: [], returns: [], shipments: [], inventory: [], listings: [] };

describe('sales report invariants', () => {
  it('periods add up to the total, SKUs add up to the total, in every currency and period size', () => {
    const line = fc.record({
      order: fc.integer({ min: 1, max: 40 }),
      sku: fc.constantFrom('A', 'B', 'C'),
      day: fc.integer({ min: 0, max: 40 }),
      hour: fc.integer({ min: 0, max: 23 }),
      units: fc.integer({ min: 1, max: 4 }),
      price: fc.integer({ min: 0, max: 50_000 }),
      currency: fc.constantFrom('USD', 'USD', 'JPY'),
    });
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 60 }),
        fc.constantFrom('day', 'week', 'month') as fc.Arbitrary<'day' | 'week' | 'month'>,
        fc.constantFrom('USD', 'JPY'),
        (lines, period, currency) => {
          // The same order id always has the same date and currency, as in a real report.
          const first = new Map<number, (typeof lines)[number]>();
          const fixed = lines.map((l) => {
            const f = first.get(l.order) ?? (first.set(l.order, l), l);
            return { ...l, day: f.day, hour: f.hour, currency: f.currency };
          });
          const r = buildSalesReport(
            { ...empty, allOrders: [allOrders(fixed)] },
            {
              period,
              from: '2026-11-09',
              to: '2026-11-29',
              timeZone: 'America/New_York',
              currency,
              fees: RULES,
            },
          );
          const sumPeriods = r.periods.reduce((t, p) => addFigures(t, p.figures), zeroFigures());
          const sumSkus = r.skus.reduce((t, s) => addFigures(t, s.figures), zeroFigures());
          expect(sumPeriods).toEqual(r.total);
          expect({ ...sumSkus, orders: 0 }).toEqual({ ...r.total, orders: 0 });
          expect(r.skus.reduce((t, s) => t + profit(s.figures), 0)).toBe(profit(r.total));
          // Never mixed: only lines in the report currency count.
          const inCurrency = fixed.filter((l) => l.currency === currency);
          expect(r.total.grossSales).toBeLessThanOrEqual(inCurrency.reduce((t, l) => t + l.price, 0));
          expect(r.total.orders).toBeLessThanOrEqual(new Set(inCurrency.map((l) => l.order)).size);
        },
      ),
      { numRuns: 80, seed: 7 },
    );
  });

  it('an empty period still builds, with zeros and a note saying so', () => {
    const r = buildSalesReport(
      { ...empty, allOrders: [] },
      {
        period: 'week',
        from: '2026-11-23',
        to: '2026-11-29',
        timeZone: 'UTC',
        currency: 'USD',
        fees: { ...RULES, monthlyFeeMinor: 0 },
      },
    );
    expect(r.total).toEqual(zeroFigures());
    expect(r.periods).toHaveLength(1);
    expect(r.notes.map((n) => n.text)).toContain('No sales from 2026-11-23 to 2026-11-29.');
  });

  it('a range cut inside a week labels its partial periods', () => {
    const r = buildSalesReport(
      { ...empty, allOrders: [] },
      {
        period: 'week',
        from: '2026-11-25',
        to: '2026-12-02',
        timeZone: 'UTC',
        currency: 'USD',
        fees: RULES,
        today: '2026-12-02',
      },
    );
    expect(r.periods.map((p) => p.label)).toEqual([
      'week of 2026-11-23 (2026-11-25 to 2026-11-29)',
      'week of 2026-11-30 (2026-11-30 to 2026-12-02)',
    ]);
    expect(r.notes.some((n) => /not complete/.test(n.text))).toBe(true);
  });

  it('refuses a range that ends before it starts, and a date that is not one, writing nothing', async () => {
    const book = new MemoryWorkbook('m', { Settings: [['key', 'value']] });
    const a = await runSalesReport(
      book,
      { period: 'day', from: '2026-11-10', to: '2026-11-01' },
      { now: new Date() },
    );
    expect(a.result).toMatchObject({
      ok: false,
      message: '--from 2026-11-10 is after --to 2026-11-01: nothing to report.',
    });
    const b = await runSalesReport(
      book,
      { period: 'day', from: '2026-02-30', to: '2026-03-01' },
      { now: new Date() },
    );
    expect(b.result.message).toMatch(/--from "2026-02-30" is not a date/);
    expect(book.calls.write).toBe(0);
  });

  it('rebuilding replaces the whole Sales Report sheet and leaves a Log row per run', async () => {
    const orders: Grid = [
      [
        'order-id',
        'order-item-id',
        'purchase-date',
        'sku',
        'quantity-purchased',
        'currency',
        'item-price',
        'status',
      ],
      ['O1', '1', '2026-11-23T18:00:00Z', 'A', 1, 'USD', 10, 'Shipped'],
      ['O2', '2', '2026-11-24T18:00:00Z', 'A', 1, 'USD', 12, 'Cancelled'],
    ];
    const book = new MemoryWorkbook('m', {
      Settings: [
        ['key', 'value'],
        ['timezone', 'UTC'],
      ],
      Orders: orders,
      'Sales Report': [
        ['old'],
        ['x'],
        ['y'],
        ['z'],
        ['w'],
        ['v'],
        ['u'],
        ['t'],
        ['s'],
        ['r'],
        ['q'],
        ['p'],
        ['o'],
      ],
    });
    await runSalesReport(
      book,
      { period: 'day', from: '2026-11-23', to: '2026-11-24' },
      { now: new Date('2026-11-25T00:00:00Z') },
    );
    const first = (await book.read(['Sales Report'])).get('Sales Report')!;
    await runSalesReport(
      book,
      { period: 'day', from: '2026-11-23', to: '2026-11-24' },
      { now: new Date('2026-11-25T00:00:00Z') },
    );
    const second = (await book.read(['Sales Report', 'Log'])).get('Sales Report')!;
    expect(second).toEqual(first);
    expect(first[0][0]).toBe('section');
    expect(first.some((r) => r[0] === 'old' || r[0] === 'o')).toBe(false);
    // Account health (the health step's metrics on the same Orders rows) is part of the report.
    const health = first.filter((r) => r[0] === 'Health').map((r) => r[1]);
    expect(health).toEqual(
      expect.arrayContaining([
        'Late Shipment Rate (last 10 days)',
        'Valid Tracking Rate (last 30 days)',
        'Orders at risk of shipping late now',
      ]),
    );
    expect((await book.read(['Log'])).get('Log')!.length).toBe(3);
  });
});
