/**
 * The day end to end through the CLI against the loopback SP-API, with labels from another provider (SAMPLE):
 * pull orders → check stock → choose carriers → labels → record tracking → confirm-shipments --via api (and the
 * same batch --via feed). Amazon rejects one order; its message lands on that row; a second run sends nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  boxesTable,
  decodeTable,
  importInventory,
  importListings,
  importTable,
  listingsTable,
  ordersTable,
  ratesTable,
  servicesTable,
  settingsTable,
  setUpSheets,
  shipmentsTable,
  surchargesTable,
  zonesTable,
} from '../../../src/core';
import { readTableFile } from '../../../src/node/flatfiles/readTableFile';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { FakeFeeds } from '../../fakes/spApiFeeds';
import { FakeSpApi } from '../../fakes/spApiServer';
import { ROOT, runCliAsync } from '../cli/runCli';
import { sampleOrders } from './sampleOrders';

// Many CLI runs: generous on a loaded 2-core machine.
jest.setTimeout(300_000);

const sample = (...p: string[]) => path.join(ROOT, 'templates', ...p);
let dir: string;
let shipped: string;
let amazon: FakeSpApi;
let feeds: FakeFeeds;
let env: Record<string, string>;

async function cli(args: string[], expectCode = 0) {
  const r = await runCliAsync(args, { env });
  if (r.code !== expectCode)
    throw new Error(`shipsheet ${args.join(' ')} → ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

async function sheets(book: string) {
  const b = await XlsxWorkbook.open(book, { lock: false });
  const got = await b.read(['Orders', 'Shipments']);
  b.close();
  return {
    orders: decodeTable(ordersTable, got.get('Orders')!).rows.map((r) => r.record),
    shipments: decodeTable(shipmentsTable, got.get('Shipments')!).rows.map((r) => r.record),
  };
}

beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-confirm-'));
  amazon = await new FakeSpApi().start();
  feeds = await new FakeFeeds().attach(amazon);
  amazon.orders = sampleOrders();
  env = { ...amazon.env(), SHIPSHEET_NOW: '2026-12-01T17:00:00Z', SHIPSHEET_SPAPI_RETRY_BASE_MS: '5' };
  shipped = path.join(dir, 'shipped.xlsx');
  const book = ['--book', shipped];
  await loadShop(shipped);
  const pulled = await cli(['import', 'orders', '--from', 'amazon', ...book]);
  expect(pulled.stdout).toMatch(/Pulled 3 order\(s\) from Amazon/);
  await cli(['check-stock', ...book]);
  await cli(['choose-carriers', ...book]);
  const labels = await cli(['labels', '--provider', 'sample', '--out', path.join(dir, 'labels'), ...book]);
  expect(labels.stdout).toMatch(/3 labels bought/);
  await cli(['record-tracking', ...book]);
  const { orders } = await sheets(shipped);
  expect(orders.map((o) => [o['order-id'], o.status, o.confirmation])).toEqual([
    ['113-0000001-0000001', 'Shipped', 'Pending'],
    ['113-0000001-0000001', 'Shipped', 'Pending'],
    ['113-0000002-0000002', 'Shipped', 'Pending'],
    ['113-0000003-0000003', 'Shipped', 'Pending'],
  ]);
});

afterAll(async () => {
  await feeds.stop();
  await amazon.stop();
  await fs.promises.rm(dir, { recursive: true, force: true });
});

/**
 * The shop's sheets, loaded in-process (the CLI runs below are the steps under test): sample settings, listings,
 * inventory with enough knives for the order, the SAMPLE rate card, boxes and packaging.
 */
async function loadShop(file: string): Promise<void> {
  const wb = await XlsxWorkbook.open(file, { create: true });
  try {
    const context = { now: new Date('2026-12-01T16:00:00Z') };
    const grid = async (...p: string[]) => (await readTableFile(sample(...p))).grid;
    await setUpSheets(wb);
    await importTable(wb, settingsTable, await grid('sample', 'settings.tsv'), 'settings.tsv', context);
    await importListings(wb, await grid('sample', 'listings.tsv'), 'listings.tsv', context);
    await importInventory(wb, await grid('sample', 'inventory.tsv'), 'inventory.tsv', context);
    await importInventory(
      wb,
      [
        ['sku', 'location', 'on-hand'],
        ['KNIFE-CHEF-8', 'A-06', 6],
      ],
      'restock',
      context,
    );
    for (const [schema, folder, name] of [
      [servicesTable, 'rates', 'sample-services.tsv'],
      [ratesTable, 'rates', 'sample-rates.tsv'],
      [surchargesTable, 'rates', 'sample-surcharges.tsv'],
      [zonesTable, 'rates', 'sample-zones-895.tsv'],
      [boxesTable, 'sample', 'boxes.tsv'],
      [listingsTable, 'sample', 'listing-packaging.tsv'],
    ] as const)
      await importTable(wb, schema, await grid(folder, name), name, context, {
        blankKeyParts: schema !== listingsTable,
      });
  } finally {
    wb.close();
  }
}

