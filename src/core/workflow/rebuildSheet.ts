/**
 * A generated sheet (Shortages, Purchase List, …) rewritten whole: clear, then the header and every row in
 * one block. Nothing is written when the sheet already holds exactly that, so re-running changes nothing.
 */
import type { Cell, Grid } from '../tables/cell';
import { cellText, encodeCell } from '../tables/cellCodec';
import type { FieldValue } from '../tables/column';
import type { RecordOf, TableSchema } from '../tables/schema';
import { templateHeaders } from '../tables/schema';
import { formatForSpec } from '../tables/tableEditor';
import type { SheetWrite } from '../workbook';

export function generatedGrid<S extends TableSchema>(schema: S, records: readonly RecordOf<S>[]): Grid {
  const rows: Cell[][] = [templateHeaders(schema)];
  for (const rec of records) {
    const r = rec as Record<string, FieldValue>;
    const currency = typeof r['currency'] === 'string' ? r['currency'] : null;
    rows.push(schema.columns.map((c) => encodeCell(c, r[c.name] ?? null, currency)));
  }
  return rows;
}

function sameGrid(a: Grid, b: Grid): boolean {
  const rows = Math.max(a.length, b.length);
  for (let i = 0; i < rows; i++) {
    const ra = a[i] ?? [];
    const rb = b[i] ?? [];
    const cols = Math.max(ra.length, rb.length);
    for (let j = 0; j < cols; j++) if (cellText(ra[j] ?? null) !== cellText(rb[j] ?? null)) return false;
  }
  return true;
}

/** The write that makes the sheet hold these records, or null when it already does. */
export function rebuildSheet<S extends TableSchema>(
  schema: S,
  existing: Grid | null,
  records: readonly RecordOf<S>[],
): SheetWrite | null {
  const values = generatedGrid(schema, records);
  if (existing !== null && sameGrid(existing, values)) return null;
  return {
    sheet: schema.name,
    create: existing === null,
    clear: existing !== null,
    blocks: [{ row: 1, col: 1, values, formats: schema.columns.map(formatForSpec) }],
    freezeHeader: true,
  };
}
