/** Create the Shipsheet tables a workbook lacks: headers from the schemas, Settings filled with defaults. */
import { defaultSettingsRows } from '../settings/readSettings';
import { ALL_TABLES } from '../tables/allTables';
import { settingsTable } from '../tables/settingsTable';
import { carrierCodesTable, DEFAULT_CARRIER_CODES } from '../tables/carrierCodes';
import type { TableSchema } from '../tables/schema';
import { TableEditor } from '../tables/tableEditor';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';

export const SET_UP_SHEETS = 'set up sheets';

export async function setUpSheets(
  book: Workbook,
  tables: readonly TableSchema[] = ALL_TABLES,
): Promise<ActionResult> {
  const grids = await book.read(tables.map((t) => t.name));
  const writes = [];
  const created: string[] = [];
  for (const t of tables) {
    const grid = grids.get(t.name) ?? null;
    if (grid !== null && grid.length > 0) continue;
    const editor = new TableEditor(
      t,
      grid,
      t.columns.map((c) => c.name),
    );
    if (t === settingsTable) for (const row of defaultSettingsRows()) editor.append(row);
    if (t === carrierCodesTable) for (const row of DEFAULT_CARRIER_CODES) editor.append(row);
    writes.push(editor.toWrite());
    created.push(t.name);
  }
  if (writes.length > 0) await book.write({ sheets: writes });
  return {
    action: SET_UP_SHEETS,
    ok: true,
    changes: created.map((sheet) => ({ sheet, added: 0, updated: 0 })),
    problems: [],
    stats: { created: created.length },
    lines: [
      created.length > 0
        ? `Created ${created.join(', ')} in ${book.label}.`
        : `${book.label} already has every Shipsheet sheet.`,
    ],
  };
}
