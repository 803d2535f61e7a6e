/**
 * The Settings… dialog, server side: the values it shows (saved, else the sheet's, else the default), saving
 * them (checked as readSettings checks the sheet, kept in document properties and written into the Settings
 * sheet), and the carrier/API secrets, which go to the user's own properties and are never shown back.
 */
import { logEditor } from '../../src/core';
import type { Grid } from '../../src/core';
import {
  cellText,
  formatProblem,
  indexColumns,
  logEntry,
  logTable,
  readSettings,
  settingDefinition,
  settingsTable,
  TableEditor,
} from '../../src/core';
import { runContext } from '../actions/runAction';
import { BUSY_MESSAGE, withLock } from '../gas/lock';
import { SpreadsheetWorkbook } from '../gas/spreadsheetWorkbook';
import { runSync } from '../runtime/syncPromise';
import {
  DIALOG_SETTING_KEYS,
  SETTING_PROPERTY_PREFIX,
  isDialogSetting,
  savedSettings,
} from '../settings/documentSettings';
import { saveSecret, secretNames } from '../settings/secrets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SettingField {
  readonly key: string;
  readonly group: string;
  readonly description: string;
  readonly type: string;
  readonly values: readonly string[] | null;
  readonly value: string;
  /** Where the value shown comes from. */
  readonly source: 'dialog' | 'sheet' | 'default';
}

export interface SettingsDialogData {
  readonly fields: SettingField[];
  readonly secrets: string[];
}

function sheetValues(grid: Grid | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!grid || grid.length === 0) return out;
  const cols = indexColumns(settingsTable, grid[0]).positions;
  const k = cols.get('key');
  const v = cols.get('value');
  if (k === undefined || v === undefined) return out;
  for (const row of grid.slice(1)) {
    const key = cellText(row[k] ?? null)
      .trim()
      .toLowerCase();
    if (key !== '' && !out.has(key)) out.set(key, cellText(row[v] ?? null).trim());
  }
  return out;
}

export function settingsDialogData(spreadsheet: Spreadsheet): SettingsDialogData {
  const saved = savedSettings(PropertiesService.getDocumentProperties());
  const grid =
    new SpreadsheetWorkbook(spreadsheet).readNow([settingsTable.name]).get(settingsTable.name) ?? null;
  const sheet = sheetValues(grid);
  const fields = DIALOG_SETTING_KEYS.map((key): SettingField => {
    const def = settingDefinition(key)!;
    const source = key in saved ? 'dialog' : sheet.has(key) && sheet.get(key) !== '' ? 'sheet' : 'default';
    return {
      key,
      group: def.group,
      description: def.description,
      type: def.type,
      values: def.values ?? null,
      value: source === 'dialog' ? saved[key] : source === 'sheet' ? sheet.get(key)! : def.default,
      source,
    };
  });
  return { fields, secrets: secretNames(PropertiesService.getUserProperties()) };
}

export interface SaveResult {
  readonly ok: boolean;
  readonly message: string;
  readonly problems: string[];
}

export function saveSettings(spreadsheet: Spreadsheet, values: Record<string, unknown>): SaveResult {
  const entries: [string, string][] = [];
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(values ?? {})) {
    if (!isDialogSetting(key)) {
      problems.push(`${key} is not a setting of this dialog.`);
      continue;
    }
    entries.push([key, String(raw ?? '').trim()]);
  }
  // The same checks the Settings sheet gets, on a sheet made of these values.
  const check = readSettings([['key', 'value'], ...entries]);
  for (const p of check.problems) problems.push(formatProblem({ ...p, sheet: 'Settings dialog', row: null }));
  if (problems.length > 0) return { ok: false, message: 'Nothing was saved: fix these first.', problems };
  return withLock<SaveResult>(
    () => {
      const props = PropertiesService.getDocumentProperties();
      const map: Record<string, string> = {};
      for (const [k, v] of entries) map[SETTING_PROPERTY_PREFIX + k] = v;
      props.setProperties(map, false);
      const book = new SpreadsheetWorkbook(spreadsheet);
      const tables = book.readNow([settingsTable.name, logTable.name]);
      const grid = tables.get(settingsTable.name) ?? null;
      const editor = new TableEditor(settingsTable, grid, ['key', 'value', 'description']);
      const rowOf = new Map<string, number>();
      if (grid && grid.length > 0) {
        const k = indexColumns(settingsTable, grid[0]).positions.get('key');
        if (k !== undefined)
          grid.slice(1).forEach((row, i) => {
            const key = cellText(row[k] ?? null)
              .trim()
              .toLowerCase();
            if (key !== '' && !rowOf.has(key)) rowOf.set(key, i + 2);
          });
      }
      let changed = 0;
      for (const [key, value] of entries) {
        const row = rowOf.get(key);
        if (row === undefined) {
          editor.append({ key, value, description: settingDefinition(key)?.description ?? null });
          changed++;
        } else if (editor.update(row, { value: value === '' ? null : value })) changed++;
      }
      const log = logEditor(tables.get(logTable.name) ?? null);
      const summary = `saved ${entries.length} settings (${changed} changed in the Settings sheet)`;
      log.append(
        logEntry(
          'settings',
          runContext(),
          { source: 'Settings dialog', rowsRead: entries.length, rowsChanged: changed, summary },
          [],
        ),
      );
      runSync(() => book.write({ sheets: [editor.toWrite(), log.toWrite()] }));
      return {
        ok: true,
        message: `Saved. ${changed} value${changed === 1 ? '' : 's'} changed; the Settings sheet shows them.`,
        problems: [],
      };
    },
    () => ({ ok: false, message: BUSY_MESSAGE, problems: [] }),
  );
}

export function storeSecret(name: string, value: string): SaveResult & { secrets: string[] } {
  const props = PropertiesService.getUserProperties();
  const r = saveSecret(props, String(name ?? '').trim(), String(value ?? ''));
  return { ok: r.ok, message: r.message, problems: [], secrets: secretNames(props) };
}
