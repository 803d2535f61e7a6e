import fc from 'fast-check';
import { majorUnitsConverter } from '../../../src/core/carriers/majorUnits';
import { toMajor } from '../../../src/core/money/parseMoney';

describe('majorUnitsConverter', () => {
  test('gives exactly toMajor for any whole number of minor units, in 0-, 2- and 3-digit currencies (property)', () => {
    const convert = majorUnitsConverter();
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.integer()),
        fc.constantFrom('USD', 'usd ', 'JPY', 'KWD', 'EUR', null, undefined, 'XXX'),
        (minor, currency) => {
          expect(Object.is(convert(minor, currency), toMajor(minor, currency))).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('a few by hand: 1999 USD cents → 19.99, 1999 JPY → 1999, 1999 KWD fils → 1.999, 7 → 0.07', () => {
    const convert = majorUnitsConverter();
    expect([convert(1999, 'USD'), convert(1999, 'JPY'), convert(1999, 'KWD'), convert(7, 'USD')]).toEqual([
      19.99, 1999, 1.999, 0.07,
    ]);
  });
});
