import fc from 'fast-check';
import type { Cell, ColumnSpec } from '../../../src/core';
import { decodeCell, parseDateTime, parseMoney } from '../../../src/core';
import {
  fastDecimal,
  fastInteger,
  fastMoneyNumber,
  fastMoneyText,
  isPlainDate,
  isPlainDateTime,
} from '../../../src/core/tables/fastCells';
import { CellFailure, compileCellDecoder } from '../../../src/core/tables/rowDecoder';

const RUNS = 3000;

/** Text built from the characters that decide the number, money and date grammars, near-misses included. */
const numberish = fc
  .array(
    fc.constantFrom(
      ...'0123456789'.split(''),
      '0',
      '1',
      '9',
      '.',
      ',',
      '-',
      '+',
      ' ',
      'e',
      'E',
      '$',
      '€',
      '¥',
      '(',
      ')',
      '\u00a0',
      'x',
    ),
    { maxLength: 22 },
  )
  .map((cs) => cs.join(''));

/** Plain decimals of every length and sign: the shapes the fast paths take. */
const plainNumber = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.stringMatching(/^\d{1,18}$/),
    fc.option(fc.stringMatching(/^\d{0,5}$/), { nil: undefined }),
  )
  .map(([sign, whole, frac]) => `${sign}${whole}${frac === undefined ? '' : `.${frac}`}`);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Date and date-time text with random (often impossible) fields and every zone form. */
const dateish = fc
  .record({
    y: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2024, 2025, 2100)),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    mi: fc.integer({ min: 0, max: 61 }),
    s: fc.integer({ min: 0, max: 61 }),
    sep: fc.constantFrom('T', ' ', 't', 'X'),
    time: fc.constantFrom('none', 'hm', 'hms', 'hms.frac'),
    zone: fc.constantFrom('', 'Z', 'z', '+00:00', '-07:00', '+0530', '+5:30', ' UTC', 'GMT', '+99:99', '-'),
    junk: fc.constantFrom('', '', '', ' ', 'x', '0'),
  })
  .map(({ y, mo, d, h, mi, s, sep, time, zone, junk }) => {
    const date = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
    const t =
      time === 'none'
        ? ''
        : time === 'hm'
          ? `${sep}${pad(h, 2)}:${pad(mi, 2)}`
          : `${sep}${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${time === 'hms.frac' ? '.123' : ''}`;
    return `${date}${t}${time === 'none' ? '' : zone}${junk}`;
  });

const anyText = fc.oneof(
  numberish,
  plainNumber,
  dateish,
  fc.string({ maxLength: 12 }),
  plainNumber.map((t) => ` ${t}\t`),
);

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: anyText },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e21, 9999999999.99, 0.1 + 0.2, 1e-7, -0.005) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

const currency = fc.constantFrom(null, '', 'USD', 'JPY', 'KWD', 'EUR', 'jpy', 'XYZ');

const SPECS: ColumnSpec[] = [
  { name: 'a', type: 'text', owner: 'seller', description: '' },
  { name: 'b', type: 'int', owner: 'seller', description: '' },
  { name: 'c', type: 'int', owner: 'seller', description: '', min: 0 },
  { name: 'd', type: 'decimal', owner: 'seller', description: '' },
  { name: 'e', type: 'decimal', owner: 'seller', description: '', min: 0.5 },
  { name: 'f', type: 'money', owner: 'seller', description: '' },
  { name: 'g', type: 'money', owner: 'seller', description: '', min: 0 },
  { name: 'h', type: 'datetime', owner: 'seller', description: '' },
  { name: 'i', type: 'date', owner: 'seller', description: '' },
  { name: 'j', type: 'bool', owner: 'seller', description: '' },
  {
    name: 'k',
    type: 'enum',
    owner: 'seller',
    description: '',
    values: ['Shipped', 'Unshipped', 'ÉTÉ', 'İx'],
  },
];

/** decodeCell's answer in the compiled decoder's terms (a throw, e.g. an invalid Date as text, included). */
function general(spec: ColumnSpec, cell: Cell, cur: string | null) {
  try {
    const d = decodeCell(spec, cell, cur);
    return d.ok ? { value: d.value } : { reason: d.reason };
  } catch (e) {
    return { threw: String(e) };
  }
}

function compiled(spec: ColumnSpec, cell: Cell, cur: string | null) {
  try {
    const v = compileCellDecoder(spec)(cell, cur);
    return v instanceof CellFailure ? { reason: v.reason } : { value: v };
  } catch (e) {
    return { threw: String(e) };
  }
}

