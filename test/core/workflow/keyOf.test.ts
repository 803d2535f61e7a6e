import fc from 'fast-check';
import type { FieldValue, TableSchema } from '../../../src/core';
import { inventoryTable, keyOf, ratesTable } from '../../../src/core';

/** keyOf as first written (map / some / join): the loop that replaced it must give the same key. */
function reference(schema: TableSchema, record: Readonly<Record<string, FieldValue>>, blankParts: boolean) {
  const parts = schema.key.map((k) => record[k] ?? (blankParts ? '' : null));
  if (
    blankParts ? parts.every((p) => p === '') : parts.some((p) => p === null || p === undefined || p === '')
  )
    return null;
  return parts.map((p) => String(p).trim().toLowerCase()).join('\u0000');
}

const value: fc.Arbitrary<FieldValue | undefined> = fc.oneof(
  fc.constantFrom(null, undefined, '', ' ', 'SKU-1', ' a-01 ', 'İ', 0, -0, 12.5, true, false),
  fc.string({ maxLength: 6 }),
);

describe('keyOf', () => {
  it.each([
    ['Inventory (sku + location)', inventoryTable],
    ['Rates', ratesTable],
    ['no key', { ...inventoryTable, key: [] } as TableSchema],
  ] as const)('%s: the same key as the reference for any record', (_label, schema) => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...schema.columns.map((c) => c.name)), value),
        fc.boolean(),
        (rec, blank) => {
          const record = rec as Record<string, FieldValue>;
          expect(keyOf(schema, record, blank)).toBe(reference(schema, record, blank));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
