/** A workbook of shipped orders for the confirm-shipments tests, and an SP-API client on the loopback fake. */
import type { OrderRecord, ShipmentRecord } from '../../../src/core';
import {
  AccessTokenSource,
  decodeTable,
  MemoryWorkbook,
  ordersTable,
  setUpSheets,
  shipmentsTable,
  SpApiClient,
  TableEditor,
} from '../../../src/core';
import { fetchHttpPort } from '../../../src/node/amazon/fetchHttpPort';
import { CREDENTIALS } from '../../fakes/spApiServer';
import type { FakeSpApi } from '../../fakes/spApiServer';

export const NOW = new Date('2026-12-01T17:00:00Z');

export const TRACKING = {
  a: '9400111201080805483016',
  b1: '9400111201080805483023',
  b2: '9400111201080805483030',
  c: '1Z999AA10123456784',
  d: '9400111899223197428490',
  e: '1Z5R89390357567127',
};

const order = (o: Partial<OrderRecord>): Partial<OrderRecord> => ({
  sku: 'SKU',
  'quantity-purchased': 1,
  status: 'Shipped',
  carrier: 'USPS',
  service: 'USPS Ground Advantage',
  'ship-date': '2026-12-01',
  confirmation: 'Pending',
  ...o,
});

/**
 * A: two items in one package. B: one item of 3 split 2 + 1 over two packages. C: UPS (the test may make Amazon
 * reject it). D: a Buy Shipping label (already confirmed by the purchase). E: exported in a ship-confirm file.
 * F: still Labeled (not shipped).
 */
export async function shippedBook(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook('confirm.xlsx');
  await setUpSheets(book);
  const grids = await book.read([ordersTable.name, shipmentsTable.name]);
  const orders = new TableEditor(
    ordersTable,
    grids.get(ordersTable.name) ?? null,
    ordersTable.columns.map((c) => c.name),
  );
  const shipments = new TableEditor(
    shipmentsTable,
    grids.get(shipmentsTable.name) ?? null,
    shipmentsTable.columns.map((c) => c.name),
  );
  const A = '113-0000001-0000001';
  const B = '113-0000002-0000002';
  const C = '113-0000003-0000003';
  const D = '113-0000004-0000004';
  const E = '113-0000005-0000005';
  const F = '113-0000006-0000006';
  orders.append(
    order({
      'order-id': A,
      'order-item-id': '70000000000001',
      'quantity-purchased': 2,
      'tracking-number': TRACKING.a,
    }),
  );
  orders.append(order({ 'order-id': A, 'order-item-id': '70000000000002', 'tracking-number': TRACKING.a }));
  orders.append(
    order({
      'order-id': B,
      'order-item-id': '70000000000003',
      'quantity-purchased': 3,
      'tracking-number': `${TRACKING.b1}; ${TRACKING.b2}`,
    }),
  );
  orders.append(
    order({
      'order-id': C,
      'order-item-id': '70000000000004',
      carrier: 'UPS',
      service: 'UPS Ground',
      'tracking-number': TRACKING.c,
    }),
  );
  orders.append(
    order({
      'order-id': D,
      'order-item-id': '70000000000005',
      'tracking-number': TRACKING.d,
      confirmation: 'Confirmed',
      'confirmed-at': '2026-12-01T16:00:00Z',
    }),
  );
  orders.append(
    order({
      'order-id': E,
      'order-item-id': '70000000000006',
      carrier: 'UPS',
      'tracking-number': TRACKING.e,
      confirmation: 'Exported',
      'confirmed-at': '2026-12-01T15:00:00Z',
    }),
  );
  orders.append(
    order({ 'order-id': F, 'order-item-id': '70000000000007', status: 'Labeled', 'tracking-number': null }),
  );
  const ship = (s: Partial<ShipmentRecord>) =>
    shipments.append({ state: 'InTransit', 'created-at': '2026-12-01T16:00:00Z', ...s });
  ship({
    'shipment-id': 'TRK-A',
    'order-id': A,
    'order-items': '70000000000001:2; 70000000000002:1',
    provider: 'sample',
    carrier: 'USPS',
    'tracking-number': TRACKING.a,
  });
  // B's first label was voided and bought again: the void keeps its package number (1), the others are 2 and 3.
  ship({
    'shipment-id': 'S-B0',
    'order-id': B,
    'order-items': '70000000000003:2',
    provider: 'sample',
    carrier: 'USPS',
    'tracking-number': '9400111201080805483047',
    state: 'Voided',
    'created-at': '2026-12-01T15:00:00Z',
  });
  ship({
    'shipment-id': 'S-B1',
    'order-id': B,
    'order-items': '70000000000003:2',
    provider: 'sample',
    carrier: 'USPS',
    'tracking-number': TRACKING.b1,
  });
  ship({
    'shipment-id': 'S-B2',
    'order-id': B,
    'order-items': '70000000000003:1',
    provider: 'sample',
    carrier: 'USPS',
    'tracking-number': TRACKING.b2,
    'created-at': '2026-12-01T16:30:00Z',
  });
  ship({
    'shipment-id': 'TRK-C',
    'order-id': C,
    'order-items': '70000000000004:1',
    provider: 'typed in Orders',
    carrier: 'UPS',
    'tracking-number': TRACKING.c,
  });
  ship({
    'shipment-id': 'S-D',
    'order-id': D,
    'order-items': '70000000000005:1',
    provider: 'amazon',
    carrier: 'USPS',
    'tracking-number': TRACKING.d,
    state: 'Purchased',
  });
  ship({
    'shipment-id': 'TRK-E',
    'order-id': E,
    'order-items': '70000000000006:1',
    provider: 'carrier export',
    carrier: 'UPS',
    'tracking-number': TRACKING.e,
  });
  await book.write({ sheets: [orders.toWrite(), shipments.toWrite()] });
  return book;
}

export async function sheetsOf(book: MemoryWorkbook) {
  const g = await book.read([ordersTable.name, shipmentsTable.name]);
  const orders = decodeTable(ordersTable, g.get(ordersTable.name)!).rows.map((r) => r.record);
  const shipments = decodeTable(shipmentsTable, g.get(shipmentsTable.name)!).rows.map((r) => r.record);
  return {
    orders,
    shipments,
    item: (id: string) => orders.find((o) => o['order-item-id'] === id)!,
    shipment: (id: string) => shipments.find((s) => s['shipment-id'] === id)!,
  };
}

export function clientFor(
  amazon: FakeSpApi,
  sleeps: number[] = [],
  credentials: Partial<typeof CREDENTIALS> = {},
): SpApiClient {
  const http = fetchHttpPort();
  return new SpApiClient({
    endpoint: amazon.url,
    http,
    tokens: new AccessTokenSource(
      { ...CREDENTIALS, ...credentials },
      `${amazon.url}/auth/o2/token`,
      http,
      () => NOW.getTime(),
    ),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
}
