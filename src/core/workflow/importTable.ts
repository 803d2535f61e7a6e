/**
 * Merge rows of a table file into the sheet of the same table, by its key: new keys appended, known keys
 * updated in the columns the file has, everything else left as it was. Rows with bad values are rejected.
 */
import { decodeTable } from '../tables/decodeTable';
import type { Cell, Grid } from '../tables/cell';
import { cellText } from '../tables/cellCodec';
import type { FieldValue } from '../tables/column';
import { logTable } from '../tables/log';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import type { RecordOf, TableSchema } from '../tables/schema';
import { TableEditor } from '../tables/tableEditor';
import type { Workbook } from '../workbook';
import { locateHeader } from '../flatfiles/locateHeader';
import { toIsoUtc } from '../dates/parseDateTime';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';
import { describeMismatch } from '../orders/recognizeTable';
import { replaceRows } from './replaceRows';
import type { ReplacementRow } from './replaceRows';

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
  /** `merge` (default): add and update by key. `replace`: the table becomes the file's good rows (replaceRows). */
  readonly mode?: 'merge' | 'replace';
  /** Refuse the whole file (nothing written) when any row is rejected, instead of importing the good rows. */
  readonly allOrNothing?: boolean;
  /**
   * Keep the file's columns the schema does not know (an Amazon report's other columns): added to the sheet,
   * written only into empty cells so nothing a user typed is overwritten.
   */
  readonly keepExtras?: boolean;
  /**
   * Stamp `column` with the run's time on a new row, and on a known row when one of `when` changed (unless the
   * file gives the column itself): e.g. Inventory `counted-at` when `on-hand` changes.
   */
  readonly stamp?: { readonly column: string; readonly when: readonly string[] };
  /** Other sheets `checkRow` needs (e.g. Settings), read with the table. */
  readonly read?: readonly string[];
  /**
   * Checks or reshapes each decoded file row before it is merged: problems reject the row; a returned record
   * replaces the decoded one (e.g. a localised date rewritten as ISO-8601).
   */
  readonly checkRow?: (
    record: Readonly<Record<string, FieldValue>>,
    rowNumber: number,
    tables: ReadonlyMap<string, Grid | null>,
  ) => { record?: Record<string, FieldValue>; problems?: readonly Problem[] };
}

