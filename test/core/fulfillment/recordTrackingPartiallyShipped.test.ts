/** record-tracking on an item Amazon already shipped part of (a PartiallyShipped order pulled from the Orders API). */
import { recordTracking } from '../../../src/core';
import { book, context, grid, order, rowsOf, ups } from './fixtures';

const A = '111-0000001-0000001';

test('the units still to ship having tracking make the item Shipped; fewer leave it waiting', async () => {
  const label = (id: string, units: number, n: number) => ({
    'shipment-id': id,
    'order-id': A,
    'order-items': `10000000000001:${units}`,
    carrier: 'UPS',
    service: 'UPS Ground',
    'tracking-number': ups(n),
    state: 'Purchased',
    'created-at': '2026-12-01T18:00:00Z',
  });
  const rest = { 'quantity-purchased': 3, 'quantity-shipped': 1, 'quantity-to-ship': 2, 'shipment-id': null };
  const full = book({
    Orders: grid([order(A, '10000000000001', rest)]),
    Shipments: grid([label('S-1', 2, 1)]),
  });
  expect((await recordTracking(full, context)).problems).toEqual([]);
  expect((await rowsOf(full, 'Orders'))[0]).toMatchObject({ status: 'Shipped', problem: null });

  const part = book({
    Orders: grid([order(A, '10000000000001', rest)]),
    Shipments: grid([label('S-1', 1, 1)]),
  });
  await recordTracking(part, context);
  expect((await rowsOf(part, 'Orders'))[0]).toMatchObject({
    status: 'Labeled',
    problem: '1 of 2 units have tracking',
  });
});
