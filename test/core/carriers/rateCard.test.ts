import { buildRateCard } from '../../../src/core/carriers/rateCard';
import { quoteService, surchargeLines } from '../../../src/core/carriers/quoteService';
import type { ServiceQuote } from '../../../src/core/carriers/quoteService';

const lines = (q: ServiceQuote) => surchargeLines(q.baseMinor, q.applied);
import { packageFacts } from '../../../src/core/rules/packageFacts';
import type { Grid } from '../../../src/core/tables/cell';

const servicesHeader = [
  'carrier',
  'service',
  'mode',
  'dim-divisor',
  'dim-min-cubic-in',
  'weight-rounding',
  'max-weight-lb',
  'max-length-in',
  'max-length-girth-in',
  'transit-days',
  'delivery-days',
];
const services: Grid = [
  servicesHeader,
  ['UPS', 'Ground', 'ground', 139, '', 'lb', 150, 108, 165, '1-2:1, 3:2, 4-8:4', 'Mon-Fri'],
  ['USPS', 'Ground Advantage', 'ground', 166, 1728, 'oz', 70, '', 130, '1-4:3, 5-8:5', 'Mon-Sat'],
];
const rates: Grid = [
  ['carrier', 'service', 'zone', 'max-weight', 'weight-unit', 'price'],
  ['UPS', 'Ground', 5, 1, 'lb', '10.00'],
  ['UPS', 'Ground', 5, 2, 'lb', '11.00'],
  ['UPS', 'Ground', 5, 19, 'lb', '30.00'],
  ['UPS', 'Ground', 5, 90, 'lb', '120.00'],
  ['USPS', 'Ground Advantage', 5, 4, 'oz', '5.00'],
  ['USPS', 'Ground Advantage', 5, 8, 'oz', '6.00'],
  ['USPS', 'Ground Advantage', 5, 15.99, 'oz', '7.00'],
  ['USPS', 'Ground Advantage', 5, 1, 'lb', '8.00'],
  ['USPS', 'Ground Advantage', 5, 2, 'lb', '9.00'],
];
const surcharges: Grid = [
  ['carrier', 'service', 'surcharge', 'applies-when', 'amount', 'percent', 'min-billable-lb', 'instead-of'],
  ['UPS', '', 'residential', 'residential = true', '5.00'],
  ['UPS', '', 'additional-handling', 'length-in > 48', '30.00'],
  ['UPS', '', 'additional-handling', 'weight-lb > 50', '45.00'],
  ['UPS', '', 'large-package', 'length-girth-in > 130', '100.00', '', 90, 'additional-handling'],
  ['UPS', 'Ground', 'fuel', '', '', 19.5],
];

const card = buildRateCard({ services, rates, surcharges }, 'USD');
const ups = card.card.services.find((s) => s.carrier === 'UPS')!;
const usps = card.card.services.find((s) => s.carrier === 'USPS')!;
const box = (weightOz: number, l: number, w: number, h: number, residential = false) =>
  packageFacts({ weightOz, lengthIn: l, widthIn: w, heightIn: h, residential });

