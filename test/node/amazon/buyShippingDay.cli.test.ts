/**
 * Issue 11's day with Amazon, through the CLI against the loopback SP-API: pull orders, check stock, get Buy
 * Shipping rates (through a 429 storm), buy labels, see them confirmed. A second pull imports nothing twice, a
 * second labels run buys nothing, and Amazon sold exactly the rates the seller's Rules and the promise chose.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeTable, ordersTable, parseRateId, shipmentsTable } from '../../../src/core';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { FakeSpApi } from '../../fakes/spApiServer';
import { ROOT, runCliAsync } from '../cli/runCli';
import { sampleOrders } from './sampleOrders';

// Eleven CLI runs: generous on a loaded 2-core machine.
jest.setTimeout(300_000);

let dir: string;
let book: string;
let amazon: FakeSpApi;
beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-amazon-day-'));
  book = path.join(dir, 'book.xlsx');
  amazon = await new FakeSpApi().start();
  amazon.orders = sampleOrders();
});
afterAll(async () => {
  await amazon.stop();
  await fs.promises.rm(dir, { recursive: true, force: true });
});

const tsv = (rows: (string | number)[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n';
async function file(name: string, rows: (string | number)[][]): Promise<string> {
  const p = path.join(dir, name);
  await fs.promises.writeFile(p, tsv(rows));
  return p;
}

async function sheets() {
  const b = await XlsxWorkbook.open(book, { lock: false });
  const got = await b.read(['Orders', 'Shipments']);
  b.close();
  return {
    orders: decodeTable(ordersTable, got.get('Orders')!).rows.map((r) => r.record),
    shipments: decodeTable(shipmentsTable, got.get('Shipments')!, { checkRequired: false }).rows.map(
      (r) => r.record,
    ),
  };
}

it('pulls orders, checks stock, rates with Buy Shipping through a 429 storm, buys labels once, and they are confirmed', async () => {
  const env = {
    ...amazon.env(),
    SHIPSHEET_NOW: '2026-12-01T17:00:00Z',
    SHIPSHEET_SPAPI_RETRY_BASE_MS: '5',
  };
  const run = async (...args: string[]) => {
    const r = await runCliAsync([...args, '--book', book], { env });
    return r;
  };
  expect((await runCliAsync(['init', '--book', book], { env })).code).toBe(0);
  const settings = await file('settings.tsv', [
    ['key', 'value'],
    ['ship-from-name', 'Sample Seller LLC'],
    ['ship-from-address-1', '100 Warehouse Way'],
    ['ship-from-city', 'Reno'],
    ['ship-from-state', 'NV'],
    ['ship-from-postal-code', '89502'],
    ['ship-from-phone', '+1 775-555-0100'],
    ['label-provider', 'amazon'],
    ['label-format', 'zpl'],
  ]);
  const listings = await file('listings.tsv', [
    [
      'sku',
      'asin',
      'title',
      'price',
      'weight',
      'weight-unit',
      'length',
      'width',
      'height',
      'dimension-unit',
      'package-type',
    ],
    ['MUG-CER-12', 'B0C1MUG012', 'Ceramic Mug', 18.99, 1.1, 'lb', 6, 5, 5, 'in', 'S-BOX'],
    ['TOTE-CNV-NAT', 'B0C1TOTE01', 'Canvas Tote', 14.5, 9, 'oz', 12, 10, 1, 'in', 'POLY-14x17'],
    ['KNIFE-CHEF-8', 'B0C1KNIF08', "Chef's Knife", 49, 12, 'oz', 14, 3, 2, 'in', 'S-BOX'],
    ['SOCK-WOOL-M', 'B0C1SOCKM3', 'Wool Socks', 24.95, 6, 'oz', 9, 6, 2, 'in', 'POLY-10x13'],
  ]);
  const inventory = await file('inventory.tsv', [
    ['sku', 'location', 'on-hand'],
    ['MUG-CER-12', 'A-01', 10],
    ['TOTE-CNV-NAT', 'A-02', 10],
    ['KNIFE-CHEF-8', 'A-03', 5],
    ['SOCK-WOOL-M', 'A-04', 20],
  ]);
  // The seller's Rules: next-day promises go fastest; light parcels by USPS Ground Advantage (not the cheapest).
  const rules = await file('rules.tsv', [
    ['priority', 'condition', 'action', 'enabled'],
    [10, 'ship-service-level = NextDay', 'fastest', 'TRUE'],
    [20, 'weight-oz <= 16', 'USPS Ground Advantage', 'TRUE'],
  ]);
  for (const [kind, f] of [
    ['settings', settings],
    ['listings', listings],
    ['inventory', inventory],
    ['boxes', path.join(ROOT, 'templates/sample/boxes.tsv')],
    ['rules', rules],
  ]) {
    const r = await run('import', kind, f);
    expect({ kind, code: r.code, err: r.stderr }).toEqual({ kind, code: 0, err: '' });
  }

  const pulled = await run('import', 'orders', '--from', 'amazon');
  expect(pulled.stderr).toBe('');
  expect(pulled.stdout).toMatch(/4 order items: 4 added/);
  const stock = await run('check-stock');
  expect(stock.code).toBe(0);
  expect((await sheets()).orders.map((o) => o.status)).toEqual([
    'Allocated',
    'Allocated',
    'Allocated',
    'Allocated',
  ]);

  // A 429 storm on getRates: the client backs off and every package still gets its rates.
  amazon.fail('/shipping/v2/shipments/rates', 429, 4);
  const rated = await run('choose-carriers', '--rates', 'amazon');
  expect(rated.stderr).toBe('');
  expect(rated.code).toBe(0);
  expect(rated.stdout).toMatch(/4 order items to rate from Buy Shipping: 4 rated in 3 packages/);
  const rateRequests = amazon.requests.filter((r) => r.path === '/shipping/v2/shipments/rates');
  expect(rateRequests).toHaveLength(3 + 4);
  const after = (await sheets()).orders;
  const byOrder = (id: string) => after.find((o) => o['order-id'] === id)!;
  // Prime, ship by 1 Dec (local), deliver by 3 Dec: USPS (Priority 4 Dec) is too late, UPS 2nd Day Air is in time.
  expect(byOrder('113-0000001-0000001')).toMatchObject({
    carrier: 'UPS',
    service: '2nd Day Air',
    'rate-source': 'amazon',
  });
  // NextDay: the `fastest` rule.
  expect(byOrder('113-0000002-0000002')).toMatchObject({ carrier: 'UPS', service: 'Next Day Air' });
  // 6 oz socks: the USPS rule wins over the cheaper Amazon Shipping Ground.
  expect(byOrder('113-0000003-0000003')).toMatchObject({
    carrier: 'USPS',
    service: 'Ground Advantage',
    rate: 495,
    'expected-delivery': '2026-12-06',
  });
  expect(byOrder('113-0000003-0000003')['rates-considered']).toMatch(/^Amazon Shipping\/Ground 4\.80 USD/);

  const out = path.join(dir, 'labels');
  const labels = await run('labels', '--out', out);
  expect(labels.stderr).toBe('');
  expect(labels.code).toBe(0);
  expect(labels.stdout).toMatch(/3 labels bought/);
  const { orders, shipments } = await sheets();
  expect(orders.map((o) => [o.status, o.confirmation])).toEqual(Array(4).fill(['Labeled', 'Confirmed']));
  expect(shipments).toHaveLength(3);
  for (const s of shipments) {
    expect(s).toMatchObject({ provider: 'amazon', state: 'Purchased' });
    expect(s['tracking-number']).toMatch(/^(1Z|94)/);
    expect(fs.readFileSync(s['label-file']!.replace(/#.*$/, ''), 'utf8')).toMatch(/\^XA/);
  }
  // Amazon sold exactly the quotes carrier choice chose, one per package, with nothing rated again.
  const chosen = [...new Set(orders.map((o) => o['rate-id']))].map((c) => parseRateId(c)!.rateId).sort();
  expect(amazon.rateDesk.purchases.map((p) => `${p.requestToken}|${p.rateId}`).sort()).toEqual(chosen);
  expect(amazon.rateDesk.purchases.map((p) => p.serviceId).sort()).toEqual([
    'UPS_PTP_2ND_DAY_AIR',
    'UPS_PTP_NEXT_DAY_AIR',
    'USPS_PTP_GA',
  ]);
  expect(amazon.requests.filter((r) => r.path === '/shipping/v2/shipments/rates')).toHaveLength(7);
  expect(orders.map((o) => o['tracking-number'])).toEqual(
    orders.map((o) => shipments.find((s) => s['shipment-id'] === o['shipment-id'])!['tracking-number']),
  );

  // Running labels again buys nothing; pulling again imports nothing twice.
  const again = await run('labels', '--out', out);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/0 labels bought, 0 printed again, 3 already labelled/);
  expect(amazon.rateDesk.purchases).toHaveLength(3);
  const pulledAgain = await run('import', 'orders', '--from', 'amazon');
  expect(pulledAgain.code).toBe(0);
  expect(pulledAgain.stdout).not.toMatch(/[1-9]\d* added/);
  expect((await sheets()).orders).toHaveLength(4);
});
