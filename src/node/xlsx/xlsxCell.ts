/** exceljs cell values to the core's plain cells and back. */
import type ExcelJS from 'exceljs';
import type { Cell, CellFormat } from '../../core';
import { escapeXlsxText } from '../bulk/xlsxText';

/** Formulas read as their last computed value; rich text and hyperlinks as their text; errors as text. */
export function fromExcel(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && result !== null && 'error' in result)
        return String((result as { error: string }).error);
      return fromExcel(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in value && 'text' in value) {
      const t = (value as { text: unknown }).text;
      return typeof t === 'string' ? t : fromExcel(t as ExcelJS.CellValue);
    }
    if ('error' in value) return String((value as { error: string }).error);
  }
  return String(value);
}

const NUMBER_FORMATS: Partial<Record<CellFormat, string>> = {
  text: '@',
  int: '0',
  decimal: '0.###',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
};

/** The value exceljs should store, and the number format for it. Date columns become real Excel dates. */
export function toExcel(
  cell: Cell,
  format: CellFormat | undefined,
): { value: ExcelJS.CellValue; numFmt?: string } {
  const numFmt = format ? NUMBER_FORMATS[format] : undefined;
  if (format === 'date' && typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) {
    return { value: new Date(`${cell}T00:00:00Z`), numFmt };
  }
  return { value: cell, numFmt };
}

/**
 * exceljs writes text as it is: a carriage return comes back as a line feed, a control character makes the
 * file unreadable, and text it read with `_xHHHH_` escapes decoded is written without them (so it is decoded
 * again next time). Before a save every text cell gets OOXML's escapes (as Excel writes them); the returned
 * function puts the values back for the book in memory.
 */
export function escapeBookText(book: ExcelJS.Workbook): () => void {
  const changed: [ExcelJS.Cell, string][] = [];
  for (const ws of book.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v !== 'string') return;
        const escaped = escapeXlsxText(v);
        if (escaped === v) return;
        changed.push([cell, v]);
        cell.value = escaped;
      }),
    );
  return () => {
    for (const [cell, v] of changed) cell.value = v;
  };
}
