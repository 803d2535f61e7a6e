import fc from 'fast-check';
import { parseMoney, toMajor } from '../../../src/core';

describe('money in number cells', () => {
  test('large amounts read back exactly from the number a cell holds', () => {
    expect(parseMoney(9999999999.99, 'USD')).toEqual({ ok: true, minor: 999999999999 });
    expect(parseMoney(1234567890123.45, 'USD')).toEqual({ ok: true, minor: 123456789012345 });
    expect(parseMoney(0.1 + 0.2, 'USD')).toEqual({ ok: true, minor: 30 });
    expect(parseMoney(1e-7, 'USD')).toEqual({ ok: false, reason: 'has more than 2 decimal places for USD' });
  });

  test('any amount of up to 15 digits survives toMajor and back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
        fc.constantFrom('USD', 'JPY', 'EUR'),
        (minor, currency) => {
          expect(parseMoney(toMajor(minor, currency), currency)).toEqual({ ok: true, minor });
        },
      ),
    );
  });
});
