/**
 * Labels bought from Amazon Buy Shipping (against the loopback SP-API): the package is re-rated just before the
 * purchase, the label recorded with Amazon's shipment id, a second run buys nothing, and a service Amazon no
 * longer offers is that order's problem only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AccessTokenSource,
  buyShippingPlugin,
  decodeTable,
  generateLabels,
  ordersTable,
  shipmentsTable,
  SpApiClient,
} from '../../../src/core';
import { fetchHttpPort } from '../../../src/node/amazon/fetchHttpPort';
import { FileLabelSink } from '../../../src/node/labels/fileLabelSink';
import { CREDENTIALS, FakeSpApi } from '../../fakes/spApiServer';
import { ratedWorkbook, TEN_ORDERS } from '../../core/workflow/labelFixtures';

const NOW = { now: new Date('2026-12-01T17:00:00Z') };
let amazon: FakeSpApi;
beforeEach(async () => {
  amazon = await new FakeSpApi().start();
});
afterEach(async () => amazon.stop());

function plugin() {
  const http = fetchHttpPort();
  const client = new SpApiClient({
    endpoint: amazon.url,
    http,
    tokens: new AccessTokenSource(CREDENTIALS, `${amazon.url}/auth/o2/token`, http, () => NOW.now.getTime()),
    sleep: async () => undefined,
  });
  return buyShippingPlugin(client, { shippingBusiness: 'AmazonShipping_US' });
}

const purchases = () =>
  amazon.requests.filter((r) => r.method === 'POST' && r.path === '/shipping/v2/shipments').length;

test('re-rates, buys once per package, records Amazon shipment ids; the second run buys nothing', async () => {
  const items = [
    TEN_ORDERS[0],
    { ...TEN_ORDERS[1], carrier: 'USPS', service: 'Ground Advantage' },
    { ...TEN_ORDERS[2], carrier: 'FedEx', service: 'Express Saver' },
  ];
  const book = await ratedWorkbook(items, { 'label-provider': 'amazon' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-amazon-labels-'));
  const options = {
    provider: plugin(),
    http: fetchHttpPort(),
    sink: new FileLabelSink(dir),
    format: 'zpl' as const,
  };
  const first = await generateLabels(book, options, NOW);
  expect(first.stats).toMatchObject({ bought: 2 });
  expect(first.problems).toEqual([
    expect.objectContaining({
      row: 4,
      message: expect.stringMatching(/no longer offers FedEx Express Saver/),
    }),
  ]);
  expect(purchases()).toBe(2);
  const shipments = decodeTable(
    shipmentsTable,
    (await book.read([shipmentsTable.name])).get(shipmentsTable.name)!,
  ).rows.map((r) => r.record);
  expect(shipments.map((s) => [s.provider, s.carrier, s['tracking-number'], s.cost])).toEqual(
    expect.arrayContaining([
      ['amazon', 'UPS', '1Z999AA10123456784', 1100],
      ['amazon', 'USPS', '9400111899223197428497', 815],
    ]),
  );
  for (const s of shipments) expect(s['provider-shipment-id']).toMatch(/^amzn1\.shipment\.\d+$/);
  const orders = decodeTable(
    ordersTable,
    (await book.read([ordersTable.name])).get(ordersTable.name)!,
  ).rows.map((r) => r.record);
  expect(orders.map((o) => [o.status, o.confirmation])).toEqual([
    ['Labeled', 'Confirmed'],
    ['Labeled', 'Confirmed'],
    ['Rated', null],
  ]);
  const zpl = fs.readFileSync(path.join(dir, 'labels-20261201-170000.zpl'), 'utf8');
  expect(zpl.match(/\^XA/g)).toHaveLength(2);

  const second = await generateLabels(book, options, NOW);
  expect(second.stats).toMatchObject({ bought: 0, skipped: 2 });
  expect(purchases()).toBe(2);
});

test('a PDF batch asks Amazon for PNG labels; a document that is not a PNG is saved beside the batch', async () => {
  const book = await ratedWorkbook([TEN_ORDERS[0]]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-amazon-labels-'));
  const r = await generateLabels(
    book,
    { provider: plugin(), http: fetchHttpPort(), sink: new FileLabelSink(dir), format: 'pdf' },
    NOW,
  );
  expect(r.stats).toMatchObject({ bought: 1 });
  const buy = amazon.requests.find((q) => q.method === 'POST' && q.path === '/shipping/v2/shipments')!;
  expect(JSON.parse(buy.body).requestedDocumentSpecification.format).toBe('PNG');
  // The fake answers with a PDF whatever was asked: kept as its own file, and Shipments points at it.
  const s = decodeTable(shipmentsTable, (await book.read([shipmentsTable.name])).get(shipmentsTable.name)!)
    .rows[0].record;
  expect(s['label-file']).toBe(path.join(dir, 'label-SH-20261201-0001.pdf'));
  expect(fs.readFileSync(s['label-file']!, 'latin1')).toMatch(/^%PDF/);
});
