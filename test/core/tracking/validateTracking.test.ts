/**
 * Tracking-number validation on known numbers. Valid and invalid vectors are the `test_numbers` of
 * jkeen/tracking_number_data (MIT, © 2017 Jeff Keen); the hand-computed ones say their arithmetic.
 */
import fc from 'fast-check';
import {
  carriersOf,
  gs1Mod10,
  mod10,
  normalizeTrackingNumber,
  s10CheckDigit,
  validateTrackingNumber,
  weightedMod11Mod10,
} from '../../../src/core/tracking';

const VALID: Record<string, readonly string[]> = {
  ups: ['1Z5R89390357567127', '1Z879E930346834440', '1Z410E7W0392751591', '1Z8V92A70367203024'],
  usps_20: [
    '0307 1790 0005 2348 3741',
    ' 0 3 0 7   1 7 9 0   0 0 0 5   2 3 4 8   3 7 4 1 ',
    '7112 3456 7891 2345 6787',
  ],
  usps_impb: [
    '9400 1112 0108 0805 4830 16',
    '9505 5110 6960 5048 6006 24',
    '9101 1234 5678 9000 0000 13',
    '92748931507708513018050063',
    '9361 2898 7870 0317 6337 95',
    '9405803699300124287899',
    '420 22153 9101026837331000039521',
    '4201002334249200190132607600833457',
    '4201028200009261290113185417468510',
    '9261292700768711948021',
  ],
  usps_legacy: ['7196 9010 7560 0307 7385'],
  s10: ['RB123456785US', 'EE123456785GB', 'CP123456785CA'],
  fedex_12: [
    '986578788855',
    '477179081230',
    '799531274483',
    '790535312317',
    ' 7 9 0 5 3 5 3 1 2 3 1 7 ',
    '974367662710',
  ],
  fedex_ground: ['0414 4176 0228 964', '5682 8361 0012 000', '5682 8361 0012 734'],
  fedex_ground_sscc_18: ['00 0123 4500 0000 0027'],
  fedex_ground_96: ['9611020987654312345672', ' 9 6 1 1 0 2 0 9 8 7 6 5 4 3 1 2 3 4 5 6 7 2 '],
  fedex_34: [
    '1001921334250001000300779017972697',
    '1001921380360001000300639585804382',
    '1001901781990001000300617767839437',
    '1002297871540001000300790695517286',
  ],
  fedex_ground_gsn: [
    '9622001900000000000000776632517510',
    '9622001560000000000000794808390594',
    '9632001560123456789900794808390594',
  ],
  dhl_express: [
    '3318810025',
    '73891051146',
    '8487135506',
    '1099255990',
    '3821724944',
    '3318810036',
    '3318810014',
  ],
  amazon_logistics: [
    'TBA000000000000',
    'TBA010000000000',
    ' T B A 0 0 0 0 0 0 0 0 0 0 0 0 ',
    'TBA502887274000',
    'TBC123456789012',
    'TBM123456789012',
  ],
};

/** Each number fits the format's shape, but is wrong; no format may call it valid. */
const INVALID: Record<string, readonly string[]> = {
  ups: ['1Z5R89390357567128', '1Z1111111111111111'],
  usps_20: ['0307 1790 0005 2348 3742'],
  usps_impb: ['9200000000000000000000', '420000009200000000000000000000', '9400 1112 0108 0805 4830 17'],
  s10: ['RB123456784US', 'RB123456785XX'],
  fedex_12: ['996578788855'],
  fedex_ground: ['5682 8361 0012 732'],
  fedex_ground_96: ['9600000000000000000001'],
  fedex_34: ['1001901781990001000300617767839438'],
  fedex_ground_gsn: ['9622001560001234567100794808390595', '9622001560001234567100794808390597'],
  dhl_express: ['3318810010', '3318810034', '3318810011'],
};

/** Not a tracking number of any format. */
const NOTHING = [
  '',
  '2Z5R89390357567127',
  '1A5R89390357567127',
  'TBB000000000000',
  'TBA50288727400A',
  '12345',
  'hello world',
];

