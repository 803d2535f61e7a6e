import fc from 'fast-check';
import { formatRatesConsidered, parseRatesConsidered } from '../../../src/core/carriers/ratesConsidered';

describe('rates-considered cell', () => {
  test('reads as text and parses back', () => {
    const rates = [
      {
        carrier: 'USPS',
        service: 'Ground Advantage',
        priceMinor: 745,
        currency: 'USD',
        expectedDelivery: '2026-12-04',
      },
      { carrier: 'UPS', service: '2nd Day Air', priceMinor: 2120, currency: 'USD', expectedDelivery: null },
    ];
    const text = formatRatesConsidered(rates);
    expect(text).toBe('USPS/Ground Advantage 7.45 USD 2026-12-04; UPS/2nd Day Air 21.20 USD -');
    expect(parseRatesConsidered(text)).toEqual(rates);
  });

  test('JPY has no decimals; typed junk is skipped', () => {
    expect(
      formatRatesConsidered([
        { carrier: 'Yamato', service: 'TA-Q-BIN', priceMinor: 930, currency: 'JPY', expectedDelivery: null },
      ]),
    ).toBe('Yamato/TA-Q-BIN 930 JPY -');
    expect(parseRatesConsidered('call the carrier; UPS/Ground 9.10 USD 2026-12-07')).toHaveLength(1);
  });

  test('round-trips any names without ; or / (property)', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .&-]{0,20}[A-Za-z0-9]$/);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            carrier: name,
            service: name,
            priceMinor: fc.integer({ min: 0, max: 10_000_000 }),
            currency: fc.constantFrom('USD', 'CAD', 'EUR'),
            expectedDelivery: fc.option(fc.constantFrom('2026-12-04', '2027-01-02'), { nil: null }),
          }),
          { maxLength: 3 },
        ),
        (rates) => {
          const clean = rates.map((r) => ({
            ...r,
            carrier: r.carrier.replace(/\s+/g, ' '),
            service: r.service.replace(/\s+/g, ' '),
          }));
          expect(parseRatesConsidered(formatRatesConsidered(clean))).toEqual(clean);
        },
      ),
    );
  });
});
