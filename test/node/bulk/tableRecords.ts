// Random records for any Shipsheet table (fast-check): unicode, long text, empty cells, leading zeros, large
// money in several currencies, formula-like text. Keys are unique and required columns filled.
import fc from 'fast-check';
import type { ColumnSpec, FieldValue, TableSchema } from '../../../src/core';
import { keyOf, toIsoUtc } from '../../../src/core';

const tricky = fc.constantFrom(
  '=1+1',
  '=HYPERLINK("http://example.com","x")',
  '-5',
  '+1 555 0100',
  '@SUM(A1:A2)',
  "'quoted",
  "'=already neutralised",
  "''two",
  '\tleading tab',
  'line one\nline two',
  'carriage\rreturn',
  'bell\u0007 and _x0041_',
  'comma, "quotes" and; semicolons',
  'Zürich – 東京 – 🚚📦',
  'TRUE',
  '00042',
);

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: tricky },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 4000 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom('\u0000', '\u0001', '\u0007', '\u000b', '\u001f', '\ufffe', 'a', '_', 'x'),
      maxLength: 12,
    }),
  },
);

const idText = fc.oneof(
  fc.stringMatching(/^0[0-9]{3,13}$/),
  fc.stringMatching(/^[1-9][0-9]{13,19}$/),
  fc.stringMatching(/^[0-9]{3}-[0-9]{7}-[0-9]{7}$/),
  fc.stringMatching(/^[A-Z]{2,5}-[A-Z0-9]{1,6}$/),
  tricky,
);

const currency = fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'CAD');

const isoDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => toIsoUtc(d).slice(0, 10));

const isoDateTime = fc.oneof(
  fc
    .date({
      min: new Date('1971-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => toIsoUtc(new Date(Math.floor(d.getTime() / 1000) * 1000))),
  fc.constantFrom('2025-09-24T05:02:50-07:00', '2026-12-01T09:00:00+09:00', '2026-03-08 02:30:00'),
);

function valueOf(spec: ColumnSpec, currencyColumns: ReadonlySet<string>): fc.Arbitrary<FieldValue> {
  if (currencyColumns.has(spec.name)) return currency;
  switch (spec.type) {
    case 'text':
      return spec.keepAsText ? idText : text;
    case 'int':
      return fc.integer({ min: spec.min ?? -100_000, max: 2_000_000_000 });
    case 'decimal':
      return fc.oneof(
        fc.integer({ min: (spec.min ?? -1e6) * 1000, max: 1e9 }).map((n) => n / 1000),
        fc
          .double({ min: spec.min ?? -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true })
          .filter((x) => !Object.is(x, -0)),
      );
    case 'money':
      return fc.oneof(
        fc.integer({ min: spec.min ?? -1_000_000, max: 10_000_000 }),
        fc.integer({ min: spec.min ?? -999_999_999_999_999, max: 999_999_999_999_999 }),
      );
    case 'datetime':
      return isoDateTime;
    case 'date':
      return isoDate;
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(spec.values ?? ['']));
  }
}

export function recordArbitrary(schema: TableSchema): fc.Arbitrary<Record<string, FieldValue>> {
  const currencyColumns = new Set([
    'currency',
    ...schema.columns.flatMap((c) => (c.currencyColumn ? [c.currencyColumn] : [])),
  ]);
  const shape: Record<string, fc.Arbitrary<FieldValue>> = {};
  for (const spec of schema.columns) {
    const v = valueOf(spec, currencyColumns);
    const filled = spec.type === 'text' ? v.filter((x) => typeof x === 'string' && x.trim() !== '') : v;
    shape[spec.name] =
      spec.required || schema.key.includes(spec.name) ? filled : fc.option(v, { nil: null, freq: 3 });
  }
  return fc.record(shape);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;

/**
 * `controlChars: false` for books written by the Workbook backend, whose exceljs writer stores control and CR
 * characters raw (invalid XML): the bulk writer escapes them, the backend is not under test here.
 */
export function recordsArbitrary(
  schema: TableSchema,
  maxLength = 6,
  options: { controlChars?: boolean } = {},
): fc.Arbitrary<Record<string, FieldValue>[]> {
  const record =
    options.controlChars === false
      ? recordArbitrary(schema).filter(
          (r) => !Object.values(r).some((v) => typeof v === 'string' && CONTROL.test(v)),
        )
      : recordArbitrary(schema);
  return fc.uniqueArray(record, {
    maxLength,
    selector: (r) => (schema.key.length === 0 ? Math.random() : keyOf(schema, r)),
  });
}