describe('validateTrackingNumber', () => {
  for (const [format, numbers] of Object.entries(VALID)) {
    test.each(numbers)(`${format}: %j is valid`, (n) => {
      const r = validateTrackingNumber(n);
      expect(r.valid).toBe(true);
      const m = r.matches.find((x) => x.format === format);
      expect(m).toMatchObject({ valid: true });
    });
  }
  for (const [format, numbers] of Object.entries(INVALID)) {
    test.each(numbers)(`${format}: %j is recognised as ${format} but invalid`, (n) => {
      const r = validateTrackingNumber(n);
      expect(r.valid).toBe(false);
      const m = r.matches.find((x) => x.format === format);
      expect(m?.valid).toBe(false);
      expect(m?.reason).toBeTruthy();
    });
  }
  test.each(NOTHING)('%j matches no valid format', (n) => {
    expect(validateTrackingNumber(n).valid).toBe(false);
  });

  test('a 34-digit number can be both USPS IMpb and FedEx Express 34: both are returned', () => {
    const r = validateTrackingNumber('4201028200009261290113185417468510');
    expect(carriersOf(r).sort()).toEqual(['FedEx', 'USPS']);
  });

  test('the wrong check digit is reported with the right one', () => {
    const m = validateTrackingNumber('1Z5R89390357567128').matches[0];
    expect(m).toMatchObject({ format: 'ups', checkDigit: 'invalid', expectedCheckDigit: '7' });
    expect(m.reason).toContain('gives 7');
  });

  test('an S10 number names its postal operator by the country suffix', () => {
    expect(carriersOf(validateTrackingNumber('RB123456785US'))).toContain('USPS');
    expect(carriersOf(validateTrackingNumber('RB123456785GB'))).toContain('Royal Mail');
    expect(validateTrackingNumber('RB123456785XX').matches[0].reason).toMatch(/XX is not a country/);
  });

  test('Amazon TBA has no check digit', () => {
    expect(validateTrackingNumber('TBA502887274000').matches[0]).toMatchObject({
      carrier: 'Amazon',
      checkDigit: 'none',
    });
  });

  test('spaces, hyphens and lower case are tolerated', () => {
    expect(normalizeTrackingNumber(' 1z5r-8939 0357 567127\u00a0')).toBe('1Z5R89390357567127');
    expect(validateTrackingNumber('1z 5r89 3903 5756 7127').valid).toBe(true);
  });
});

describe('check-digit algorithms by hand', () => {
  test('UPS mod10: 5R8939035756712 → weighted sum 123 → check 7', () => {
    // digits 5,9(R),8,9,3,9,0,3,5,7,5,6,7,1,2: evens×1 = 5+8+3+0+5+5+7+2 = 35; odds×2 = 2×(9+9+9+3+7+6+1) = 88
    expect(mod10('5R8939035756712', 1, 2)).toBe(7);
  });
  test('S10: 12345678 → 1×8+2×6+3×4+4×2+5×3+6×5+7×9+8×7 = 204, 204 % 11 = 6, 11 − 6 = 5', () => {
    expect(s10CheckDigit('12345678')).toBe(5);
  });
  test('FedEx 12: 98657878885 with weights 3,1,7 → 269, 269 % 11 = 5', () => {
    expect(weightedMod11Mod10('98657878885', [3, 1, 7])).toBe(5);
  });
  test('GS1 mod10: 04144176022896 → 116 → 4 (FedEx Ground 041441760228964)', () => {
    expect(gs1Mod10('04144176022896')).toBe(4);
  });
  test('S10 remainders 0 and 1 give 5 and 0', () => {
    // 00000000 → sum 0 → r = 0 → 5
    expect(s10CheckDigit('00000000')).toBe(5);
    // 00000008 → 8×7 = 56, 56 % 11 = 1 → 0
    expect(s10CheckDigit('00000008')).toBe(0);
  });
});

describe('properties', () => {
  test('changing any one digit of a valid UPS number makes its check digit wrong', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{15}$/), fc.nat(14), fc.nat(9), (serial, pos, delta) => {
        const number = `1Z${serial}${mod10(serial, 1, 2)}`;
        expect(validateTrackingNumber(number).valid).toBe(true);
        const c = serial[pos];
        if (!/\d/.test(c) || delta === 0) return;
        const changed = serial.slice(0, pos) + String((Number(c) + delta) % 10) + serial.slice(pos + 1);
        // Doubling is a bijection on digits mod 10 only for weight 1; weight 2 maps d and d+5 together.
        if (pos % 2 === 1 && delta === 5) return;
        const m = validateTrackingNumber(`1Z${changed}${mod10(serial, 1, 2)}`).matches.find(
          (x) => x.format === 'ups',
        );
        expect(m?.valid).toBe(false);
      }),
    );
  });
  test('every generated IMpb with its GS1 check digit validates as USPS', () => {
    fc.assert(
      fc.property(fc.constantFrom('92', '93', '94', '95'), fc.stringMatching(/^\d{19}$/), (ai, rest) => {
        const serial = ai + rest;
        expect(carriersOf(validateTrackingNumber(serial + gs1Mod10(serial)))).toContain('USPS');
      }),
    );
  });
});
