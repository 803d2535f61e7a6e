/**
 * Copy Shipsheet's tables from one workbook to another (a Google Sheet and a local .xlsx, either way): rows
 * matched by each table's key, Shipsheet's columns copied, every column the schema does not know left on its
 * own side. Rows only in the target are kept (and counted), so nothing a person added there is lost.
 */
import { ALL_TABLES } from '../tables/allTables';
import type { FieldValue } from '../tables/column';
import { decodeTable } from '../tables/decodeTable';
import { logTable } from '../tables/log';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import type { RecordOf, TableSchema } from '../tables/schema';
import type { EditSummary } from '../tables/tableEditor';
import { TableEditor } from '../tables/tableEditor';
import type { SheetWrite, Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { keyOf } from './importTable';
import type { RunContext } from './logEntry';
import { logEntry } from './logEntry';

export interface SyncOptions {
  /** The action's name in messages and the Log, e.g. `sync pull`. */
  readonly action: string;
  /** The tables to copy (default: every Shipsheet table). */
  readonly tables?: readonly TableSchema[];
}

export interface TableSyncStats {
  readonly sheet: string;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows the target has and the source does not: kept as they are. */
  readonly onlyInTarget: number;
  /** Source rows not copied (no key, duplicate key). */
  readonly skipped: number;
}

type Fields = Record<string, FieldValue>;

export async function syncTables(
  from: Workbook,
  to: Workbook,
  context: RunContext,
  options: SyncOptions,
): Promise<ActionResult> {
  const tables = options.tables ?? ALL_TABLES;
  const names = tables.map((t) => t.name);
  const withLog = names.includes(logTable.name) ? names : [...names, logTable.name];
  const [source, target] = [await from.read(names), await to.read(withLog)];
  const problems: Problem[] = [];
  const editors = new Map<string, TableEditor<TableSchema>>();
  const stats: TableSyncStats[] = [];
  const lines: string[] = [];
  let rowsRead = 0;

  for (const schema of tables) {
    const srcGrid = source.get(schema.name) ?? null;
    if (srcGrid === null || srcGrid.length === 0) {
      lines.push(`${schema.name}: not in ${from.label}; ${to.label}'s is left as it is.`);
      continue;
    }
    const where = `${schema.name} (${from.label})`;
    const src = decodeTable(schema, srcGrid, { source: where, checkRequired: false });
    if (!src.usable) {
      problems.push(...src.problems);
      continue;
    }
    rowsRead += src.rows.length;
    // Cells that do not decode are not copied: the target keeps what it has rather than a blank.
    const bad = new Set(src.problems.map((p) => `${p.row}\u0000${p.column}`));
    problems.push(...src.problems);
    const columns = schema.columns.map((c) => c.name).filter((c) => src.columns.positions.has(c));
    const targetGrid = target.get(schema.name) ?? null;
    const editor = new TableEditor(
      schema,
      targetGrid,
      schema.columns.map((c) => c.name),
    );
    editors.set(schema.name, editor);
    const tgt = decodeTable(schema, targetGrid ?? [], { checkRequired: false });
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    let skipped = 0;
    const fieldsOf = (rowNumber: number, record: Fields): Fields => {
      const out: Fields = {};
      for (const c of columns) if (!bad.has(`${rowNumber}\u0000${c}`)) out[c] = record[c];
      return out;
    };
    let onlyInTarget = 0;
    if (schema.key.length > 0) {
      const rowOf = new Map<string, number>();
      for (const r of tgt.rows) {
        const k = keyOf(schema, r.record as Fields);
        if (k !== null && !rowOf.has(k)) rowOf.set(k, r.rowNumber);
      }
      const seen = new Map<string, number>();
      for (const r of src.rows) {
        const rec = r.record as Fields;
        const k = keyOf(schema, rec);
        if (k === null) {
          problems.push(
            problem(where, r.rowNumber, schema.key[0], `has no ${schema.key.join(' + ')}: not copied`),
          );
          skipped++;
          continue;
        }
        const earlier = seen.get(k);
        if (earlier !== undefined) {
          problems.push(
            problem(
              where,
              r.rowNumber,
              schema.key[schema.key.length - 1],
              `the same ${schema.key.join(' + ')} as row ${earlier}: not copied`,
            ),
          );
          skipped++;
          continue;
        }
        seen.set(k, r.rowNumber);
        const fields = fieldsOf(r.rowNumber, rec) as Partial<RecordOf<TableSchema>>;
        const existing = rowOf.get(k);
        if (existing === undefined) {
          editor.append(fields);
          added++;
        } else if (editor.update(existing, fields)) updated++;
        else unchanged++;
      }
      for (const k of rowOf.keys()) if (!seen.has(k)) onlyInTarget++;
    } else {
      // Keyless (append-only) tables such as the Log: a row is the same row when every copied field matches.
      const identity = (rec: Fields) => JSON.stringify(columns.map((c) => rec[c] ?? null));
      const have = new Map<string, number>();
      for (const r of tgt.rows) {
        const id = identity(r.record as Fields);
        have.set(id, (have.get(id) ?? 0) + 1);
      }
      for (const r of src.rows) {
        const id = identity(r.record as Fields);
        const n = have.get(id) ?? 0;
        if (n > 0) {
          have.set(id, n - 1);
          unchanged++;
        } else {
          editor.append(fieldsOf(r.rowNumber, r.record as Fields) as Partial<RecordOf<TableSchema>>);
          added++;
        }
      }
      onlyInTarget = [...have.values()].reduce((a, b) => a + b, 0);
    }
    stats.push({ sheet: schema.name, added, updated, unchanged, onlyInTarget, skipped });
    lines.push(
      `${schema.name}: ${added} added, ${updated} updated, ${unchanged} unchanged` +
        (onlyInTarget > 0 ? `, ${onlyInTarget} only in ${to.label} (kept)` : '') +
        (skipped > 0 ? `, ${skipped} not copied` : '') +
        '.',
    );
  }

  const changed = stats.reduce((n, s) => n + s.added + s.updated, 0);
  const summary = `${from.label} → ${to.label}: ${changed} rows added or updated in ${stats.length} tables`;
  const log =
    editors.get(logTable.name) ??
    new TableEditor(
      logTable as TableSchema,
      target.get(logTable.name) ?? null,
      logTable.columns.map((c) => c.name),
    );
  log.append(
    logEntry(
      options.action,
      context,
      { source: from.label, rowsRead, rowsChanged: changed, summary },
      problems,
    ) as Partial<RecordOf<TableSchema>>,
  );
  editors.set(logTable.name, log);
  const writes: SheetWrite[] = [...editors.values()].filter((e) => e.hasChanges).map((e) => e.toWrite());
  await to.write({ sheets: writes });
  const changes: EditSummary[] = stats
    .filter((s) => s.added + s.updated > 0)
    .map((s) => ({ sheet: s.sheet, added: s.added, updated: s.updated }));
  return {
    action: options.action,
    ok: true,
    changes,
    problems,
    stats: {
      tables: stats.length,
      rowsRead,
      added: stats.reduce((n, s) => n + s.added, 0),
      updated: stats.reduce((n, s) => n + s.updated, 0),
      unchanged: stats.reduce((n, s) => n + s.unchanged, 0),
      onlyInTarget: stats.reduce((n, s) => n + s.onlyInTarget, 0),
    },
    lines: [`${options.action}: ${summary}.`, ...lines.map((l) => `  ${l}`)],
    data: stats,
  };
}
