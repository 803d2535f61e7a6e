/**
 * The rate card's per-run memo of quotes: quoting many random packages with one plug-in (so later ones hit
 * the memo) gives exactly what a fresh plug-in gives each package alone. The card is the golden book's —
 * the sample 10 services plus fees on SKUs, order value with zone, state and item counts — so the memo key
 * must carry those fields, not only weight, sides and destination.
 */
import type { RateRequest } from '../../src/core';
import { buildRateCard, buildZoneChart, rateCardPlugin } from '../../src/core';
import { goldenCarrierSheets } from './carrierGoldenBook';

test('memoised quotes equal fresh quotes for 3,000 random packages with repeats', async () => {
  const sheets = await goldenCarrierSheets(10);
  const { card, problems } = buildRateCard(
    { services: sheets.Services, rates: sheets.Rates, surcharges: sheets.Surcharges },
    'USD',
  );
  const { chart } = buildZoneChart(sheets.Zones, '89502');
  expect(problems).toEqual([]);
  const options = { card, zones: chart!, holidays: new Set(['2026-12-25']) };
  const memoised = rateCardPlugin(options);
  let seed = 5;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  let hits = 0;
  const seen = new Set<string>();
  for (let i = 0; i < 3000; i++) {
    const skus =
      rand() < 0.3
        ? [pick(['HAZ-1', 'SKU-2']), pick(['SKU-3', 'HAZ-4'])]
        : [pick(['HAZ-1', 'SKU-2', 'SKU-5'])];
    const request: RateRequest = {
      orderId: `o${i}`,
      items: skus.map((sku, k) => ({ orderItemId: `${i}-${k}`, sku, quantity: pick([1, 2, 3]) })),
      shipFrom: { name: '', line1: '', city: '', postalCode: '89502', country: 'US' },
      shipTo: {
        name: '',
        line1: '',
        city: 'X',
        state: pick(['TX', 'CA', undefined]),
        postalCode: pick(['02116', '75247', '90210', '99501', '89501']),
        country: 'US',
        residential: rand() < 0.7,
      },
      parcel: {
        packageId: `p${i}`,
        weightOz: pick([8, 15.5, 16, 40, 79.4, 1200]),
        lengthIn: pick([12, 49, 13]),
        widthIn: pick([10, 31, 6]),
        heightIn: pick([6, 2]),
      },
      shipDate: '2026-12-01',
      declaredValue: { minor: pick([1000, 15001, 20000, 99999]), currency: 'USD' },
      ...(rand() < 0.2 ? { options: { signature: true } } : {}),
    };
    const key = JSON.stringify([
      request.items.map((x) => [x.sku, x.quantity]),
      request.shipTo,
      request.parcel.weightOz,
      request.parcel.lengthIn,
      request.parcel.widthIn,
      request.parcel.heightIn,
      request.declaredValue,
      request.options,
    ]);
    if (seen.has(key)) hits++;
    seen.add(key);
    const got = memoised.quote(request);
    const fresh = rateCardPlugin(options).quote(request);
    expect(got).toEqual(fresh);
  }
  // The random packages repeat often enough that the memo is exercised, not just filled.
  expect(hits).toBeGreaterThan(300);
});
