/**
 * What "Set up sheets" adds on Google Sheets beyond headers: a frozen bold header row, each column's number
 * format from the schema (plain text for ids, SKUs and ZIP codes, so a pasted '02134' stays '02134'), and
 * drop-down validation for status lists and carriers. Idempotent: running it again sets the same things.
 */
import type { ColumnSpec, TableSchema } from '../../src/core';
import { ALL_TABLES, formatForSpec, indexColumns } from '../../src/core';
import { numberFormatFor } from './numberFormats';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Carriers offered in the carrier drop-down: the names Amazon's ship-confirm file accepts for the common
 * US and EU carriers. Other values are allowed (with a warning mark), as a seller may use a regional carrier.
 */
export const CARRIER_CHOICES = [
  'USPS',
  'UPS',
  'FedEx',
  'DHL',
  'DHL eCommerce',
  'OnTrac',
  'Amazon Shipping',
  'Royal Mail',
  'Deutsche Post',
  'Canada Post',
  'Other',
] as const;

/** The columns that get a drop-down: enum columns (strict) and carrier columns (a suggestion). */
function validationFor(spec: ColumnSpec): { values: readonly string[]; strict: boolean } | null {
  if (spec.type === 'enum' && spec.values) return { values: spec.values, strict: true };
  if (spec.name === 'carrier') return { values: CARRIER_CHOICES, strict: false };
  return null;
}

export function formatShipsheetSheets(spreadsheet: Spreadsheet, tables: readonly TableSchema[] = ALL_TABLES): string {
  const done: string[] = [];
  for (const t of tables) {
    const sheet = spreadsheet.getSheetByName(t.name);
    if (!sheet) continue;
    formatTableSheet(sheet, t);
    done.push(t.name);
  }
  return done.length > 0
    ? `Formatted ${done.join(', ')}: frozen header, number formats, drop-downs.`
    : 'No Shipsheet sheet to format.';
}

function formatTableSheet(sheet: Sheet, table: TableSchema): void {
  const width = sheet.getLastColumn();
  if (width === 0) return;
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  const positions = indexColumns(table, header).positions;
  const maxRows = sheet.getMaxRows();
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  if (maxRows < 2) return;
  const byColumn: (string | null)[] = new Array(width).fill(null);
  for (const spec of table.columns) {
    const pos = positions.get(spec.name);
    if (pos === undefined) continue;
    byColumn[pos] = numberFormatFor(formatForSpec(spec));
    const v = validationFor(spec);
    if (v) {
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList([...v.values], true)
        .setAllowInvalid(!v.strict)
        .setHelpText(`${spec.name}: ${spec.description}`)
        .build();
      sheet.getRange(2, pos + 1, maxRows - 1, 1).setDataValidation(rule);
    }
  }
  // One call per run of adjacent columns with the same format.
  let c = 0;
  while (c < width) {
    const pattern = byColumn[c];
    let end = c + 1;
    while (end < width && byColumn[end] === pattern) end++;
    if (pattern !== null) sheet.getRange(2, c + 1, maxRows - 1, end - c).setNumberFormat(pattern);
    c = end;
  }
}
