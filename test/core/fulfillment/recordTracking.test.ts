import { recordTracking } from '../../../src/core';
import { book, context, grid, order, rowsOf, ups, usps } from './fixtures';

const A = '111-0000001-0000001';
const B = '111-0000002-0000002';
const C = '111-0000003-0000003';

describe('recordTracking: from labels (Shipments)', () => {
  test('a Purchased label moves its order item to Shipped with carrier, tracking and the label day as ship date', async () => {
    const b = book({
      Orders: grid([order(A, '10000000000001', { 'shipment-id': null })]),
      Shipments: grid([
        {
          'shipment-id': 'S-1',
          'order-id': A,
          'order-items': '10000000000001:1',
          carrier: 'UPS',
          service: 'UPS Ground',
          'tracking-number': ups(1),
          state: 'Purchased',
          // 01:00 UTC on 1 Dec is 30 Nov in Los Angeles
          'created-at': '2026-12-01T01:00:00Z',
        },
      ]),
    });
    const r = await recordTracking(b, context);
    expect(r.problems).toEqual([]);
    const [o] = await rowsOf(b, 'Orders');
    expect(o).toMatchObject({
      status: 'Shipped',
      carrier: 'UPS',
      service: 'UPS Ground',
      'tracking-number': ups(1),
      'ship-date': '2026-11-30',
      'shipment-id': 'S-1',
      confirmation: 'Pending',
    });
    expect(await rowsOf(b, 'Shipments')).toHaveLength(1);
  });

  test('a label whose number does not fit its carrier is a problem on the Shipments row', async () => {
    const b = book({
      Orders: grid([order(A, '10000000000001')]),
      Shipments: grid([
        {
          'shipment-id': 'S-1',
          'order-id': A,
          'order-items': '10000000000001:1',
          carrier: 'USPS',
          'tracking-number': ups(1),
          state: 'Purchased',
        },
      ]),
    });
    const r = await recordTracking(b, context);
    expect(r.problems[0]).toMatchObject({ sheet: 'Shipments', row: 2, column: 'tracking-number' });
    expect(r.problems[0].message).toMatch(/looks like a UPS tracking number, not USPS/);
    expect((await rowsOf(b, 'Orders'))[0].status).toBe('Labeled');
  });
});

describe('recordTracking: typed into Orders', () => {
  test('a typed number for the chosen carrier ships the item and gets a Shipments row', async () => {
    const b = book({
      Orders: grid([order(A, '10000000000001', { carrier: 'USPS', 'tracking-number': usps(5) })]),
    });
    const r = await recordTracking(b, context);
    expect(r.problems).toEqual([]);
    const [o] = await rowsOf(b, 'Orders');
    expect(o).toMatchObject({
      status: 'Shipped',
      'ship-date': '2026-12-01',
      'shipment-id': `TRK-${usps(5)}`,
    });
    const [s] = await rowsOf(b, 'Shipments');
    expect(s).toMatchObject({
      'order-id': A,
      'order-items': '10000000000001:1',
      carrier: 'USPS',
      state: 'InTransit',
    });
  });

  test('a typed number with a bad check digit is a problem on that row, written to its problem column, not shipped', async () => {
    const bad = usps(5).slice(0, -1) + String((Number(usps(5).slice(-1)) + 1) % 10);
    const b = book({
      Orders: grid([order(A, '10000000000001', { carrier: 'USPS', 'tracking-number': bad })]),
    });
    const r = await recordTracking(b, context);
    expect(r.problems[0]).toMatchObject({ sheet: 'Orders', row: 2, column: 'tracking-number' });
    const [o] = await rowsOf(b, 'Orders');
    expect(o.status).toBe('Labeled');
    expect(String(o.problem)).toMatch(/check digit/);
    expect((await b.read(['Shipments'])).get('Shipments')?.length ?? 0).toBeLessThanOrEqual(1);
  });

  test('with no carrier chosen, the carrier is taken from the number when only one fits', async () => {
    const b = book({ Orders: grid([order(A, '10000000000001', { 'tracking-number': ups(3) })]) });
    await recordTracking(b, context);
    expect((await rowsOf(b, 'Orders'))[0]).toMatchObject({ carrier: 'UPS', status: 'Shipped' });
  });
});

