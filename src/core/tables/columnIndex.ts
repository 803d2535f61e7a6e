/** Finding a table's columns in a header row by name, wherever the user put them. */
import type { Cell } from './cell';
import { normalizeHeader } from './normalizeHeader';
import type { TableSchema } from './schema';

export interface ColumnIndex {
  /** Schema column name → 0-based position in the sheet. Absent when the sheet lacks the column. */
  readonly positions: ReadonlyMap<string, number>;
  /** Headers in the sheet that the schema does not know (the user's own columns), with their positions. */
  readonly extra: ReadonlyArray<{ header: string; position: number }>;
  /** Schema columns the sheet does not have. */
  readonly missing: readonly string[];
  /** Number of header cells, including trailing ones after the last named column. */
  readonly width: number;
}

export function indexColumns(schema: TableSchema, header: readonly Cell[]): ColumnIndex {
  const byNormal = new Map<string, string>();
  for (const c of schema.columns) {
    byNormal.set(normalizeHeader(c.name), c.name);
    for (const a of c.aliases ?? []) byNormal.set(normalizeHeader(a), c.name);
  }
  const positions = new Map<string, number>();
  const extra: { header: string; position: number }[] = [];
  header.forEach((cell, position) => {
    const h = normalizeHeader(cell);
    if (h === '') return;
    const name = byNormal.get(h);
    if (name !== undefined && !positions.has(name)) positions.set(name, position);
    else extra.push({ header: String(cell).trim(), position });
  });
  let width = header.length;
  while (width > 0 && normalizeHeader(header[width - 1]) === '') width--;
  const missing = schema.columns.map((c) => c.name).filter((n) => !positions.has(n));
  return { positions, extra, missing, width };
}
