/**
 * A table to an .xlsx file through exceljs's streaming WorkbookWriter (rows are flushed as they come, so a
 * million rows never sit in memory): frozen styled header, widths, number formats, text format for ids and
 * postal codes, drop-downs for status and carrier columns, formula-like text neutralised.
 */
import ExcelJS from 'exceljs';
import type { Cell, ExportColumn } from '../../core';
import { exportXlsxValue } from '../../core';
import { escapeXlsxText } from './xlsxText';

export interface XlsxTableOptions {
  readonly sheetName: string;
  /** Called every few thousand rows with the count written so far. */
  readonly onRows?: (rows: number) => void;
}

const NUM_FMT: Partial<Record<ExportColumn['kind'], string>> = {
  text: '@',
  int: '0',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
};

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF305496' } },
  alignment: { vertical: 'middle' },
  border: { bottom: { style: 'thin', color: { argb: 'FF1F3864' } } },
  numFmt: '@',
};

const EXCEL_ROWS = 1_048_576;
const VALIDATION_HEADROOM = 1000;
const NO_STYLE: Partial<ExcelJS.Style> = {};
const DATE_TIME_STYLE: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd hh:mm:ss' };

/** Write header and rows; returns the number of data rows written. */
export async function writeXlsxTable(
  file: string,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<readonly Cell[]>,
  options: XlsxTableOptions,
): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = book.addWorksheet(options.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = columns.map((c) => {
    const numFmt = NUM_FMT[c.kind];
    return { width: c.width, style: numFmt ? { numFmt } : {} };
  });
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  header.height = 20;
  header.commit();
  if (columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  // One shared style object per column: exceljs caches a style's id by object identity, so a cell that gets
  // the shared object costs a lookup, while the copy each new cell starts with would cost a style search.
  const cellStyles: Partial<ExcelJS.Style>[] = columns.map((c) => {
    const numFmt = NUM_FMT[c.kind];
    return numFmt ? { numFmt } : NO_STYLE;
  });
  let count = 0;
  const width = columns.length;
  for await (const cells of rows) {
    const values: Cell[] = new Array<Cell>(Math.max(width, cells.length));
    for (let i = 0; i < values.length; i++) {
      const column = columns[i];
      const v = column ? exportXlsxValue(column, cells[i]) : exportXlsxValue(GENERAL, cells[i]);
      values[i] = typeof v === 'string' ? escapeXlsxText(v) : v;
    }
    const row = sheet.addRow(values);
    for (let i = 0; i < values.length; i++) {
      const style =
        values[i] instanceof Date && cellStyles[i] === NO_STYLE
          ? DATE_TIME_STYLE
          : (cellStyles[i] ?? NO_STYLE);
      row.getCell(i + 1).style = style;
    }
    row.commit();
    count++;
    if ((count & 4095) === 0) {
      options.onRows?.(count);
      // Let the zip stream drain to disk so the writer's buffers stay small.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  options.onRows?.(count);
  // Drop-downs cover the rows written and room to add more, not the whole column: exceljs (and so Shipsheet's
  // own .xlsx backend) expands a validation range into one entry per cell when it loads a file.
  const lastRow = Math.min(EXCEL_ROWS, count + 1 + VALIDATION_HEADROOM);
  // The streaming writer has data validations; exceljs's typings only declare them on the in-memory sheet.
  const validations = (
    sheet as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.list.values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: c.list.strict ? 'error' : 'warning',
      errorTitle: c.header,
      error: c.list.strict
        ? `${c.header} must be one of ${c.list.values.join(', ')}.`
        : `${c.header} is usually one of ${c.list.values.join(', ')}.`,
    });
  });
  sheet.commit();
  await book.commit();
  return count;
}

const GENERAL: ExportColumn = { header: '', spec: null, kind: 'general', width: 8 };

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
