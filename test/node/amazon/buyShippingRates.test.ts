/**
 * Buy Shipping as a rate source for choose carriers (against the loopback SP-API): one getRates per package with
 * the order's channel details and the packed weight, the seller's Rules and the promise choosing among Amazon's
 * services, the chosen quote kept for labels, per-order failures on their rows, card and Amazon competing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Grid } from '../../../src/core';
import {
  AccessTokenSource,
  buyShippingPlugin,
  chooseCarriers,
  decodeTable,
  generateLabels,
  ordersTable,
  parseRateId,
  sampleLabelProvider,
  shipmentsTable,
  SpApiClient,
  voidShipment,
} from '../../../src/core';
import { MemoryWorkbook } from '../../../src/core/memoryWorkbook';
import { fetchHttpPort } from '../../../src/node/amazon/fetchHttpPort';
import { FileLabelSink } from '../../../src/node/labels/fileLabelSink';
import { CREDENTIALS, FakeSpApi } from '../../fakes/spApiServer';
import {
  carrierBook,
  carrierSheets,
  ordersOf,
  orderRow,
  RULES,
  TUESDAY_9AM,
} from '../../core/workflow/carrierFixture';

const ctx = { now: TUESDAY_9AM };
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
    tokens: new AccessTokenSource(CREDENTIALS, `${amazon.url}/auth/o2/token`, http, () =>
      TUESDAY_9AM.getTime(),
    ),
    sleep: async () => undefined,
  });
  return buyShippingPlugin(client, { shippingBusiness: 'AmazonShipping_US' });
}

const SETTINGS: Grid = [
  ['key', 'value'],
  ['ship-from-name', 'Blue Heron Goods'],
  ['ship-from-address-1', '1200 Kietzke Ln'],
  ['ship-from-city', 'Reno'],
  ['ship-from-state', 'NV'],
  ['ship-from-postal-code', '89502'],
  ['ship-from-country', 'US'],
  ['timezone', 'America/Los_Angeles'],
  ['handling-cutoff', '14:00'],
];

const A = '113-0000001-0000001';
const B = '113-0000002-0000002';
const C = '113-0000003-0000003';

const rateCalls = () => amazon.requests.filter((r) => r.path === '/shipping/v2/shipments/rates');

function book(orders: ReturnType<typeof orderRow>[], overrides: Record<string, Grid> = {}): MemoryWorkbook {
  return carrierBook(orders, { Settings: SETTINGS, ...overrides });
}

describe('choose carriers from Buy Shipping', () => {
  it('asks getRates once per package with the order, its items and the packed weight; the cheapest service that makes the promise wins', async () => {
    const b = book([
      orderRow({ order: A, item: '70000000000001', sku: 'MUG', qty: 1 }),
      orderRow({ order: B, item: '70000000000003', sku: 'SOCK', level: 'NextDay' }),
    ]);
    const r = await chooseCarriers(b, ctx, {
      rateSource: 'amazon',
      buyShipping: plugin(),
      http: fetchHttpPort(),
    });
    expect(r.problems).toEqual([]);
    expect(r.lines[0]).toMatch(/from Buy Shipping: 2 rated in 2 packages \(postage 41\.05 USD\)/);
    expect(rateCalls()).toHaveLength(2);
    // Orders are rated four at a time, so the requests arrive in any order: find order A's.
    const body = rateCalls()
      .map((c) => JSON.parse(c.body))
      .find((b) => b.channelDetails.amazonOrderDetails.orderId === A);
    expect(body).toMatchObject({
      channelDetails: { channelType: 'AMAZON', amazonOrderDetails: { orderId: A } },
      shipFrom: { name: 'Blue Heron Goods', postalCode: '89502', countryCode: 'US' },
      shipDate: '2026-12-01T00:00:00Z',
      packages: [
        {
          packageClientReferenceId: `${A}-1`,
          // 1.1 lb mug in the 4 oz S-BOX: the same packing as the rate card.
          weight: { value: 21.6, unit: 'OUNCE' },
          dimensions: { length: 8, width: 6, height: 6, unit: 'INCH' },
          items: [{ itemIdentifier: '70000000000001', quantity: 1, description: 'MUG' }],
          insuredValue: { value: 20, unit: 'USD' },
        },
      ],
    });
    expect(body.shipTo).toBeUndefined();
    const [a, bb] = await ordersOf(b);
    // Standard (deliver by 9 Dec): Amazon Shipping Ground, the cheapest of the five, 2 lb billed.
    expect(a).toMatchObject({
      status: 'Rated',
      carrier: 'Amazon Shipping',
      service: 'Ground',
      rate: 5.35,
      'billable-weight-oz': 32,
      'expected-delivery': '2026-12-05',
      'rate-source': 'amazon',
      'rates-considered':
        'Amazon Shipping/Ground 5.35 USD 2026-12-05; USPS/Ground Advantage 8.15 USD 2026-12-06; USPS/Priority Mail 9.65 USD 2026-12-04',
    });
    expect(parseRateId(a['rate-id'] as string)).toEqual({
      rateId: expect.stringMatching(/^amzn1\.rq\.\d+\.fake\|SWA-US-GROUND-\d+$/),
      carrier: 'Amazon Shipping',
      service: 'Ground',
    });
    // NextDay (ship by 1 Dec local, so deliver by 2 Dec) with the `fastest` rule: only UPS Next Day Air makes it.
    expect(bb).toMatchObject({
      carrier: 'UPS',
      service: 'Next Day Air',
      rate: 35.7,
      'expected-delivery': '2026-12-02',
    });
  });

  it('applies the Rules to Amazon services by name, carrier and mode', async () => {
    const rules: Grid = [
      ...RULES,
      [40, 'always', 'exclude Amazon Shipping', true],
      [50, 'weight-oz > 16', 'UPS Ground', true],
    ];
    const b = book(
      [orderRow({ order: A, item: '1', sku: 'MUG' }), orderRow({ order: C, item: '3', sku: 'SOCK' })],
      { Rules: rules },
    );
    const r = await chooseCarriers(b, ctx, {
      rateSource: 'amazon',
      buyShipping: plugin(),
      http: fetchHttpPort(),
    });
    expect(r.problems).toEqual([]);
    const [a, c] = await ordersOf(b);
    expect(a).toMatchObject({ carrier: 'UPS', service: 'Ground', rate: 11 });
    // 6 oz socks in their own packaging: USPS Ground Advantage's 8 oz tier once Amazon Shipping is excluded.
    expect(c).toMatchObject({
      carrier: 'USPS',
      service: 'Ground Advantage',
      rate: 4.95,
      'billable-weight-oz': 6,
    });
  });

  it("puts an order's Amazon error on its rows and still rates the others; a signature rule keeps only services that offer one", async () => {
    amazon.rateDesk.rejectOrders.set(B, 'The order is canceled or already shipped.');
    const b = book([
      orderRow({ order: A, item: '1', sku: 'MUG' }),
      orderRow({ order: B, item: '2', sku: 'MUG' }),
      orderRow({ order: C, item: '3', sku: 'SOCK', price: 250 }),
      orderRow({ order: 'WEB-1001', item: '4', sku: 'SOCK' }),
    ]);
    const r = await chooseCarriers(b, ctx, {
      rateSource: 'amazon',
      buyShipping: plugin(),
      http: fetchHttpPort(),
    });
    expect(r.stats).toMatchObject({ rated: 2, unrated: 2 });
    const rows = await ordersOf(b);
    expect(rows.map((o) => o.status)).toEqual(['Rated', 'Allocated', 'Rated', 'Allocated']);
    expect(rows[1].problem).toBe(
      'not rated: Amazon Buy Shipping: getRates: Invalid input. (The order is canceled or already shipped.)',
    );
    // $250 of socks: `require signature`. Amazon Shipping offers no signature confirmation, so USPS Ground
    // Advantage wins at 4.95 + 3.65 for the signature, and the quote names the value-added service to buy.
    expect(rows[2]).toMatchObject({
      carrier: 'USPS',
      service: 'Ground Advantage',
      rate: 8.6,
      'shipping-options': 'signature',
    });
    expect(rows[2]['rates-considered']).not.toMatch(/Amazon Shipping/);
    expect(parseRateId(rows[2]['rate-id'] as string)?.rateId).toMatch(
      /\|vas:DELIVERY_CONFIRMATION_SIGNATURE$/,
    );
    expect(rows[3].problem).toMatch(/not rated: WEB-1001 is not an Amazon order id/);
    // The web order was not sent to Amazon.
    expect(rateCalls()).toHaveLength(3);
  });

  it("a passing failure keeps a Rated order's last rate; an unreachable Amazon is each order's problem, not a crash", async () => {
    const b = book([
      orderRow({ order: A, item: '1', sku: 'MUG' }),
      orderRow({ order: C, item: '3', sku: 'SOCK' }),
    ]);
    const options = { rateSource: 'amazon' as const, buyShipping: plugin(), http: fetchHttpPort() };
    expect((await chooseCarriers(b, ctx, options)).stats).toMatchObject({ rated: 2 });
    const before = await ordersOf(b);
    // Amazon answers 500 to everything for a while: 6 attempts per package, then the client gives up.
    amazon.fail('/shipping/v2/shipments/rates', 500, 12);
    const busy = await chooseCarriers(b, ctx, options);
    expect(busy.stats).toMatchObject({ rated: 0, kept: 2 });
    expect(busy.lines[0]).toMatch(/2 kept their last rate/);
    const after = await ordersOf(b);
    expect(after.map((o) => [o.status, o.rate, o['rate-id']])).toEqual(
      before.map((o) => ['Rated', o.rate, o['rate-id']]),
    );
    expect(after[0].problem).toMatch(
      /^not re-rated, the last rate stands: Amazon Buy Shipping: .*gave up after 6 attempts/,
    );

    const down = new SpApiClient({
      endpoint: 'http://127.0.0.1:9',
      http: fetchHttpPort(),
      tokens: new AccessTokenSource(CREDENTIALS, `${amazon.url}/auth/o2/token`, fetchHttpPort(), () =>
        TUESDAY_9AM.getTime(),
      ),
      sleep: async () => undefined,
    });
    const fresh = book([orderRow({ order: A, item: '1', sku: 'MUG' })]);
    const r = await chooseCarriers(fresh, ctx, {
      rateSource: 'amazon',
      buyShipping: buyShippingPlugin(down, { shippingBusiness: 'AmazonShipping_US' }),
      http: fetchHttpPort(),
    });
    expect(r.ok).toBe(true);
    expect((await ordersOf(fresh))[0]).toMatchObject({ status: 'Allocated' });
    expect((await ordersOf(fresh))[0].problem).toMatch(
      /^not rated: Amazon Buy Shipping could not be reached/,
    );
  });

  it('with both, card and Amazon quotes compete; when Amazon cannot quote, the card rates the order and says so', async () => {
    amazon.rateDesk.rejectOrders.set(B, 'The order is canceled or already shipped.');
    const b = book([
      orderRow({ order: A, item: '1', sku: 'MUG', zip: '89501' }),
      orderRow({ order: B, item: '2', sku: 'MUG', zip: '89501' }),
      orderRow({ order: 'WEB-1001', item: '4', sku: 'SOCK' }),
    ]);
    const r = await chooseCarriers(b, ctx, {
      rateSource: 'both',
      buyShipping: plugin(),
      http: fetchHttpPort(),
    });
    expect(r.stats).toMatchObject({ rated: 3, unrated: 0 });
    const [a, bb, web] = await ordersOf(b);
    // Amazon Shipping Ground at 5.35 beats the card's USPS Ground Advantage at 6.00 (zone 1, 2 lb), which beats Buy Shipping's own at 8.15.
    expect(a).toMatchObject({ carrier: 'Amazon Shipping', rate: 5.35, 'rate-source': 'amazon' });
    expect(a['rates-considered']).toMatch(
      /^Amazon Shipping\/Ground 5\.35 USD 2026-12-05; USPS\/Ground Advantage 6\.00 USD 2026-12-03; USPS\/Ground Advantage 8\.15 USD 2026-12-06$/,
    );
    expect(bb).toMatchObject({
      carrier: 'USPS',
      service: 'Ground Advantage',
      rate: 6,
      'rate-source': 'card',
      'rate-id': null,
    });
    expect(bb.problem).toMatch(
      /rated from the card only: Amazon Buy Shipping: .*canceled or already shipped/,
    );
    expect(web).toMatchObject({ status: 'Rated', 'rate-source': 'card', problem: null });
  });

  it('refuses and writes nothing without an Amazon connection or a whole ship-from address', async () => {
    const b = book([orderRow({ order: A, item: '1', sku: 'MUG' })]);
    const before = await ordersOf(b);
    const none = await chooseCarriers(b, ctx, { rateSource: 'amazon' });
    expect(none.ok).toBe(false);
    expect(none.lines[0]).toMatch(/rate-source amazon needs the Amazon connection/);
    const noStreet = book([orderRow({ order: A, item: '1', sku: 'MUG' })], {
      Settings: SETTINGS.filter((row) => row[0] !== 'ship-from-address-1'),
    });
    const refused = await chooseCarriers(noStreet, ctx, { rateSource: 'amazon', buyShipping: plugin() });
    expect(refused.ok).toBe(false);
    expect(refused.problems[0].message).toMatch(/ship-from-address-1 is empty/);
    expect(await ordersOf(b)).toEqual(before);
    expect(rateCalls()).toHaveLength(0);
  });

  it('needs no rate card when rates come from Amazon only', async () => {
    const header = (names: string) => [names.split(' ')];
    const b = book([orderRow({ order: A, item: '1', sku: 'MUG' })], {
      Services: header('carrier service mode'),
      Rates: header('carrier service zone max-weight price'),
      Surcharges: header('carrier service surcharge applies-when amount'),
      Rules: [
        ['priority', 'condition', 'action', 'enabled'],
        [10, 'always', 'exclude Amazon Shipping', true],
      ],
    });
    const r = await chooseCarriers(b, ctx, {
      rateSource: 'amazon',
      buyShipping: plugin(),
      http: fetchHttpPort(),
    });
    expect(r.problems).toEqual([]);
    expect((await ordersOf(b))[0]).toMatchObject({
      carrier: 'USPS',
      service: 'Ground Advantage',
      rate: 8.15,
    });
    // A workbook without the rate card's sheets at all rates from Amazon alone, and refuses the card.
    const sheets = carrierSheets([orderRow({ order: A, item: '1', sku: 'MUG' })], { Settings: SETTINGS });
    for (const name of ['Services', 'Rates', 'Surcharges', 'Zones']) delete sheets[name];
    const bare = new MemoryWorkbook('bare', sheets);
    const amazonOnly = await chooseCarriers(bare, ctx, { rateSource: 'amazon', buyShipping: plugin() });
    expect(amazonOnly.problems).toEqual([]);
    expect((await ordersOf(bare))[0]).toMatchObject({ carrier: 'Amazon Shipping', rate: 5.35 });
    const cardOnly = await chooseCarriers(bare, ctx, { rateSource: 'card' });
    expect(cardOnly.ok).toBe(false);
  });
});

describe('labels buy the quote carrier choice chose', () => {
  async function ratedBook(socksPrice = 20) {
    const b = book([
      orderRow({ order: A, item: '70000000000001', sku: 'MUG' }),
      orderRow({ order: C, item: '70000000000004', sku: 'SOCK', price: socksPrice }),
    ]);
    // Labels need the ship-to address, which carrier choice does not.
    const grid = (await b.read(['Orders'])).get('Orders')!;
    const header = [...grid[0], 'recipient-name', 'ship-address-1', 'ship-city'];
    await b.write({
      sheets: [
        {
          sheet: 'Orders',
          blocks: [
            { row: 1, col: 1, values: [header] },
            ...grid.slice(1).map((r, i) => ({
              row: i + 2,
              col: 1,
              values: [[...r.slice(0, 7), 'MA', ...r.slice(8), 'Ana Ruiz', '1 Main St', 'Boston']],
            })),
          ],
        },
      ],
    });
    const r = await chooseCarriers(b, ctx, {
      rateSource: 'amazon',
      buyShipping: plugin(),
      http: fetchHttpPort(),
    });
    expect(r.stats).toMatchObject({ rated: 2 });
    return b;
  }
  const labels = (b: MemoryWorkbook) =>
    generateLabels(
      b,
      {
        provider: sampleLabelProvider(),
        providers: { amazon: plugin() },
        http: fetchHttpPort(),
        sink: new FileLabelSink(fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-rates-'))),
        format: 'zpl',
      },
      ctx,
    );

  it('purchases the chosen rate id without asking for rates again, from Buy Shipping even when the default provider is another', async () => {
    const b = await ratedBook();
    const chosen = (await ordersOf(b)).map((o) => parseRateId(o['rate-id'] as string)!.rateId);
    const ratesBefore = rateCalls().length;
    const r = await labels(b);
    expect(r.problems).toEqual([]);
    expect(r.stats).toMatchObject({ bought: 2 });
    expect(rateCalls()).toHaveLength(ratesBefore);
    expect(amazon.rateDesk.purchases.map((p) => `${p.requestToken}|${p.rateId}`).sort()).toEqual(
      chosen.sort(),
    );
    const shipments = decodeTable(shipmentsTable, (await b.read(['Shipments'])).get('Shipments')!).rows.map(
      (s) => s.record,
    );
    expect(shipments.map((s) => [s.provider, s.carrier, s.service, s.cost])).toEqual(
      expect.arrayContaining([
        ['amazon', 'Amazon Shipping', 'Ground', 535],
        ['amazon', 'Amazon Shipping', 'Ground', 480],
      ]),
    );
    const orders = decodeTable(ordersTable, (await b.read(['Orders'])).get('Orders')!).rows.map(
      (o) => o.record,
    );
    expect(orders.map((o) => [o.status, o.confirmation])).toEqual([
      ['Labeled', 'Confirmed'],
      ['Labeled', 'Confirmed'],
    ]);
  });

  it('re-rates once and buys the same service when the chosen quote has expired, saying so', async () => {
    const b = await ratedBook();
    amazon.rateDesk.expireAll();
    const r = await labels(b);
    expect(r.problems).toEqual([]);
    expect(r.stats).toMatchObject({ bought: 2 });
    expect(r.lines.join('\n')).toMatch(
      /package 113-0000001-0000001-1: the Amazon Shipping Ground rate chosen at choose-carriers had expired; re-rated and bought the same service \(same price\)/,
    );
    expect(amazon.rateDesk.purchases.map((p) => p.serviceId)).toEqual(['SWA-US-GROUND', 'SWA-US-GROUND']);
  });

  it('a package whose label was voided is re-rated for its next label (its quote was used up)', async () => {
    const b = await ratedBook();
    expect((await labels(b)).stats).toMatchObject({ bought: 2 });
    const shipping = plugin();
    const voided = await voidShipment(b, 'SH-20261201-0001', () => shipping, fetchHttpPort(), ctx);
    expect(voided.ok).toBe(true);
    const ratesBefore = rateCalls().length;
    const again = await labels(b);
    expect(again.problems).toEqual([]);
    expect(again.stats).toMatchObject({ bought: 1, skipped: 1 });
    expect(rateCalls()).toHaveLength(ratesBefore + 1);
    const [one, two, third] = amazon.rateDesk.purchases;
    const first = [one, two].find((p) => p.packageClientReferenceId === third.packageClientReferenceId)!;
    expect(first).toBeDefined();
    expect(third.requestToken).not.toBe(first.requestToken);
  });

  it('buys signature confirmation with a package the Rules want signed, also when its quote expired', async () => {
    const b = await ratedBook(250);
    amazon.rateDesk.expireAll();
    const r = await labels(b);
    expect(r.problems).toEqual([]);
    expect(r.stats).toMatchObject({ bought: 2 });
    const signed = amazon.rateDesk.purchases.find((p) => p.orderId === C)!;
    expect(signed).toMatchObject({
      serviceId: 'USPS_PTP_GA',
      valueAddedServices: ['DELIVERY_CONFIRMATION_SIGNATURE'],
      totalCents: 860,
    });
    expect(amazon.rateDesk.purchases.find((p) => p.orderId === A)!.valueAddedServices).toEqual([]);
    const shipments = decodeTable(shipmentsTable, (await b.read(['Shipments'])).get('Shipments')!).rows;
    expect(shipments.map((s) => s.record.cost).sort()).toEqual([535, 860]);
  });

  it('re-rates for the service on the row when the seller changed it after choose-carriers', async () => {
    const b = await ratedBook();
    const grid = (await b.read(['Orders'])).get('Orders')!;
    const col = grid[0].indexOf('service') + 1;
    const carrierCol = grid[0].indexOf('carrier') + 1;
    await b.write({
      sheets: [
        {
          sheet: 'Orders',
          blocks: [
            { row: 2, col: carrierCol, values: [['UPS']] },
            { row: 2, col, values: [['Ground']] },
          ],
        },
      ],
    });
    const r = await labels(b);
    expect(r.stats).toMatchObject({ bought: 2 });
    expect(r.lines.join('\n')).toMatch(/carrier or service changed since choose-carriers/);
    expect(amazon.rateDesk.purchases.map((p) => p.serviceId).sort()).toEqual([
      'SWA-US-GROUND',
      'UPS_PTP_GND',
    ]);
  });
});
