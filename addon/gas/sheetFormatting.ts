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

export function formatShipsheetSheets(
  spreadsheet: Spreadsheet,
  tables: readonly TableSchema[] = ALL_TABLES,
): string {
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
  const patterns = new Map<number, string>();
  const rules = new Map<number, GoogleAppsScript.Spreadsheet.DataValidation>();
  for (const spec of table.columns) {
    const pos = positions.get(spec.name);
    if (pos === undefined) continue;
    const pattern = numberFormatFor(formatForSpec(spec));
    if (pattern !== null) patterns.set(pos, pattern);
    const v = validationFor(spec);
    if (v)
      rules.set(
        pos,
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...v.values], true)
          .setAllowInvalid(!v.strict)
          .setHelpText(`${spec.name}: ${spec.description}`)
          .build(),
      );
  }
  // Read what the data rows have, change only Shipsheet's columns, write it back: two calls per sheet for
  // the formats and two for the drop-downs, so the seller's own columns keep theirs.
  if (patterns.size > 0) {
    const range = sheet.getRange(2, 1, maxRows - 1, width);
    const formats = range.getNumberFormats();
    for (const row of formats) for (const [c, p] of patterns) row[c] = p;
    range.setNumberFormats(formats);
  }
  if (rules.size > 0) {
    const first = Math.min(...rules.keys());
    const last = Math.max(...rules.keys());
    const range = sheet.getRange(2, first + 1, maxRows - 1, last - first + 1);
    const current = range.getDataValidations();
    for (const row of current) for (const [c, rule] of rules) row[c - first] = rule;
    range.setDataValidations(current);
  }
}
