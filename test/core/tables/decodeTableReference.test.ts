import fc from 'fast-check';
import type { Cell, FieldValue, Grid, Problem, TableSchema } from '../../../src/core';
import {
  decodeCell,
  decodeTable,
  indexColumns,
  inventoryTable,
  isBlankCell,
  ordersTable,
  problem,
  ratesTable,
  returnsTable,
} from '../../../src/core';

/**
 * decodeTable as it was before its decoders were compiled (a cell-by-cell decodeCell loop): the reference the
 * compiled decoder must match on any grid, values, validity, problems and their order included.
 */
function referenceDecode(schema: TableSchema, grid: Grid, checkRequired: boolean) {
  const source = schema.name;
  const columns = indexColumns(schema, grid[0] ?? []);
  const problems: Problem[] = [];
  const currencyPos = columns.positions.get('currency');
  const rows: { rowNumber: number; record: Record<string, FieldValue>; valid: boolean }[] = [];
  for (let i = 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    if (cells.every((c) => isBlankCell(c))) continue;
    const rowNumber = i + 1;
    const record: Record<string, FieldValue> = {};
    let valid = true;
    for (const spec of schema.columns) {
      const pos = columns.positions.get(spec.name);
      const cell = pos === undefined ? null : cells[pos];
      if (cell === null || cell === undefined) {
        if (spec.required && checkRequired) {
          valid = false;
          problems.push(problem(source, rowNumber, spec.name, `${spec.name} is required`));
        }
        record[spec.name] = null;
        continue;
      }
      const currencyAt =
        spec.type !== 'money'
          ? undefined
          : spec.currencyColumn
            ? columns.positions.get(spec.currencyColumn)
            : currencyPos;
      const currencyCell = currencyAt === undefined ? null : cells[currencyAt];
      const currency = typeof currencyCell === 'string' ? currencyCell.trim() : null;
      const d = decodeCell(spec, cell, currency);
      if (!d.ok) {
        valid = false;
        record[spec.name] = null;
        problems.push(problem(source, rowNumber, spec.name, `${spec.name} ${d.reason}`, String(cell)));
        continue;
      }
      if (d.value === null && spec.required && checkRequired) {
        valid = false;
        problems.push(problem(source, rowNumber, spec.name, `${spec.name} is required`));
      }
      record[spec.name] = d.value;
    }
    rows.push({ rowNumber, record, valid });
  }
  return { rows, problems };
}

/** Cells of the kinds each column type meets, well-formed and not. */
const cellFor = (type: string): fc.Arbitrary<Cell> => {
  const common = fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.constant('  '),
    fc.string({ maxLength: 8 }),
    fc.double(),
    fc.boolean(),
  );
  const typed: Record<string, fc.Arbitrary<Cell>> = {
    int: fc.oneof(fc.integer({ min: -5, max: 1e6 }).map(String), fc.integer({ min: -5, max: 1e6 })),
    decimal: fc.oneof(
      fc.integer({ min: -500, max: 1e6 }).map((n) => String(n / 100)),
      fc.constant('1,234.5'),
    ),
    money: fc.oneof(
      fc.integer({ min: -500, max: 1e7 }).map((n) => (n / 100).toFixed(2)),
      fc.integer({ min: 0, max: 1e7 }).map((n) => n / 100),
      fc.constantFrom('$1,234.56', '(5.00)', '19.999', '1980', '¥1,980', '0.070'),
    ),
    datetime: fc.constantFrom(
      '2025-09-24T05:02:50-07:00',
      '2026-12-01T17:00:00Z',
      '2026-12-01',
      '2025-02-29T00:00:00Z',
      '2025-09-24 05:02',
      46357.5,
    ),
    date: fc.constantFrom('2026-12-01', '2026-13-01', '2026-12-01T10:00:00+09:00', 46357, 'soon'),
    bool: fc.constantFrom('yes', 'NO', 'x', 'maybe', true, false, 1),
    enum: fc.constantFrom('unshipped', 'Shipped', 'SHIPPED', 'lost', 'pending'),
    text: fc.constantFrom('SKU-1', ' 00123 ', 'USD', 'JPY', 'KWD', 'usd'),
  };
  return fc.oneof({ weight: 1, arbitrary: common }, { weight: 3, arbitrary: typed[type] ?? common });
};

/** A header of the required and some other columns in any order, with user columns between, and rows for it. */
const gridFor = (schema: TableSchema): fc.Arbitrary<Grid> =>
  fc
    .subarray([...schema.columns.filter((c) => !c.required), null, null])
    .chain((optional) =>
      fc.shuffledSubarray([...schema.columns.filter((c) => c.required), ...optional], {
        minLength: schema.columns.filter((c) => c.required).length + optional.length,
      }),
    )
    .chain((cols) => {
      const header: Cell[] = cols.map((c, i) => (c === null ? `my column ${i}` : c.name));
      const row = fc.tuple(...cols.map((c) => cellFor(c === null ? 'text' : c.type)));
      const ragged = row.chain((cells) =>
        fc.nat({ max: cells.length }).map((n) => (n === 0 ? cells : cells.slice(0, cells.length - n + 1))),
      );
      return fc
        .array(fc.oneof({ weight: 8, arbitrary: ragged }, { weight: 1, arbitrary: fc.constant([]) }), {
          maxLength: 12,
        })
        .map((rows) => [header, ...(rows as Cell[][])]);
    });

describe('decodeTable agrees with the cell-by-cell reference', () => {
  it.each([inventoryTable, ordersTable, ratesTable, returnsTable].map((s) => [s.name, s] as const))(
    '%s: same rows, records, validity and problems on random grids',
    (_name, schema) => {
      fc.assert(
        fc.property(gridFor(schema), fc.boolean(), (grid, checkRequired) => {
          const t = decodeTable(schema, grid, { checkRequired });
          expect(t.usable).toBe(true);
          const expected = referenceDecode(schema, grid, checkRequired);
          expect(t.rows.map((r) => ({ rowNumber: r.rowNumber, record: r.record, valid: r.valid }))).toEqual(
            expected.rows,
          );
          expect(t.problems).toEqual(expected.problems);
          for (const r of t.rows) expect(Object.keys(r.record)).toEqual(schema.columns.map((c) => c.name));
        }),
        { numRuns: 150 },
      );
    },
  );
});