/** The text key of a record, e.g. `SKU-1\u0000A-01`. Null when a key part is blank. */
export function keyOf(
  schema: TableSchema,
  record: Readonly<Record<string, FieldValue>>,
  blankParts = false,
): string | null {
  // A loop, not map/some/join: this runs for every row of every import and --check (a million times).
  const names = schema.key;
  let key = '';
  let allBlank = true;
  for (let i = 0; i < names.length; i++) {
    const v = record[names[i]];
    const part = v === null || v === undefined ? (blankParts ? '' : null) : v;
    if (part === null || part === '') {
      if (!blankParts) return null;
    } else allBlank = false;
    const text = String(part).trim().toLowerCase();
    key = i === 0 ? text : `${key}\u0000${text}`;
  }
  return blankParts && allBlank ? null : key;
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
      `${source} is not ${/^[aeiou]/i.test(schema.name) ? 'an' : 'a'} ${schema.name} file: ${why}.${describeMismatch(grid[Math.max(0, headerIndex)] ?? [], schema)}`,
    );
  }
  const exclude = new Set(options.exclude ?? []);
  const columns = [...file.columns.positions.keys()].filter((c) => !exclude.has(c));
  const stamp = options.stamp && !columns.includes(options.stamp.column) ? options.stamp : null;
  const writable = [
    ...new Set([...columns, ...Object.keys(options.defaults ?? {}), ...(stamp ? [stamp.column] : [])]),
  ];
  const stampValue = toIsoUtc(context.now);
  const tables = await book.read([schema.name, logTable.name, ...(options.read ?? [])]);
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
  const extrasOf = (cells: readonly Cell[]): Record<string, string> => {
    const out: Record<string, string> = {};
    if (options.keepExtras)
      for (const e of file.columns.extra) out[e.header] = cellText(cells[e.position] ?? null);
    return out;
  };
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let rejected = 0;
  const replacing = options.mode === 'replace';
  const replacement: ReplacementRow[] = [];
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
    let rec = row.record as Record<string, FieldValue>;
    if (options.checkRow) {
      const checked = options.checkRow(rec, row.rowNumber, tables);
      if (checked.problems && checked.problems.length > 0) {
        problems.push(...checked.problems);
        rejected++;
        continue;
      }
      if (checked.record) rec = checked.record;
    }
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
    if (replacing) {
      replacement.push({ fields, existingRow: schema.key.length === 0 ? undefined : existing });
      continue;
    }
    if (existing === undefined || schema.key.length === 0) {
      const withDefaults: Record<string, FieldValue> = {
        ...(options.defaults ?? {}),
        ...(stamp ? { [stamp.column]: stampValue } : {}),
      };
      for (const [k, v] of Object.entries(fields))
        if (v !== null || !(k in withDefaults)) withDefaults[k] = v;
      editor.append(withDefaults as Partial<RecordOf<S>>, extrasOf(row.cells));
      added++;
    } else {
      // The key matched case-insensitively: keep the sheet's spelling of it.
      for (const k of schema.key) delete fields[k];
      const watched: Record<string, FieldValue> = {};
      for (const c of stamp?.when ?? []) if (c in fields) watched[c] = fields[c];
      const moved = stamp !== null && editor.update(existing, watched as Partial<RecordOf<S>>);
      if (moved) editor.update(existing, { [stamp.column]: stampValue } as Partial<RecordOf<S>>);
      const a = editor.update(existing, fields as Partial<RecordOf<S>>) || moved;
      const b = editor.fillExtras(existing, extrasOf(row.cells));
      if (a || b) updated++;
      else unchanged++;
    }
  }
  if (options.allOrNothing && rejected > 0) {
    const message = `${source}: ${rejected} of ${file.rows.length} rows have problems, so nothing was imported into ${schema.name}. Fix them and import the file again.`;
    return { ...refused(action, message), problems, stats: { rowsRead: file.rows.length, rejected } };
  }
  if (replacing && problems.length > 0) {
    // Replacing with a file that has bad rows would delete the sheet rows those rows were meant to be.
    const message = `${source}: ${rejected} row${rejected === 1 ? '' : 's'} could not be imported, so ${schema.name} was not replaced (nothing was written). Fix them and import again, or use --mode merge.`;
    return { ...refused(action, message), problems, stats: { rowsRead: file.rows.length, rejected } };
  }
  let removed = 0;
  let sheetWrite = editor.toWrite();
  let change = editor.summary();
  if (replacing) {
    const r = replaceRows(schema, sheetGrid, replacement, options.defaults);
    ({ added, updated, unchanged, removed } = r);
    sheetWrite = r.write ?? { sheet: schema.name, blocks: [] };
    change = { sheet: schema.name, added, updated };
  }
  const summary = `${file.rows.length} rows read: ${added} added, ${updated} updated, ${unchanged} unchanged, ${replacing ? `${removed} removed, ` : ''}${rejected} rejected`;
  const log = logEditor(tables.get(logTable.name) ?? null);
  log.append(
    logEntry(
      action,
      context,
      { source, rowsRead: file.rows.length, rowsChanged: added + updated + removed, summary },
      problems,
    ),
  );
  // Importing into the Log itself: the imported rows are the record (a second append would overlap them).
  const logWrite = schema.name === logTable.name ? [] : [log.toWrite()];
  await book.write({ sheets: [sheetWrite, ...logWrite] });
  return {
    action,
    ok: true,
    changes: [change],
    problems,
    stats: {
      rowsRead: file.rows.length,
      added,
      updated,
      unchanged,
      ...(replacing ? { removed } : {}),
      rejected,
    },
    lines: [`Imported ${source} into ${schema.name}: ${summary}.`],
  };
}
