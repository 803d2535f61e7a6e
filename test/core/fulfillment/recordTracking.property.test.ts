/** Invariants of record-tracking on random carrier exports: never more units in packages than ordered, never half an order. */
import fc from 'fast-check';
import { parsePackageItems, recordTracking } from '../../../src/core';
import { book, context, grid, order, rowsOf, ups, usps } from './fixtures';

const ORDERS = [1, 2, 3, 4].map((n) => ({
  id: `111-000000${n}-000000${n}`,
  item: `${n}0000000000001`,
  qty: n,
}));

const exportRow = fc.record({
  order: fc.integer({ min: 0, max: 4 }),
  withItem: fc.boolean(),
  quantity: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  tracking: fc.integer({ min: 1, max: 6 }),
  carrier: fc.constantFrom('UPS', 'USPS', 'FedEx'),
});

describe('recordTracking properties', () => {
  test('packages never hold more than ordered, a number never serves two orders, an order with a problem is untouched', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(exportRow, { minLength: 1, maxLength: 8 }), async (rows) => {
        const b = book({
          Orders: grid(ORDERS.map((o) => order(o.id, o.item, { 'quantity-purchased': o.qty }))),
        });
        const before = await rowsOf(b, 'Orders');
        const file = grid(
          rows.map((r) => ({
            'order-id': r.order === 4 ? '999-9999999-9999999' : ORDERS[r.order].id,
            'order-item-id': r.withItem && r.order < 4 ? ORDERS[r.order].item : null,
            quantity: r.quantity,
            'tracking-number': r.carrier === 'UPS' ? ups(r.tracking) : usps(r.tracking),
            carrier: r.carrier,
          })),
          ['order-id', 'order-item-id', 'quantity', 'tracking-number', 'carrier'],
        );
        const result = await recordTracking(b, context, { grid: file, source: 'random.csv' });
        const after = await rowsOf(b, 'Orders');
        const shipments = await rowsOf(b, 'Shipments').catch(() => []);
        const orderOfTracking = new Map<string, string>();
        for (const s of shipments) {
          const t = String(s['tracking-number']);
          expect(orderOfTracking.get(t) ?? s['order-id']).toBe(s['order-id']);
          orderOfTracking.set(t, String(s['order-id']));
        }
        const packed = new Map<string, number>();
        for (const s of shipments)
          for (const it of parsePackageItems(String(s['order-items'] ?? '')) ?? [])
            packed.set(it.orderItemId, (packed.get(it.orderItemId) ?? 0) + (it.quantity ?? 0));
        const failed = new Set(
          result.problems.filter((p) => p.row !== null).map((p) => String(file[p.row! - 1][0])),
        );
        ORDERS.forEach((o, i) => {
          expect(packed.get(o.item) ?? 0).toBeLessThanOrEqual(o.qty);
          if (failed.has(o.id)) {
            expect(after[i]['tracking-number'] ?? null).toBe(before[i]['tracking-number'] ?? null);
            expect(after[i].status).toBe(before[i].status);
          }
          if (after[i].status === 'Shipped') expect(packed.get(o.item)).toBe(o.qty);
        });
      }),
      { numRuns: 150 },
    );
  });
});
