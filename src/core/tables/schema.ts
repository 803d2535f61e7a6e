/** A table schema: the sheet's name, its key, its columns. Headers, codecs and validation all derive from it. */
import type { ColumnSpec, RowOf } from './column';
import { normalizeHeader } from './normalizeHeader';

export interface TableSchema<Cs extends readonly ColumnSpec[] = readonly ColumnSpec[]> {
  /** The sheet's name in the workbook. */
  readonly name: string;
  readonly description: string;
  /** Columns whose values together identify a row (empty for append-only or generated tables). */
  readonly key: readonly Cs[number]['name'][];
  readonly columns: Cs;
  /** Optional headers that identify this table's files even when other columns are missing. */
  readonly signature?: readonly string[];
}

export function defineTable<const Cs extends readonly ColumnSpec[]>(
  schema: TableSchema<Cs>,
): TableSchema<Cs> {
  const seen = new Set<string>();
  for (const c of schema.columns) {
    for (const h of [c.name, ...(c.aliases ?? [])]) {
      const n = normalizeHeader(h);
      if (seen.has(n)) throw new Error(`Schema ${schema.name}: header ${h} is defined twice`);
      seen.add(n);
    }
  }
  return schema;
}

export type RecordOf<S> = S extends TableSchema<infer Cs> ? RowOf<Cs> : never;

/** The header row a new sheet of this table starts with. */
export function templateHeaders(schema: TableSchema): string[] {
  return schema.columns.map((c) => c.name);
}

export function columnSpec(schema: TableSchema, name: string): ColumnSpec | undefined {
  return schema.columns.find((c) => c.name === name);
}

/** Names of the columns a given owner writes. */
export function columnsOwnedBy(schema: TableSchema, ...owners: ColumnSpec['owner'][]): string[] {
  return schema.columns.filter((c) => owners.includes(c.owner)).map((c) => c.name);
}
