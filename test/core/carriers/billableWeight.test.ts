import fc from 'fast-check';
import {
  billableOunces,
  billableWeight,
  measure,
  roundActualOz,
  roundSideIn,
} from '../../../src/core/carriers/billableWeight';
import { toInches, toOunces } from '../../../src/core/carriers/units';

const UPS = { dimDivisor: 139, dimMinCubicIn: 0, rounding: 'lb' as const };
const USPS_GA = { dimDivisor: 166, dimMinCubicIn: 1728, rounding: 'oz' as const };
const USPS_PRIORITY = { dimDivisor: 166, dimMinCubicIn: 1728, rounding: 'lb' as const };

describe('billableWeight', () => {
  test('UPS 18x12x12 in, 5 lb: 18*12*12 = 2592 in³ / 139 = 18.65 → 19 lb dim beats 5 lb actual → 304 oz', () => {
    const b = billableWeight({ weightOz: 80, lengthIn: 18, widthIn: 12, heightIn: 12 }, UPS);
    expect(b.cubicIn).toBe(2592);
    expect(b.dimOz).toBe(19 * 16);
    expect(b.roundedActualOz).toBe(80);
    expect(b.billableOz).toBe(304);
  });

  test('UPS 10x8x4 in, 6.2 lb: 320 in³ / 139 = 2.3 → 3 lb dim; actual 6.2 → 7 lb wins → 112 oz', () => {
    const b = billableWeight({ weightOz: 6.2 * 16, lengthIn: 10, widthIn: 8, heightIn: 4 }, UPS);
    expect(b.dimOz).toBe(48);
    expect(b.billableOz).toBe(112);
  });

  test('sides round to the nearest inch first: 11.5 x 9.4 x 6.5 → 12 x 9 x 7 = 756 in³ / 139 = 5.44 → 6 lb', () => {
    const b = billableWeight({ weightOz: 20, lengthIn: 11.5, widthIn: 9.4, heightIn: 6.5 }, UPS);
    expect(b.cubicIn).toBe(756);
    expect(b.billableOz).toBe(96);
  });

  test('USPS 12x12x12 = 1728 in³ is not MORE than 1 cu ft: no dim weight; 2 lb 3 oz → 3 lb (Priority)', () => {
    const b = billableWeight({ weightOz: 35, lengthIn: 12, widthIn: 12, heightIn: 12 }, USPS_PRIORITY);
    expect(b.dimOz).toBeNull();
    expect(b.billableOz).toBe(48);
  });

  test('USPS 13x12x12 = 1872 in³ > 1728: 1872 / 166 = 11.28 → 12 lb dim beats 2 lb → 192 oz', () => {
    const b = billableWeight({ weightOz: 30, lengthIn: 13, widthIn: 12, heightIn: 12 }, USPS_PRIORITY);
    expect(b.dimOz).toBe(192);
    expect(b.billableOz).toBe(192);
  });

  test('USPS Ground Advantage light parcel 9.2 oz → next ounce 10 oz (not a whole pound)', () => {
    expect(billableWeight({ weightOz: 9.2, lengthIn: 9, widthIn: 6, heightIn: 2 }, USPS_GA).billableOz).toBe(
      10,
    );
  });

  test('USPS 15.4 oz stays in the 15.99 oz tier; 16.1 oz → 2 lb = 32 oz', () => {
    expect(roundActualOz(15.4, 'oz')).toBe(15.99);
    expect(roundActualOz(15, 'oz')).toBe(15);
    expect(roundActualOz(16, 'oz')).toBe(16);
    expect(roundActualOz(16.1, 'oz')).toBe(32);
  });

  test('a weight of exactly 2 lb is 2 lb, not 3 (no float creep): 1.1 lb x 2 units = 35.2 oz → 3 lb', () => {
    expect(roundActualOz(32, 'lb')).toBe(32);
    expect(roundActualOz(toOunces(1.1, 'lb') * 2, 'lb')).toBe(48);
  });

  test('no divisor: actual only', () => {
    const b = billableWeight(
      { weightOz: 3, lengthIn: 40, widthIn: 40, heightIn: 40 },
      { dimDivisor: null, dimMinCubicIn: 0, rounding: 'lb' },
    );
    expect(b.dimOz).toBeNull();
    expect(b.billableOz).toBe(16);
  });

  test('roundSideIn: x.50 rounds up, x.49 down', () => {
    expect(roundSideIn(6.5)).toBe(7);
    expect(roundSideIn(6.49)).toBe(6);
  });

  test('units: 30.48 cm = 12 in; 1 kg = 35.27 oz; 500 g = 17.64 oz', () => {
    expect(toInches(30.48, 'cm')).toBeCloseTo(12, 10);
    expect(toOunces(1, 'kg')).toBeCloseTo(35.27396, 4);
    expect(toOunces(500, 'g')).toBeCloseTo(17.637, 3);
  });

  test('measure sorts sides and girth = 2 x (two shorter): 10x30x20 → L 30, girth 2*(20+10) = 60, L+G 90', () => {
    expect(measure({ weightOz: 1, lengthIn: 10, widthIn: 30, heightIn: 20 })).toEqual({
      lengthIn: 30,
      widthIn: 20,
      heightIn: 10,
      girthIn: 60,
      lengthGirthIn: 90,
    });
  });

  test('measure orders any three sides as a descending sort does, ties and all six orders included (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 3, maxLength: 3 }), (sides) => {
        const [l, w, h] = [...sides].sort((a, b) => b - a);
        const m = measure({ weightOz: 1, lengthIn: sides[0], widthIn: sides[1], heightIn: sides[2] });
        expect([m.lengthIn, m.widthIn, m.heightIn]).toEqual([l, w, h]);
        expect(m.girthIn).toBe(2 * (w + h));
      }),
      { numRuns: 500 },
    );
  });
});

describe('billableOunces', () => {
  test('agrees with billableWeight on a grid of sizes and rules (property)', () => {
    for (const rules of [
      UPS,
      USPS_GA,
      USPS_PRIORITY,
      { dimDivisor: null, dimMinCubicIn: 0, rounding: 'lb' as const },
    ])
      for (const weightOz of [0.5, 9.2, 15.4, 16, 35.2, 200])
        for (const side of [2, 6.5, 12, 13, 30]) {
          const size = { weightOz, lengthIn: side * 1.5, widthIn: side, heightIn: side / 2 };
          expect(billableOunces(size, rules)).toBe(billableWeight(size, rules).billableOz);
        }
  });
});
