/**
 * Merge rows of a table file into the sheet of the same table, by its key: new keys appended, known keys
 * updated in the columns the file has, everything else left as it was. Rows with bad values are rejected.
 */
import { decodeTable } from '../tables/decodeTable';
import type { Grid } from '../tables/cell';
import type { FieldValue } from '../tables/column';
import { logTable } from '../tables/log';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import type { RecordOf, TableSchema } from '../tables/schema';
import { TableEditor } from '../tables/tableEditor';
import type { Workbook } from '../workbook';
import { locateHeader } from '../flatfiles/locateHeader';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEntry } from './logEntry';
import { describeMismatch } from '../orders/recognizeTable';

export interface ImportTableOptions {
  /** Columns the file may not write (e.g. workflow results), even when present. */
  readonly exclude?: readonly string[];
  /** Values for new rows where the file has none. */
  readonly defaults?: Readonly<Record<string, FieldValue>>;
  /**
   * Key parts may be blank (a blank matches a blank): for tables whose optional key columns mean "any"
   * (a Zones row for every carrier, a Surcharges row for every service), so re-importing merges, not appends.
   */
  readonly blankKeyParts?: boolean;
}

/** The text key of a record, e.g. `SKU-1\u0000A-01`. Null when a key part is blank. */
export function keyOf(
  schema: TableSchema,
  record: Readonly<Record<string, FieldValue>>,
  blankParts = false,
): string | null {
  const parts = schema.key.map((k) => record[k] ?? (blankParts ? '' : null));
  if (
    blankParts ? parts.every((p) => p === '') : parts.some((p) => p === null || p === undefined || p === '')
  )
    return null;
  return parts.map((p) => String(p).trim().toLowerCase()).join('\u0000');
}

export async function importTable<S extends TableSchema>(
  book: Workbook,
  schema: S,
  grid: Grid,
  source: string,
  context: RunContext,
  options: ImportTableOptions = {},
): Promise<ActionResult> {
  const action = `import ${schema.name.toLowerCase()}`;
  if (grid.length === 0)
    return refused(
      action,
      `${source} is empty: a ${schema.name} file starts with a header row (${schema.columns
        .slice(0, 4)
        .map((c) => c.name)
        .join(', ')}, …).`,
    );
  const headerIndex = locateHeader(grid, schema);
  const file = headerIndex < 0 ? null : decodeTable(schema, grid, { source, headerIndex });
  if (!file || !file.usable) {
    const why = file
      ? file.problems[0]?.message
      : `no row has the ${schema.name} headers (${schema.columns
          .filter((c) => c.required)
          .map((c) => c.name)
          .join(', ')})`;
    return refused(
      action,
      `${source} is not a ${schema.name} file: ${why}.${describeMismatch(grid[Math.max(0, headerIndex)] ?? [], schema)}`,
    );
  }
  const exclude = new Set(options.exclude ?? []);
  const columns = [...file.columns.positions.keys()].filter((c) => !exclude.has(c));
  const writable = [...new Set([...columns, ...Object.keys(options.defaults ?? {})])];
  const tables = await book.read([schema.name, logTable.name]);
  const sheetGrid = tables.get(schema.name) ?? null;
  const sheet = decodeTable(schema, sheetGrid ?? [], { checkRequired: false });
  const problems: Problem[] = [];
  const rowOf = new Map<string, number>();
  for (const r of sheet.rows) {
    const k = keyOf(schema, r.record as Record<string, FieldValue>, options.blankKeyParts);
    if (k !== null && !rowOf.has(k)) rowOf.set(k, r.rowNumber);
  }
  const editor = new TableEditor(schema, sheetGrid, writable);
  const seenInFile = new Map<string, number>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let rejected = 0;
  const fileProblems = new Map<number, Problem[]>();
  for (const p of file.problems)
    if (p.row !== null) fileProblems.set(p.row, [...(fileProblems.get(p.row) ?? []), p]);
  for (const row of file.rows) {
    const rowProblems = fileProblems.get(row.rowNumber) ?? [];
    if (!row.valid || rowProblems.length > 0) {
      problems.push(...rowProblems);
      rejected++;
      continue;
    }
    const rec = row.record as Record<string, FieldValue>;
    const key = keyOf(schema, rec, options.blankKeyParts);
    if (schema.key.length > 0 && key !== null) {
      const earlier = seenInFile.get(key);
      if (earlier !== undefined) {
        problems.push(
          problem(
            source,
            row.rowNumber,
            schema.key[schema.key.length - 1],
            `duplicate ${schema.key.join(' + ')}: the same as row ${earlier}; this row was not imported`,
          ),
        );
        rejected++;
        continue;
      }
      seenInFile.set(key, row.rowNumber);
    }
    const fields: Record<string, FieldValue> = {};
    for (const c of columns) fields[c] = rec[c];
    const existing = key === null ? undefined : rowOf.get(key);
    if (existing === undefined || schema.key.length === 0) {
      const withDefaults: Record<string, FieldValue> = { ...(options.defaults ?? {}) };
      for (const [k, v] of Object.entries(fields))
        if (v !== null || !(k in withDefaults)) withDefaults[k] = v;
      editor.append(withDefaults as Partial<RecordOf<S>>);
      added++;
    } else if (editor.update(existing, fields as Partial<RecordOf<S>>)) updated++;
    else unchanged++;
  }
  const summary = `${file.rows.length} rows read: ${added} added, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected`;
  const log = new TableEditor(
    logTable,
    tables.get(logTable.name) ?? null,
    logTable.columns.map((c) => c.name),
  );
  log.append(
    logEntry(
      action,
      context,
      { source, rowsRead: file.rows.length, rowsChanged: added + updated, summary },
      problems,
    ),
  );
  await book.write({ sheets: [editor.toWrite(), log.toWrite()] });
  return {
    action,
    ok: true,
    changes: [editor.summary()],
    problems,
    stats: { rowsRead: file.rows.length, added, updated, unchanged, rejected },
    lines: [`Imported ${source} into ${schema.name}: ${summary}.`],
  };
}
