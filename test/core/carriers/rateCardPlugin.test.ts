import { buildRateCard } from '../../../src/core/carriers/rateCard';
import { rateCardPlugin } from '../../../src/core/carriers/rateCardPlugin';
import type { RateRequest } from '../../../src/core/carriers/plugin';
import { buildZoneChart } from '../../../src/core/carriers/zoneChart';
import type { HttpPort } from '../../../src/core/http/httpPort';

const services = [
  [
    'carrier',
    'service',
    'mode',
    'dim-divisor',
    'weight-rounding',
    'max-weight-lb',
    'transit-days',
    'delivery-days',
  ],
  ['USPS', 'Priority Mail', 'air', 166, 'lb', 70, '1-4:2, 5-8:3', 'Mon-Sat'],
  ['UPS', 'Ground', 'ground', 139, 'lb', 150, '1-4:2, 5-8:4', 'Mon-Fri'],
];
const rates = [
  ['carrier', 'service', 'zone', 'max-weight', 'weight-unit', 'price'],
  ['USPS', 'Priority Mail', 8, 5, 'lb', '20.00'],
  ['UPS', 'Ground', 8, 5, 'lb', '15.00'],
];
const zones = [
  ['carrier', 'origin-zip3', 'dest-zip3-from', 'dest-zip3-to', 'zone'],
  ['', '895', '005', '149', '8'],
];
const card = buildRateCard({ services, rates, surcharges: null }, 'USD').card;
const chart = buildZoneChart(zones, '89502').chart!;
const plugin = rateCardPlugin({ card, zones: chart, holidays: new Set(['2026-12-25']) });
const noNetwork: HttpPort = {
  send: () => Promise.reject(new Error('the rate card must not use the network')),
};

const request = (over: Partial<RateRequest> = {}): RateRequest => ({
  orderId: '112-1',
  items: [{ orderItemId: '1', sku: 'MUG', quantity: 1 }],
  shipFrom: { name: 'Seller', line1: '1 Way', city: 'Reno', state: 'NV', postalCode: '89502', country: 'US' },
  shipTo: {
    name: 'Buyer',
    line1: '2 St',
    city: 'Boston',
    state: 'MA',
    postalCode: '02116',
    country: 'US',
    residential: true,
  },
  parcel: { packageId: '112-1-1', weightOz: 40, lengthIn: 8, widthIn: 6, heightIn: 6 },
  shipDate: '2026-12-23',
  ...over,
});

describe('rate-card plug-in (the CarrierPlugin interface)', () => {
  test('metadata names the provider and the carriers of the card', () => {
    expect(plugin.metadata).toEqual({
      id: 'rate-card',
      name: 'Rate card (your own rates, offline)',
      carriers: ['USPS', 'UPS'],
    });
    expect(plugin.buyLabel).toBeUndefined();
  });

  test('getRates quotes every service, with zone, billable weight and delivery past the holiday', async () => {
    const r = await plugin.getRates!(request(), noNetwork);
    expect(r).toEqual({
      ok: true,
      value: [
        // Wed 23 Dec + 3 (Mon-Sat, 25 Dec a holiday): Thu 24, Sat 26, Mon 28
        {
          provider: 'rate-card',
          carrier: 'USPS',
          service: 'Priority Mail',
          price: { minor: 2000, currency: 'USD' },
          transitDays: 3,
          expectedDelivery: '2026-12-28',
          zone: '8',
          billableWeightOz: 48,
          surcharges: [],
        },
        // + 4 Mon-Fri: Thu 24, Mon 28, Tue 29, Wed 30
        {
          provider: 'rate-card',
          carrier: 'UPS',
          service: 'Ground',
          price: { minor: 1500, currency: 'USD' },
          transitDays: 4,
          expectedDelivery: '2026-12-30',
          zone: '8',
          billableWeightOz: 48,
          surcharges: [],
        },
      ],
    });
  });

  test('errors travel as values: no zone, and nothing can carry it', async () => {
    expect(
      await plugin.getRates!(request({ shipTo: { ...request().shipTo, postalCode: '60657' } }), noNetwork),
    ).toEqual({
      ok: false,
      error: {
        code: 'NO_ZONE',
        message: 'no Zones row covers ZIP 606xx from ship-from ZIP3 895',
        retryable: false,
      },
    });
    const heavy = await plugin.getRates!(
      request({ parcel: { ...request().parcel, weightOz: 6 * 16 } }),
      noNetwork,
    );
    expect(heavy).toEqual({
      ok: false,
      error: {
        code: 'NO_SERVICE',
        message:
          "no service can carry it: billable 6 lb is over USPS Priority Mail's heaviest rate to zone 8 (5 lb); billable 6 lb is over UPS Ground's heaviest rate to zone 8 (5 lb)",
        retryable: false,
      },
    });
  });
});
