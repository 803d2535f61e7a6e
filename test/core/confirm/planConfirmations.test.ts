/** Which packages still need a confirmation, with stable package numbers and the problems that hold a row back. */
import type { Cell, OrderRecord, ShipmentRecord } from '../../../src/core';
import {
  carrierCodeMap,
  decodeTable,
  ordersTable,
  planConfirmations,
  shipConfirmLinesOf,
  shipmentsTable,
  TableEditor,
} from '../../../src/core';

function tables(orders: Partial<OrderRecord>[], shipments: Partial<ShipmentRecord>[]) {
  const o = new TableEditor(
    ordersTable,
    null,
    ordersTable.columns.map((c) => c.name),
  );
  for (const r of orders)
    o.append({ sku: 'S', 'quantity-purchased': 1, status: 'Shipped', 'ship-date': '2026-12-01', ...r });
  const s = new TableEditor(
    shipmentsTable,
    null,
    shipmentsTable.columns.map((c) => c.name),
  );
  for (const r of shipments) s.append({ state: 'InTransit', ...r });
  const grid = (w: ReturnType<typeof o.toWrite>) => {
    const rows: Cell[][] = [];
    for (const b of w.blocks)
      b.values.forEach((v, i) => {
        rows[b.row - 1 + i] ??= [];
        v.forEach((c, j) => (rows[b.row - 1 + i][b.col - 1 + j] = c));
      });
    return rows.map((r) => Array.from(r, (c) => c ?? null));
  };
  return {
    orders: decodeTable(ordersTable, grid(o.toWrite()), { checkRequired: false }),
    shipments: decodeTable(shipmentsTable, grid(s.toWrite()), { checkRequired: false }),
  };
}

const codes = carrierCodeMap(null, 'US');

it('a carrier Amazon does not list goes as Other with its name; package numbers follow the Shipments order', () => {
  const { orders, shipments } = tables(
    [
      {
        'order-id': '111-0000001-0000001',
        'order-item-id': '1',
        carrier: 'Pitney Bowes',
        'tracking-number': 'PB123',
      },
      {
        'order-id': '111-0000001-0000001',
        'order-item-id': '2',
        carrier: 'Pitney Bowes',
        'tracking-number': 'PB124',
      },
    ],
    [
      // Listed out of order: numbering goes by created-at, so it does not change when the sheet is sorted.
      {
        'shipment-id': 'TRK-PB124',
        'order-id': '111-0000001-0000001',
        'order-items': '2:1',
        'tracking-number': 'PB124',
        'created-at': '2026-12-01T12:00:00Z',
      },
      {
        'shipment-id': 'TRK-PB123',
        'order-id': '111-0000001-0000001',
        'order-items': '1:1',
        'tracking-number': 'PB123',
        'created-at': '2026-12-01T11:00:00Z',
      },
    ],
  );
  const plan = planConfirmations(orders, shipments, codes);
  expect(plan.problems).toEqual([]);
  expect(
    plan.packages.map((p) => [p.trackingNumber, p.packageReferenceId, p.carrierCode, p.carrierName]),
  ).toEqual([
    ['PB123', '1', 'Other', 'Pitney Bowes'],
    ['PB124', '2', 'Other', 'Pitney Bowes'],
  ]);
  expect(shipConfirmLinesOf(plan.packages)[0]).toMatchObject({
    carrierCode: 'Other',
    carrierName: 'Pitney Bowes',
  });
});

it('holds back rows without a carrier, a ship date or a valid tracking number, and never plans unshipped rows', () => {
  const { orders, shipments } = tables(
    [
      {
        'order-id': '111-0000001-0000001',
        'order-item-id': '1',
        carrier: null,
        'tracking-number': '1Z999AA10123456784',
      },
      {
        'order-id': '111-0000002-0000002',
        'order-item-id': '2',
        carrier: 'UPS',
        'ship-date': null,
        'tracking-number': '1Z999AA10123456784',
      },
      {
        'order-id': '111-0000003-0000003',
        'order-item-id': '3',
        carrier: 'UPS',
        'tracking-number': '1Z999AA10123456785',
      },
      {
        'order-id': '111-0000004-0000004',
        'order-item-id': '4',
        carrier: 'UPS',
        status: 'Labeled',
        'tracking-number': '1Z999AA10123456784',
      },
    ],
    [],
  );
  const plan = planConfirmations(orders, shipments, codes);
  expect(plan.packages).toEqual([]);
  expect(plan.problems.map((p) => [p.row, p.column])).toEqual([
    [2, 'carrier'],
    [3, 'ship-date'],
    [4, 'tracking-number'],
  ]);
  expect(plan.problems[2].message).toMatch(/check digit/);
});

it('a single tracking number without a Shipments row is package 1 of the order, holding the whole item', () => {
  const { orders, shipments } = tables(
    [
      {
        'order-id': '111-0000001-0000001',
        'order-item-id': '1',
        'quantity-purchased': 2,
        carrier: 'UPS',
        'tracking-number': '1Z999AA10123456784',
      },
    ],
    [],
  );
  const [p] = planConfirmations(orders, shipments, codes).packages;
  expect(p).toMatchObject({
    packageReferenceId: '1',
    shipmentRow: null,
    items: [{ orderItemId: '1', quantity: 2, row: 2 }],
  });
});