describe('recordTracking: from a carrier export', () => {
  test('columns are found by header (ShipStation-style names, US dates)', async () => {
    const b = book({ Orders: grid([order(A, '10000000000001'), order(B, '20000000000001')]) });
    const file = grid([
      {
        'Order - Number': A,
        'Shipment - Tracking Number': ups(1),
        Carrier: 'ups',
        'Ship Date': '11/30/2026 4:12 PM',
      },
      {
        'Order - Number': B,
        'Shipment - Tracking Number': usps(2),
        Carrier: 'USPS',
        'Ship Date': '12/1/2026',
      },
    ]);
    const r = await recordTracking(b, context, { grid: file, source: 'shipstation.csv' });
    expect(r.problems).toEqual([]);
    const rows = await rowsOf(b, 'Orders');
    expect(rows.map((o) => [o.status, o.carrier, o['ship-date']])).toEqual([
      ['Shipped', 'UPS', '2026-11-30'],
      ['Shipped', 'USPS', '2026-12-01'],
    ]);
  });

  test('a split shipment: two packages of one item, each with its quantity', async () => {
    const b = book({ Orders: grid([order(A, '10000000000001', { 'quantity-purchased': 3 })]) });
    const file = grid([
      {
        'order-id': A,
        'order-item-id': '10000000000001',
        quantity: 2,
        'tracking-number': ups(1),
        carrier: 'UPS',
      },
      {
        'order-id': A,
        'order-item-id': '10000000000001',
        quantity: 1,
        'tracking-number': ups(2),
        carrier: 'UPS',
      },
    ]);
    const r = await recordTracking(b, context, { grid: file, source: 'split.csv' });
    expect(r.problems).toEqual([]);
    const [o] = await rowsOf(b, 'Orders');
    expect(o).toMatchObject({ status: 'Shipped', 'tracking-number': `${ups(1)}; ${ups(2)}` });
    const s = await rowsOf(b, 'Shipments');
    expect(s.map((x) => x['order-items'])).toEqual(['10000000000001:2', '10000000000001:1']);
  });

  test('one package so far of a split: tracking recorded, item not yet Shipped', async () => {
    const b = book({ Orders: grid([order(A, '10000000000001', { 'quantity-purchased': 3 })]) });
    const file = grid([
      { 'order-id': A, 'order-item-id': '10000000000001', quantity: 2, 'tracking-number': ups(1) },
    ]);
    await recordTracking(b, context, { grid: file, source: 'part.csv' });
    const [o] = await rowsOf(b, 'Orders');
    expect(o).toMatchObject({
      status: 'Labeled',
      'tracking-number': ups(1),
      problem: '2 of 3 units have tracking',
    });
  });

  test('bad rows are per-row problems and their orders are left whole; good orders still record', async () => {
    const b = book({
      Orders: grid([
        order(A, '10000000000001', { 'quantity-purchased': 1 }),
        order(B, '20000000000001', {
          status: 'Shipped',
          'tracking-number': ups(9),
          carrier: 'UPS',
          'shipment-id': 'S-9',
        }),
        order(C, '30000000000001', { 'quantity-purchased': 2 }),
        order('111-0000004-0000004', '40000000000001'),
        order('111-0000005-0000005', '50000000000001'),
      ]),
    });
    const file = grid([
      { 'order-id': '999-9999999-9999999', 'tracking-number': ups(1), carrier: 'UPS' },
      { 'order-id': A, 'tracking-number': ups(9), carrier: 'UPS' },
      {
        'order-id': C,
        'order-item-id': '30000000000001',
        quantity: 2,
        'tracking-number': ups(3),
        carrier: 'UPS',
      },
      {
        'order-id': C,
        'order-item-id': '30000000000001',
        quantity: 1,
        'tracking-number': ups(4),
        carrier: 'UPS',
      },
      {
        'order-id': '111-0000004-0000004',
        'tracking-number': ups(5),
        carrier: 'UPS',
        'ship-date': '2026-11-29',
      },
      { 'order-id': '111-0000005-0000005', 'tracking-number': ups(6), carrier: 'UPS' },
    ]);
    const before = await rowsOf(b, 'Orders');
    const r = await recordTracking(b, context, { grid: file, source: 'export.csv' });
    const messages = r.problems.map((p) => `${p.sheet}:${p.row}:${p.column}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^export.csv:2:order-id: order 999-9999999-9999999 is not in the Orders sheet/),
        expect.stringMatching(/^export.csv:3:tracking-number: .*already used on order 111-0000002-0000002/),
        expect.stringMatching(/^export.csv:4:quantity: packages hold 3 units .* only 2 were ordered/),
        expect.stringMatching(/^export.csv:5:quantity: packages hold 3 units/),
        expect.stringMatching(/^export.csv:6:ship-date: ship date 2026-11-29 is before order/),
      ]),
    );
    const after = await rowsOf(b, 'Orders');
    const keys = Object.keys(before[0]);
    const pick = (r: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, r[k]]));
    expect(after.slice(0, 4).map(pick)).toEqual(before.slice(0, 4).map(pick));
    expect(after.slice(0, 4).map((o) => o['ship-date'] ?? null)).toEqual([null, null, null, null]);
    expect(after[4]).toMatchObject({ status: 'Shipped', 'tracking-number': ups(6) });
    const shipments = await rowsOf(b, 'Shipments');
    expect(shipments.map((s) => s['order-id'])).toEqual(['111-0000005-0000005']);
  });

  test('a file without an order id or tracking column is refused and nothing is written', async () => {
    const b = book({ Orders: grid([order(A, '10000000000001')]) });
    const r = await recordTracking(b, context, {
      grid: [
        ['name', 'qty'],
        ['x', '1'],
      ],
      source: 'junk.csv',
    });
    expect(r.ok).toBe(false);
    expect(b.calls.write).toBe(0);
  });

  test('running twice changes nothing the second time (only a Log row)', async () => {
    const b = book({ Orders: grid([order(A, '10000000000001', { 'quantity-purchased': 2 })]) });
    const file = grid([
      { 'order-id': A, quantity: 1, 'tracking-number': ups(1), carrier: 'UPS' },
      { 'order-id': A, quantity: 1, 'tracking-number': ups(2), carrier: 'UPS' },
    ]);
    await recordTracking(b, context, { grid: file, source: 'f.csv' });
    const orders = await rowsOf(b, 'Orders');
    const shipments = await rowsOf(b, 'Shipments');
    const again = await recordTracking(b, context, { grid: file, source: 'f.csv' });
    expect(again.problems).toEqual([]);
    expect(again.stats.unchanged).toBe(2);
    expect(await rowsOf(b, 'Orders')).toEqual(orders);
    expect(await rowsOf(b, 'Shipments')).toEqual(shipments);
    expect(await rowsOf(b, 'Log')).toHaveLength(2);
  });
});

describe('recordTracking: labels step already wrote tracking on Orders', () => {
  test('a Labeled item with its label tracking and shipment-id still moves to Shipped', async () => {
    const b = book({
      Orders: grid([
        order(A, '10000000000001', {
          status: 'Labeled',
          'shipment-id': 'S-1',
          'tracking-number': ups(1),
          carrier: 'UPS',
        }),
      ]),
      Shipments: grid([
        {
          'shipment-id': 'S-1',
          'order-id': A,
          'order-items': '10000000000001:1',
          carrier: 'UPS',
          'tracking-number': ups(1),
          state: 'Purchased',
          'created-at': '2026-12-01T16:00:00Z',
        },
      ]),
    });
    const r = await recordTracking(b, context);
    expect(r.problems).toEqual([]);
    expect((await rowsOf(b, 'Orders'))[0]).toMatchObject({
      status: 'Shipped',
      'ship-date': '2026-12-01',
      'tracking-number': ups(1),
    });
    const again = await recordTracking(b, context);
    expect(again.stats).toMatchObject({ lines: 0, shipped: 0 });
  });
});

describe('recordTracking: one number, two orders in the same export', () => {
  test('neither order is recorded and both rows say why', async () => {
    const b = book({ Orders: grid([order(A, '10000000000001'), order(B, '20000000000001')]) });
    const file = grid([
      { 'order-id': A, 'tracking-number': ups(7), carrier: 'UPS' },
      { 'order-id': B, 'tracking-number': ups(7), carrier: 'UPS' },
    ]);
    const r = await recordTracking(b, context, { grid: file, source: 'dup.csv' });
    expect(r.problems.filter((p) => p.column === 'tracking-number').map((p) => p.row)).toEqual([3, 2]);
    expect((await rowsOf(b, 'Orders')).map((o) => o.status)).toEqual(['Labeled', 'Labeled']);
  });
});
