/**
 * `import --mode replace`: the table becomes exactly the file's good rows, in the file's order. A row whose key
 * the sheet already has keeps its other cells (the seller's own columns); sheet rows the file lacks are removed.
 */
import type { Cell, Grid } from '../tables/cell';
import { isBlankCell } from '../tables/cell';
import { decodeCell, encodeCell } from '../tables/cellCodec';
import type { ColumnSpec, FieldValue } from '../tables/column';
import { indexColumns } from '../tables/columnIndex';
import type { TableSchema } from '../tables/schema';
import { templateHeaders } from '../tables/schema';
import { formatForSpec } from '../tables/tableEditor';
import type { CellBlock, SheetWrite } from '../workbook';

export interface ReplacementRow {
  /** The file's values of the columns it has. */
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** 1-based sheet row holding the same key, if any. */
  readonly existingRow?: number;
}

export interface Replacement {
  readonly write: SheetWrite | null;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly removed: number;
}

export function replaceRows(
  schema: TableSchema,
  sheetGrid: Grid | null,
  rows: readonly ReplacementRow[],
  defaults: Readonly<Record<string, FieldValue>> = {},
): Replacement {
  const original = sheetGrid && sheetGrid.length > 0 ? sheetGrid : [templateHeaders(schema)];
  const header: Cell[] = [...original[0]];
  let width = header.length;
  while (width > 0 && isBlankCell(header[width - 1])) width--;
  header.length = width;
  const firstNewHeader = width;
  const positions = new Map(indexColumns(schema, header).positions);
  const specOf = new Map<string, ColumnSpec>(schema.columns.map((c) => [c.name, c]));
  const written = new Set<string>([...Object.keys(defaults), ...rows.flatMap((r) => Object.keys(r.fields))]);
  for (const name of schema.columns.map((c) => c.name))
    if (written.has(name) && !positions.has(name)) {
      positions.set(name, header.length);
      header.push(name);
    }
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const kept = new Set<number>();
  let sameOrder = true;
  const values: Cell[][] = rows.map((row, i) => {
    const base = row.existingRow === undefined ? [] : [...(original[row.existingRow - 1] ?? [])];
    const cells: Cell[] = Array.from({ length: header.length }, (_, c) => base[c] ?? null);
    const fields = row.existingRow === undefined ? { ...defaults, ...withoutNulls(row.fields) } : row.fields;
    const currencyOf = (spec: ColumnSpec): string | null => {
      const column = spec.currencyColumn ?? 'currency';
      const field = fields[column];
      if (typeof field === 'string') return field;
      const pos = positions.get(column);
      return pos !== undefined && typeof cells[pos] === 'string' ? (cells[pos] as string) : null;
    };
    let changed = false;
    for (const [name, value] of Object.entries(fields)) {
      const spec = specOf.get(name);
      const pos = positions.get(name);
      if (!spec || pos === undefined) continue;
      const currency = currencyOf(spec);
      const cur = decodeCell(spec, cells[pos] ?? null, currency);
      if (cur.ok && cur.value === (value ?? null)) continue;
      cells[pos] = encodeCell(spec, value, currency);
      changed = true;
    }
    if (row.existingRow === undefined) added++;
    else {
      kept.add(row.existingRow);
      if (changed) updated++;
      else unchanged++;
      if (row.existingRow !== i + 2) sameOrder = false;
    }
    if (row.existingRow === undefined) sameOrder = false;
    return cells;
  });
  let existingRows = 0;
  let removed = 0;
  for (let r = 1; r < original.length; r++) {
    if ((original[r] ?? []).every((c) => isBlankCell(c))) continue;
    existingRows++;
    if (!kept.has(r + 1)) removed++;
  }
  if (added === 0 && updated === 0 && removed === 0 && sameOrder && existingRows === rows.length)
    return { write: null, added, updated, unchanged, removed };
  const formats = header.map((h, c) => {
    const name = [...positions].find(([, p]) => p === c)?.[0];
    const spec = name === undefined ? undefined : specOf.get(name);
    return spec ? formatForSpec(spec) : 'general';
  });
  const blocks: CellBlock[] = [];
  if (sheetGrid === null || sheetGrid.length === 0) blocks.push({ row: 1, col: 1, values: [header] });
  else if (header.length > firstNewHeader)
    blocks.push({ row: 1, col: firstNewHeader + 1, values: [header.slice(firstNewHeader)] });
  if (values.length > 0 && header.length > 0) blocks.push({ row: 2, col: 1, values, formats });
  return {
    write: {
      sheet: schema.name,
      create: sheetGrid === null || undefined,
      blocks,
      deleteRowsAfter: 1 + values.length,
      freezeHeader: sheetGrid === null || undefined,
    },
    added,
    updated,
    unchanged,
    removed,
  };
}

function withoutNulls(fields: Readonly<Record<string, FieldValue>>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== null) out[k] = v;
  return out;
}