describe('rate card', () => {
  test('builds without problems', () => expect(card.problems).toEqual([]));

  test('UPS Ground, 1.5 lb 8x6x4 (192/139 → 2 lb dim) to zone 5, commercial: 2 lb break 11.00 + fuel 19.5% (2.145 → 2.15) = 13.15', () => {
    const q = quoteService(ups, box(24, 8, 6, 4), '5');
    expect(q.ok && q.quote).toMatchObject({
      billableOz: 32,
      baseMinor: 1100,
      priceMinor: 1315,
      transitDays: 4,
    });
    expect(q.ok && lines(q.quote)).toEqual([{ name: 'fuel', minor: 215 }]);
  });

  test('residential adds 5.00 before fuel: (11.00 + 5.00) × 19.5% = 3.12 → 19.12', () => {
    const q = quoteService(ups, box(24, 8, 6, 4, true), '5');
    expect(q.ok && q.quote.priceMinor).toBe(1912);
  });

  test('dim weight picks the break: 18x12x12 = 2592/139 → 19 lb → 30.00 (+ 5.85 fuel) = 35.85', () => {
    const q = quoteService(ups, box(80, 18, 12, 12), '5');
    expect(q.ok && q.quote).toMatchObject({ billableOz: 304, baseMinor: 3000, priceMinor: 3585 });
  });

  test('additional handling once per package, even when two of its rows hold (50 in long and 55 lb)', () => {
    const q = quoteService(ups, box(55 * 16, 50, 10, 10), '5');
    expect(q.ok && lines(q.quote).map((s) => s.name)).toEqual(['additional-handling', 'fuel']);
    expect(q.ok && lines(q.quote)[0].minor).toBe(3000);
  });

  test('large package replaces additional handling and bills at least 90 lb: 100x10x6, L+G = 100 + 2×(10+6) = 132 > 130, dim 6000/139 → 44 lb', () => {
    const q = quoteService(ups, box(20 * 16, 100, 10, 6), '5');
    expect(q.ok && q.quote.billableOz).toBe(90 * 16);
    expect(q.ok && lines(q.quote).map((s) => s.name)).toEqual(['large-package', 'fuel']);
    // 120.00 + 100.00 = 220.00, fuel 19.5% = 42.90 → 262.90
    expect(q.ok && q.quote.priceMinor).toBe(26290);
  });

  test('USPS ounce tiers: 9.2 oz → 10 oz → the 15.99 oz tier 7.00; 15.5 oz stays at 15.99 oz', () => {
    expect(
      (quoteService(usps, box(9.2, 9, 6, 2), '5') as { quote: { priceMinor: number } }).quote.priceMinor,
    ).toBe(700);
    expect(
      (quoteService(usps, box(15.5, 9, 6, 2), '5') as { quote: { billableOz: number } }).quote.billableOz,
    ).toBe(15.99);
    expect(
      (quoteService(usps, box(3, 9, 6, 2), '5') as { quote: { priceMinor: number } }).quote.priceMinor,
    ).toBe(500);
  });

  test('limits and missing zones are reasons, not prices', () => {
    expect(quoteService(usps, box(71 * 16, 10, 10, 10), '5')).toEqual({
      ok: false,
      reason: "71 lb is over USPS Ground Advantage's 70 lb limit",
    });
    expect(quoteService(usps, box(16, 60, 20, 20), '5')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/length \+ girth 140 in is over/),
    });
    expect(quoteService(ups, box(16, 10, 10, 10), '9')).toEqual({
      ok: false,
      reason: 'UPS Ground has no rates to zone 9',
    });
    expect(quoteService(usps, box(40, 10, 10, 10), '5')).toEqual({
      ok: false,
      reason: "billable 3 lb is over USPS Ground Advantage's heaviest rate to zone 5 (2 lb)",
    });
  });

  test('bad rows are problems with their sheet, row and column', () => {
    const bad = buildRateCard(
      {
        services: [
          ...services,
          ['UPS', 'Ground', 'ground', 139],
          ['FedEx', '2Day', 'air', 139, '', 'lb', 150, '', '', '1-2:x'],
        ],
        rates: [...rates, ['DHL', 'Express', 5, 1, 'lb', '20.00'], ['UPS', 'Ground', 5, 2, 'lb', '12.00']],
        surcharges: [
          ...surcharges,
          ['UPS', '', 'bad', 'length > long', '1.00'],
          ['UPS', '', 'nothing', 'weight-lb > 1'],
        ],
      },
      'USD',
    );
    expect(bad.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['Services', 4, 'service'],
      ['Services', 5, 'transit-days'],
      ['Rates', 11, 'service'],
      ['Rates', 12, 'max-weight'],
      ['Surcharges', 7, 'applies-when'],
      ['Surcharges', 8, 'amount'],
    ]);
  });
});