async function copyOfShipped(name: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.promises.copyFile(shipped, file);
  return file;
}

const REJECTED = '113-0000003-0000003';

describe('shipsheet confirm-shipments', () => {
  it('--via api: confirms each package, shows the rejection on its row (exit 1), and a second run sends nothing', async () => {
    const book = await copyOfShipped('api.xlsx');
    const tracking = (await sheets(book)).orders.find((o) => o['order-id'] === REJECTED)!['tracking-number']!;
    amazon.rejectTracking.set(tracking, `The tracking number ${tracking} does not match the carrier.`);
    const sentBefore = amazon.confirmations.length;
    // Some 429s on the way: the client waits and retries.
    amazon.fail('/orders/v0/orders/113-0000002-0000002/', 429, 3);
    const r = await cli(['confirm-shipments', '--via', 'api', '--book', book], 1);
    expect(r.stdout).toMatch(
      /Confirm shipments: 2 of 3 packages accepted; order items: 3 confirmed, 1 rejected, 0 not answered/,
    );
    expect(r.stdout).toMatch(
      new RegExp(
        `Orders, row 5, column problem: Amazon rejected the confirmation \\(InvalidInput\\): The tracking number ${tracking}`,
      ),
    );
    const sent = amazon.confirmations.slice(sentBefore) as {
      orderId: string;
      packageDetail: { packageReferenceId: string; carrierCode: string; orderItems: unknown[] };
    }[];
    expect(
      sent.map((c) => [c.orderId, c.packageDetail.packageReferenceId, c.packageDetail.orderItems]),
    ).toEqual([
      [
        '113-0000001-0000001',
        '1',
        [
          { orderItemId: '70000000000001', quantity: 2 },
          { orderItemId: '70000000000002', quantity: 1 },
        ],
      ],
      // Two of three knives: one had shipped before.
      ['113-0000002-0000002', '1', [{ orderItemId: '70000000000003', quantity: 2 }]],
    ]);
    const { orders, shipments } = await sheets(book);
    expect(orders.map((o) => [o['order-id'], o.status, o.confirmation])).toEqual([
      ['113-0000001-0000001', 'Confirmed', 'Confirmed'],
      ['113-0000001-0000001', 'Confirmed', 'Confirmed'],
      ['113-0000002-0000002', 'Confirmed', 'Confirmed'],
      ['113-0000003-0000003', 'Shipped', 'Rejected'],
    ]);
    expect(orders[3].problem).toBe(
      `Amazon rejected the confirmation (InvalidInput): The tracking number ${tracking} does not match the carrier.`,
    );
    expect(shipments.filter((s) => s['confirmed-at'] === '2026-12-01T17:00:00Z')).toHaveLength(2);

    const n = amazon.requests.length;
    const again = await cli(['confirm-shipments', '--via', 'api', '--book', book]);
    expect(again.stdout).toMatch(/nothing to confirm: 3 already confirmed, 1 rejected before/);
    expect(amazon.requests.length).toBe(n);
    // The file export does not send them again either.
    const out = path.join(dir, 'api-confirm.txt');
    const x = await cli(['export', 'ship-confirm', '--book', book, '--out', out]);
    expect(x.stdout).not.toMatch(/113-0000001-0000001/);
    expect(fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '').not.toMatch(/113-0000001|113-0000002/);
  });

  it('--via feed: the same batch as one fulfillment feed, the processing report’s error on its row', async () => {
    const book = await copyOfShipped('feed.xlsx');
    const tracking = (await sheets(book)).orders.find((o) => o['order-id'] === REJECTED)!['tracking-number']!;
    feeds.rejectTracking.set(tracking, { code: '18155', message: `Tracking ID ${tracking} is not valid.` });
    const r = await cli(
      ['confirm', '--via', 'feed', '--poll-seconds', '0.05', '--timeout-minutes', '1', '--book', book],
      1,
    );
    expect(r.stdout).toMatch(/Feed \d+: 4 lines sent\./);
    expect(r.stdout).toMatch(/Amazon processed feed \d+: 4 records, 3 successful\./);
    expect(r.stdout).toMatch(
      new RegExp(
        `Orders, row 5, column problem: Amazon rejected the confirmation \\(18155\\): Tracking ID ${tracking} is not valid\\.`,
      ),
    );
    const { orders } = await sheets(book);
    expect(orders.map((o) => o.confirmation)).toEqual(['Confirmed', 'Confirmed', 'Confirmed', 'Rejected']);
    const feedsBefore = feeds.feeds.size;
    const again = await cli(['confirm', '--via', 'feed', '--poll-seconds', '0.05', '--book', book]);
    expect(again.stdout).toMatch(/nothing to confirm/);
    expect(feeds.feeds.size).toBe(feedsBefore);
  });

  it('refuses a bad --via with exit 2', async () => {
    const r = await runCliAsync(['confirm-shipments', '--via', 'fax', '--book', shipped], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--via fax: use api or feed/);
  });
});
