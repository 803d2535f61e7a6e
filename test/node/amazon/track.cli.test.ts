/** `shipsheet track` reads Buy Shipping tracking into Shipments and Orders. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  decodeTable,
  MemoryWorkbook,
  ordersTable,
  setUpSheets,
  shipmentsTable,
  TableEditor,
} from '../../../src/core';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { FakeSpApi } from '../../fakes/spApiServer';
import { runCliAsync } from '../cli/runCli';

// Several CLI runs a test: generous on a loaded 2-core machine.
jest.setTimeout(180_000);

let dir: string;
let amazon: FakeSpApi;
beforeEach(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-track-'));
  amazon = await new FakeSpApi().start();
});
afterEach(async () => {
  await amazon.stop();
  await fs.promises.rm(dir, { recursive: true, force: true });
});

it('marks delivered shipments and their order items, and skips providers that cannot track', async () => {
  const file = path.join(dir, 'book.xlsx');
  const book = await XlsxWorkbook.open(file, { create: true });
  await setUpSheets(book);
  const grids = await book.read(['Shipments', 'Orders']);
  const shipments = new TableEditor(
    shipmentsTable,
    grids.get('Shipments')!,
    shipmentsTable.columns.map((c) => c.name),
  );
  shipments.append({
    'shipment-id': 'S-1',
    'order-id': '113-0000001-0000001',
    provider: 'amazon',
    carrier: 'UPS',
    'tracking-number': '1Z999AA10123456784',
    state: 'Purchased',
  });
  shipments.append({
    'shipment-id': 'S-2',
    'order-id': '113-0000002-0000002',
    provider: 'someone-else',
    carrier: 'USPS',
    'tracking-number': '9400111899223197428490',
    state: 'Purchased',
  });
  const orders = new TableEditor(
    ordersTable,
    grids.get('Orders')!,
    ordersTable.columns.map((c) => c.name),
  );
  orders.append({
    'order-id': '113-0000001-0000001',
    'order-item-id': '70000000000001',
    sku: 'A',
    'quantity-purchased': 1,
    status: 'Shipped',
    'shipment-id': 'S-1',
  });
  orders.append({
    'order-id': '113-0000002-0000002',
    'order-item-id': '70000000000003',
    sku: 'B',
    'quantity-purchased': 1,
    status: 'Shipped',
    'shipment-id': 'S-2',
  });
  await book.write({ sheets: [shipments.toWrite(), orders.toWrite()] });
  book.close();

  const r = await runCliAsync(['track', '--book', file], { env: amazon.env() });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(
    /1 shipment\(s\) tracked: 1 delivered, 0 with a delivery exception; 1 from providers that cannot track/,
  );
  const call = amazon.requests.find((q) => q.path === '/shipping/v2/tracking')!;
  expect(call.query.get('trackingId')).toBe('1Z999AA10123456784');
  expect(call.query.get('carrierId')).toBe('UPS');
  const after = await XlsxWorkbook.open(file, { lock: false });
  const got = await after.read(['Shipments', 'Orders']);
  after.close();
  const s = decodeTable(shipmentsTable, got.get('Shipments')!).rows.map((x) => x.record);
  expect(s[0]).toMatchObject({
    state: 'Delivered',
    'delivered-date': '2026-12-04',
    'delivery-status': 'Delivered · 2026-12-04T18:30:00Z',
  });
  expect(s[1].state).toBe('Purchased');
  const o = decodeTable(ordersTable, got.get('Orders')!).rows.map((x) => x.record);
  expect(o.map((x) => x['delivered-date'])).toEqual(['2026-12-04', null]);
});

it('writes nothing but its Log row when there is nothing to track', async () => {
  const book = new MemoryWorkbook();
  const { trackShipments } = await import('../../../src/core');
  const result = await trackShipments(
    book,
    {},
    { send: async () => ({ status: 500, headers: {}, body: '' }) },
    { now: new Date('2026-12-01T17:00:00Z') },
  );
  expect(result.stats).toEqual({ checked: 0, delivered: 0, exceptions: 0, skipped: 0 });
  expect(await book.sheetNames()).toEqual(['Log']);
});
