/** The SP-API client, Buy Shipping plug-in and confirmShipment against the loopback SP-API. */
import type { RateRequest } from '../../../src/core';
import {
  AccessTokenSource,
  buyShippingPlugin,
  confirmShipment,
  decodeBase64,
  SpApiClient,
} from '../../../src/core';
import { fetchHttpPort } from '../../../src/node/amazon/fetchHttpPort';
import { CREDENTIALS, FakeSpApi } from '../../fakes/spApiServer';
import { sampleOrders } from './sampleOrders';

let amazon: FakeSpApi;
let sleeps: number[];
beforeEach(async () => {
  amazon = await new FakeSpApi().start();
  amazon.orders = sampleOrders();
  sleeps = [];
});
afterEach(async () => amazon.stop());

function client(clock = () => Date.parse('2026-12-01T17:00:00Z')): SpApiClient {
  const http = fetchHttpPort();
  return new SpApiClient({
    endpoint: amazon.url,
    http,
    tokens: new AccessTokenSource(CREDENTIALS, `${amazon.url}/auth/o2/token`, http, clock),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
}

const rateRequest: RateRequest = {
  orderId: '113-0000001-0000001',
  items: [{ orderItemId: '70000000000001', sku: 'MUG-CER-12', quantity: 2 }],
  shipFrom: {
    name: 'Sample Seller LLC',
    line1: '100 Warehouse Way',
    city: 'Reno',
    state: 'NV',
    postalCode: '89502',
    country: 'US',
  },
  shipTo: {
    name: 'Maria Lopez',
    line1: '1420 W Olive Ave',
    city: 'Fresno',
    state: 'CA',
    postalCode: '93728',
    country: 'US',
  },
  parcel: { packageId: '113-0000001-0000001-1', weightOz: 36, lengthIn: 8, widthIn: 6, heightIn: 6 },
  shipDate: '2026-12-01',
};

describe('SpApiClient', () => {
  it('caches the access token until it nears expiry, and refreshes once when Amazon says it expired', async () => {
    let now = Date.parse('2026-12-01T17:00:00Z');
    const c = client(() => now);
    await c.call({
      operation: 'getOrderItems',
      method: 'GET',
      path: '/orders/v0/orders/113-0000003-0000003/orderItems',
    });
    await c.call({
      operation: 'getOrderItems',
      method: 'GET',
      path: '/orders/v0/orders/113-0000003-0000003/orderItems',
    });
    const tokenCalls = () => amazon.requests.filter((r) => r.path === '/auth/o2/token').length;
    expect(tokenCalls()).toBe(1);
    now += 3600_000; // an hour later the cached token is past its expiry
    await c.call({
      operation: 'getOrderItems',
      method: 'GET',
      path: '/orders/v0/orders/113-0000003-0000003/orderItems',
    });
    expect(tokenCalls()).toBe(2);
    amazon.expireAccessTokens(); // revoked or expired early on Amazon's side
    const items = await c.call<{ payload: { OrderItems: unknown[] } }>({
      operation: 'getOrderItems',
      method: 'GET',
      path: '/orders/v0/orders/113-0000003-0000003/orderItems',
    });
    expect(items.payload.OrderItems).toHaveLength(1);
    expect(tokenCalls()).toBe(3);
  });

  it('backs off on 429 no faster than the rate Amazon states, then gives up with a clear error', async () => {
    const c = client();
    amazon.fail('/orders/v0/orders/113-0000003-0000003', 429, 2);
    await c.call({
      operation: 'getOrderItems',
      method: 'GET',
      path: '/orders/v0/orders/113-0000003-0000003/orderItems',
    });
    // Exponential with jitter (random 0.5 → 3/4 of 500 ms, then of 1000 ms); the stated limit (100 rps) allows that.
    expect(sleeps).toEqual([375, 750]);
    amazon.fail('/orders/v0/orders/113-0000003-0000003', 500, 10);
    await expect(
      c.call({
        operation: 'getOrderItems',
        method: 'GET',
        path: '/orders/v0/orders/113-0000003-0000003/orderItems',
      }),
    ).rejects.toMatchObject({
      name: 'SpApiError',
      code: 'InternalFailure',
      message: expect.stringMatching(/gave up after 6 attempts/),
    });
  });
});

describe('Buy Shipping plug-in', () => {
  it('rates an Amazon order package, buys a ZPL label already confirmed to Amazon, tracks and voids it', async () => {
    const plugin = buyShippingPlugin(client(), { shippingBusiness: 'AmazonShipping_US' });
    const http = fetchHttpPort();
    const rates = await plugin.getRates!(rateRequest, http);
    expect(rates.ok).toBe(true);
    if (!rates.ok) return;
    // A 36 oz package (3 lb): every service the fake desk sells, priced by weight, with its promise window.
    expect(
      rates.value.map((r) => [r.carrier, r.service, r.price.minor, r.expectedDelivery, r.billableWeightOz]),
    ).toEqual([
      ['Amazon Shipping', 'Amazon Shipping Ground', 590, '2026-12-05', 48],
      ['USPS', 'USPS Ground Advantage', 920, '2026-12-06', 48],
      ['USPS', 'USPS Priority Mail', 1105, '2026-12-04', 48],
      ['UPS', 'UPS Ground', 1195, '2026-12-05', 48],
      ['UPS', 'UPS 2nd Day Air', 2560, '2026-12-03', 48],
      ['UPS', 'UPS Next Day Air', 4410, '2026-12-02', 48],
    ]);
    const rateCall = amazon.requests.find((r) => r.path === '/shipping/v2/shipments/rates')!;
    expect(rateCall.headers['x-amzn-shipping-business-id']).toBe('AmazonShipping_US');
    expect(JSON.parse(rateCall.body)).toMatchObject({
      channelDetails: { channelType: 'AMAZON', amazonOrderDetails: { orderId: '113-0000001-0000001' } },
      packages: [{ weight: { value: 36, unit: 'OUNCE' } }],
    });
    const label = await plugin.buyLabel!(
      { idempotencyKey: 'pkg-1', rate: rates.value[3], rateRequest, format: 'ZPL' },
      http,
    );
    expect(label.ok && label.value).toMatchObject({
      trackingNumber: '1Z999AA10123456784',
      carrier: 'UPS',
      cost: { minor: 1195, currency: 'USD' },
      confirmedToAmazon: true,
      data: expect.stringMatching(/^\^XA/),
    });
    if (!label.ok) return;
    const purchase = JSON.parse(amazon.requests.find((r) => r.path === '/shipping/v2/shipments')!.body);
    expect(purchase.requestedDocumentSpecification).toEqual({
      format: 'ZPL',
      size: { width: 4, length: 6, unit: 'INCH' },
      dpi: 203,
      pageLayout: 'DEFAULT',
      needFileJoining: false,
      requestedDocumentTypes: ['LABEL'],
    });
    const tracking = await plugin.track!(label.value.trackingNumber, http, 'UPS');
    expect(tracking.ok && tracking.value).toMatchObject({ status: 'Delivered', deliveredDate: '2026-12-04' });
    expect((await plugin.voidLabel!(label.value.providerShipmentId, http)).ok).toBe(true);
    const missing = await plugin.voidLabel!('amzn1.shipment.nope', http);
    expect(missing.ok === false && missing.error.message).toMatch(/doesn't exist/);
  });

  it('turns a request Amazon rejects into an error value, not an exception', async () => {
    const plugin = buyShippingPlugin(client(), { shippingBusiness: 'AmazonShipping_US' });
    const bad = await plugin.getRates!(
      { ...rateRequest, shipFrom: { ...rateRequest.shipFrom, country: 'usa' } },
      fetchHttpPort(),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/countryCode does not match/);
  });
});

describe('confirmShipment', () => {
  const confirmation = {
    marketplaceId: 'ATVPDKIKX0DER',
    orderId: '113-0000002-0000002',
    packageReferenceId: '1',
    carrierCode: 'USPS',
    shippingMethod: 'Ground Advantage',
    trackingNumber: '9400111899223197428490',
    shipDate: '2026-12-01T22:00:00Z',
    orderItems: [{ orderItemId: '70000000000003', quantity: 2 }],
  };

  it('confirms a package of an order and shows Amazon’s own message when it refuses one', async () => {
    const c = client();
    expect(await confirmShipment(c, confirmation)).toEqual({ ok: true });
    expect(amazon.confirmations).toHaveLength(1);
    amazon.rejectTracking.set(
      '1ZBAD',
      'The tracking ID 1ZBAD does not match the expected format for the carrier UPS',
    );
    expect(
      await confirmShipment(c, {
        ...confirmation,
        packageReferenceId: '2',
        carrierCode: 'UPS',
        trackingNumber: '1ZBAD',
      }),
    ).toEqual({
      ok: false,
      message:
        'confirmShipment: The tracking ID 1ZBAD does not match the expected format for the carrier UPS',
      retryable: false,
      code: 'InvalidInput',
      status: 400,
      details: '',
    });
    const other = await confirmShipment(c, {
      ...confirmation,
      packageReferenceId: '3',
      carrierCode: 'Other',
    });
    expect(other.ok === false && other.message).toMatch(/carrierName is required/);
  });
});

describe('decodeBase64', () => {
  it('matches Buffer on arbitrary bytes', () => {
    const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 37) % 256);
    expect(Buffer.from(decodeBase64(Buffer.from(bytes).toString('base64'))).equals(Buffer.from(bytes))).toBe(
      true,
    );
  });
});