describe('compiled cell decoders agree with decodeCell', () => {
  it.each(SPECS.map((s) => [s.type + (s.min === undefined ? '' : ` min ${s.min}`), s] as const))(
    '%s: the same value or the same reason for any cell',
    (_label, spec) => {
      fc.assert(
        fc.property(anyCell, currency, (cell, cur) => {
          expect(compiled(spec, cell, cur)).toEqual(general(spec, cell, cur));
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('enum matching ignores case and keeps the listed spelling', () => {
    const spec = SPECS.find((s) => s.type === 'enum')!;
    for (const t of ['shipped', ' SHIPPED ', 'été', 'ÉTÉ', 'İx', 'i̇x', 'nope'])
      expect(compiled(spec, t, null)).toEqual(general(spec, t, null));
  });
});

describe('fast paths answer only when sure, and then as the general parser does', () => {
  it('integers and decimals: Number(text), -0 included', () => {
    fc.assert(
      fc.property(fc.oneof(plainNumber, numberish), (t) => {
        const i = fastInteger(t);
        if (i !== undefined) expect(Object.is(i, Number(t))).toBe(true);
        const d = fastDecimal(t);
        if (d !== undefined) expect(Object.is(d, Number(t))).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(Object.is(fastInteger('-0'), -0)).toBe(true);
    expect(fastInteger('+0042')).toBe(42);
    expect(fastInteger('1234567890123456789')).toBe(Number('1234567890123456789'));
    expect(fastDecimal('12.50')).toBe(12.5);
    expect(fastDecimal('1,234')).toBeUndefined();
    expect(fastDecimal('1e3')).toBeUndefined();
  });

  it('money text: the minor units parseMoney finds', () => {
    const digitsOf: Record<number, string> = { 0: 'JPY', 2: 'USD', 3: 'KWD' };
    fc.assert(
      fc.property(fc.oneof(plainNumber, numberish), fc.constantFrom(0, 2, 3), (t, digits) => {
        const fast = fastMoneyText(t, digits);
        if (fast === undefined) return;
        const m = parseMoney(t, digitsOf[digits]);
        expect(m).toEqual({ ok: true, minor: fast });
      }),
      { numRuns: RUNS },
    );
    expect(fastMoneyText('19.99', 2)).toBe(1999);
    expect(fastMoneyText('-0.00', 2)).toBe(0);
    expect(fastMoneyText('1980', 0)).toBe(1980);
    expect(fastMoneyText('19.5', 0)).toBeUndefined();
    expect(fastMoneyText('1.234', 3)).toBe(1234);
    expect(fastMoneyText('$5', 2)).toBeUndefined();
  });

  it('money numbers: the minor units parseMoney finds through the text of the number', () => {
    const digitsOf: Record<number, string> = { 0: 'JPY', 2: 'USD', 3: 'KWD' };
    const numbers = fc.oneof(
      fc.double({ noNaN: false }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n * 1.1),
      // Around the 15-digit limit, where the direct and the text paths must still agree.
      fc.integer({ min: 0, max: 2e6 }).map((n) => (999_999_999_000_000 + n) / 100),
      fc.constantFrom(0.07, 19.99, 0.1 + 0.2, 9999999999.99, 999999999999.999, -0.005, 1e-7, 1e15, 1e20),
    );
    fc.assert(
      fc.property(numbers, fc.constantFrom(0, 2, 3), (n, digits) => {
        const fast = fastMoneyNumber(n, digits);
        if (fast === undefined) return;
        expect(parseMoney(n, digitsOf[digits])).toEqual({ ok: true, minor: fast });
      }),
      { numRuns: RUNS * 3 },
    );
    expect(fastMoneyNumber(19.99, 2)).toBe(1999);
    expect(fastMoneyNumber(0.1 + 0.2, 2)).toBe(30);
    expect(fastMoneyNumber(9999999999.99, 2)).toBe(999999999999);
    expect(fastMoneyNumber(19.999, 2)).toBeUndefined();
  });

  it('dates: accepted only when parseDateTime accepts the same text', () => {
    fc.assert(
      fc.property(fc.oneof(dateish, numberish), (t) => {
        if (isPlainDateTime(t) || isPlainDate(t))
          expect(parseDateTime(t)).toMatchObject({ ok: true, iso: t });
      }),
      { numRuns: RUNS },
    );
    expect(isPlainDateTime('2025-09-24T05:02:50-07:00')).toBe(true);
    expect(isPlainDateTime('2026-12-01T17:00:00Z')).toBe(true);
    expect(isPlainDateTime('2024-02-29T23:59:60')).toBe(true);
    expect(isPlainDateTime('2025-02-29T00:00:00Z')).toBe(false);
    expect(isPlainDate('2000-02-29')).toBe(true);
    expect(isPlainDate('1900-02-29')).toBe(false);
    expect(isPlainDate('2025-04-31')).toBe(false);
  });

  it('the common shapes do take the fast paths', () => {
    expect(fastInteger('500')).toBe(500);
    expect(fastMoneyText('12.34', 2)).toBe(1234);
    expect(isPlainDateTime('2026-11-30T09:00:00-08:00')).toBe(true);
    expect(isPlainDate('2026-11-30')).toBe(true);
  });
});
