/** `shipsheet import orders --from amazon` end to end against the loopback SP-API. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeTable, ordersTable, readSettings, settingsTable } from '../../../src/core';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { FakeSpApi } from '../../fakes/spApiServer';
import { runCliAsync } from '../cli/runCli';
import { sampleOrders } from './sampleOrders';

// Several CLI runs a test: generous on a loaded 2-core machine.
jest.setTimeout(180_000);

let dir: string;
let book: string;
let amazon: FakeSpApi;
beforeEach(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-amazon-'));
  book = path.join(dir, 'book.xlsx');
  amazon = await new FakeSpApi().start();
  amazon.orders = sampleOrders();
});
afterEach(async () => {
  await amazon.stop();
  await fs.promises.rm(dir, { recursive: true, force: true });
});

async function sheets() {
  const b = await XlsxWorkbook.open(book, { lock: false });
  const got = await b.read(['Orders', 'Settings']);
  b.close();
  return {
    orders: decodeTable(ordersTable, got.get('Orders')!).rows.map((r) => r.record),
    settings: readSettings(got.get(settingsTable.name)!).settings,
  };
}

describe('import orders --from amazon', () => {
  it('pulls waiting MFN orders page by page with their items, names and addresses, and a second pull adds nothing', async () => {
    const env = { ...amazon.env(), SHIPSHEET_NOW: '2026-12-01T17:00:00Z' };
    expect((await runCliAsync(['init', '--book', book], { env })).code).toBe(0);
    const first = await runCliAsync(['import', 'orders', '--from', 'amazon', '--book', book], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Pulled 3 order\(s\) from Amazon \(ATVPDKIKX0DER\) from the last 7 days/);
    expect(first.stdout).toMatch(/4 order items: 4 added/);
    const { orders, settings } = await sheets();
    expect(orders.map((o) => o['order-item-id'])).toEqual([
      '70000000000001',
      '70000000000002',
      '70000000000003',
      '70000000000004',
    ]);
    expect(orders[0]).toMatchObject({
      'order-id': '113-0000001-0000001',
      'recipient-name': 'Maria Lopez',
      'ship-postal-code': '93728',
      'buyer-email': 'maria@marketplace.amazon.com',
      'item-price': 3798,
      'item-promotion-discount': -200,
      'gift-message-text': 'Happy birthday!',
      'promise-date': '2026-12-02T07:59:59Z',
      'is-prime': true,
      status: 'New',
    });
    expect(orders[2]).toMatchObject({
      'quantity-purchased': 3,
      'quantity-shipped': 1,
      'quantity-to-ship': 2,
      'ship-service-level': 'NextDay',
    });
    expect(orders[3]['ship-postal-code']).toBe('05401');
    expect(settings.text('amazon-orders-synced-until')).toBe('2026-12-01T16:58:00Z');
    // The first pull asked for MFN orders waiting to ship, created in the last 7 days, with a Restricted Data Token.
    const firstGet = amazon.requests.find((r) => r.path === '/orders/v0/orders')!;
    expect(firstGet.query.get('FulfillmentChannels')).toBe('MFN');
    expect(firstGet.query.get('OrderStatuses')).toBe('Unshipped,PartiallyShipped');
    expect(firstGet.query.get('CreatedAfter')).toBe('2026-11-24T17:00:00Z');
    expect(String(firstGet.headers['x-amz-access-token'])).toMatch(/^Atz\.sprdt\|/);
    expect(amazon.requests.filter((r) => r.path === '/orders/v0/orders')).toHaveLength(2);

    // Amazon updates one order (a new address) after the first pull; the next pull brings just that order.
    const moved = amazon.orders[0].order as {
      LastUpdateDate: string;
      ShippingAddress: { AddressLine1: string };
    };
    moved.LastUpdateDate = '2026-12-01T16:59:00Z';
    moved.ShippingAddress.AddressLine1 = '1500 W Olive Ave';
    const second = await runCliAsync(['import', 'orders', '--from', 'amazon', '--book', book], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /Pulled 1 order\(s\) from Amazon \(ATVPDKIKX0DER\) updated since 2026-12-01T16:58:00Z/,
    );
    expect(second.stdout).toMatch(/2 order items: 0 added, 2 updated, 0 unchanged/);
    const lastGet = amazon.requests
      .filter((r) => r.path === '/orders/v0/orders' && !r.query.get('NextToken'))
      .pop()!;
    expect(lastGet.query.get('LastUpdatedAfter')).toBe('2026-12-01T16:53:00Z');
    expect(lastGet.query.get('CreatedAfter')).toBeNull();
    const after = await sheets();
    expect(
      after.orders.filter((o) => o['order-id'] === '113-0000001-0000001').map((o) => o['ship-address-1']),
    ).toEqual(['1500 W Olive Ave', '1500 W Olive Ave']);
    // The same pull again imports nothing twice.
    const third = await runCliAsync(['import', 'orders', '--from', 'amazon', '--book', book], { env });
    expect(third.stdout).toMatch(/0 added, 0 updated, 2 unchanged/);
    expect((await sheets()).orders).toHaveLength(4);
  });

  it('recovers from a 429 storm on getOrders and getOrderItems', async () => {
    const env = {
      ...amazon.env(),
      SHIPSHEET_NOW: '2026-12-01T17:00:00Z',
      SHIPSHEET_SPAPI_RETRY_BASE_MS: '5',
    };
    await runCliAsync(['init', '--book', book], { env });
    amazon.fail('/orders/v0/orders', 429, 4);
    const r = await runCliAsync(['import', 'orders', '--from', 'amazon', '--book', book], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4 added/);
    expect(amazon.requests.filter((q) => q.path.startsWith('/orders/v0/orders')).length).toBe(4 + 2 + 3);
  });

  it('refuses with exit 2 and writes nothing when Amazon rejects the credentials or they are missing', async () => {
    await runCliAsync(['init', '--book', book], { env: amazon.env() });
    const before = fs.readFileSync(book);
    const bad = await runCliAsync(['import', 'orders', '--from', 'amazon', '--book', book], {
      env: { ...amazon.env(), SHIPSHEET_LWA_REFRESH_TOKEN: 'Atzr|revoked' },
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /Login with Amazon refused the refresh token: The request has an invalid grant parameter/,
    );
    const missing = await runCliAsync(['import', 'orders', '--from', 'amazon', '--book', book], {
      env: { SHIPSHEET_LWA_CLIENT_ID: '', SHIPSHEET_LWA_CLIENT_SECRET: '', SHIPSHEET_LWA_REFRESH_TOKEN: '' },
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /needs SHIPSHEET_LWA_CLIENT_ID, SHIPSHEET_LWA_CLIENT_SECRET, SHIPSHEET_LWA_REFRESH_TOKEN/,
    );
    expect(missing.stderr).not.toMatch(/test-secret/);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
  });
});
