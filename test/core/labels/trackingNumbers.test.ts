import fc from 'fast-check';
import {
  dhlExpressCheckDigit,
  fedexExpressCheckDigit,
  IMPB_WEIGHTS,
  mod10CheckDigit,
  sampleTrackingNumber,
  UPS_WEIGHTS,
  validateTrackingNumber,
} from '../../../src/core';

/**
 * An independent validator written from jkeen/tracking_number_data (couriers/*.json and checksum.js), not from
 * the code under test: whole-string regex with SerialNumber/CheckDigit groups, then the courier's checksum.
 */
function charValue(c: string): number {
  return /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 3) % 10;
}
function mod10(serial: string, evens: number, odds: number, reverse = false): number {
  const chars = reverse ? [...serial].reverse() : [...serial];
  const sum = chars.reduce((s, c, i) => s + charValue(c) * (i % 2 === 0 ? evens : odds), 0);
  return (10 - (sum % 10)) % 10;
}
const FORMATS: Record<string, { regex: RegExp; check: (serial: string) => number }> = {
  UPS: {
    regex: /^1Z(?<SerialNumber>[0-9A-Z]{6}[0-9A-Z]{2}[0-9A-Z]{7})(?<CheckDigit>[0-9A-Z])$/,
    check: (s) => mod10(s, 1, 2),
  },
  USPS: {
    regex: /^(?<SerialNumber>94[0-9]{3}(?:9[0-9]{8}[0-9]{7}|[0-8][0-9]{5}[0-9]{10}))(?<CheckDigit>[0-9])$/,
    check: (s) => mod10(s, 3, 1, true),
  },
  FedEx: {
    regex: /^(?<SerialNumber>[0-9]{11})(?<CheckDigit>[0-9])$/,
    check: (s) => ([...s].reduce((sum, d, i) => sum + Number(d) * [3, 1, 7][i % 3], 0) % 11) % 10,
  },
  DHL: { regex: /^(?<SerialNumber>[0-9]{9})(?<CheckDigit>[0-9])$/, check: (s) => Number(BigInt(s) % 7n) },
};
function isValid(carrier: string, tracking: string): boolean {
  const m = FORMATS[carrier].regex.exec(tracking);
  if (!m?.groups) return false;
  return FORMATS[carrier].check(m.groups.SerialNumber) === Number(m.groups.CheckDigit);
}

describe('check digits', () => {
  test('match the published test numbers', () => {
    // Vectors from the data set's documentation (carriers.md).
    expect(mod10CheckDigit('5R89390357567127'.slice(0, 15), UPS_WEIGHTS)).toBe(7);
    expect(mod10CheckDigit('940011120108080548301', IMPB_WEIGHTS)).toBe(6);
    expect(fedexExpressCheckDigit('98657878885')).toBe(5);
    expect(dhlExpressCheckDigit('331881002')).toBe(5);
  });

  test('the validator used here accepts the vectors and rejects a changed digit', () => {
    expect(isValid('UPS', '1Z5R89390357567127')).toBe(true);
    expect(isValid('UPS', '1Z5R89390357567128')).toBe(false);
    expect(isValid('USPS', '9400111201080805483016')).toBe(true);
    expect(isValid('USPS', '9400111201080805483017')).toBe(false);
    expect(isValid('FedEx', '986578788855')).toBe(true);
    expect(isValid('DHL', '3318810025')).toBe(true);
  });
});

describe('sample tracking numbers', () => {
  test.each([
    ['UPS', 'Ground', /^1ZSAMPLE03/],
    ['UPS', 'Next Day Air', /^1ZSAMPLE01/],
    ['UPS', '2nd Day Air', /^1ZSAMPLE02/],
    ['USPS', 'Ground Advantage', /^94001/],
    ['USPS', 'Priority Mail', /^94055/],
    ['FedEx', 'Express Saver', /^7\d{11}$/],
    ['DHL', 'Express Worldwide', /^1\d{9}$/],
  ] as const)('%s %s has the carrier shape', (carrier, service, shape) => {
    expect(sampleTrackingNumber(carrier, service, 'pkg-1#1')).toMatch(shape);
  });

  test('every issued number passes format and check-digit validation, and the key decides it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('UPS', 'USPS', 'FedEx', 'DHL' as const),
        fc.string({ minLength: 1, maxLength: 40 }),
        (carrier, key) => {
          const n = sampleTrackingNumber(carrier, 'Ground', key);
          expect(isValid(carrier, n)).toBe(true);
          expect(sampleTrackingNumber(carrier, 'Ground', key)).toBe(n);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('different packages get different numbers', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++)
      seen.add(sampleTrackingNumber('USPS', 'Ground Advantage', `112-0000000-${i}-1#1`));
    expect(seen.size).toBe(2000);
  });

  test("the tracking step's validator (validate-tracking) accepts them for the carrier they claim", () => {
    const services: Record<string, string[]> = {
      UPS: ['Ground', 'Next Day Air', '2nd Day Air', '3 Day Select', 'Next Day Air Saver'],
      USPS: ['Ground Advantage', 'Priority Mail', 'Priority Mail Express'],
      FedEx: ['Express Saver', 'Ground'],
      DHL: ['Express Worldwide'],
    };
    for (const [carrier, list] of Object.entries(services))
      for (const service of list)
        for (let i = 0; i < 50; i++) {
          const n = sampleTrackingNumber(carrier as 'UPS', service, `112-0000000-${i}-1#1`);
          const check = validateTrackingNumber(n);
          expect(check.matches.filter((m) => m.valid).map((m) => m.carrier)).toContain(carrier);
        }
  });
});
