/** The fake Sheets API's spreadsheet model: cells, A1 ranges, value rendering and value writes, as Google does. */
import { colLetters, formatA1, parseA1 } from './fakeA1';

export type Value = string | number | boolean;

export interface FakeCell {
  v?: Value;
  numberFormat?: { type: string; pattern?: string };
  bold?: boolean;
}

export interface FakeSheet {
  sheetId: number;
  title: string;
  index: number;
  hidden: boolean;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  cells: (FakeCell | undefined)[][];
}

export interface FakeSpreadsheet {
  id: string;
  sheets: FakeSheet[];
}

/** An error the fake answers with Google's error body. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const EPOCH = Date.UTC(1899, 11, 30);

export function setCell(sheet: FakeSheet, r: number, c: number, cell: FakeCell): void {
  while (sheet.cells.length <= r) sheet.cells.push([]);
  sheet.cells[r][c] = cell;
}

/**
 * A copy to apply a request to, so a failure leaves the stored spreadsheet as it was. Sheets are copied
 * shallowly; a sheet's cells are copied the first time the request touches it (`own`).
 */
export function cloneBook(book: FakeSpreadsheet): FakeSpreadsheet {
  return { id: book.id, sheets: book.sheets.map((s) => ({ ...s, owned: false }) as FakeSheet) };
}

export function own(sheet: FakeSheet): FakeSheet {
  const s = sheet as FakeSheet & { owned?: boolean };
  if (!s.owned) {
    s.cells = s.cells.map((row) => row.map((c) => (c ? { ...c } : c)));
    s.owned = true;
  }
  return s;
}

export function gridRange(
  sheet: FakeSheet,
  range: Record<string, number>,
  fail: (m: string) => never,
): { r0: number; r1: number; c0: number; c1: number } {
  const g = {
    r0: range.startRowIndex ?? 0,
    r1: range.endRowIndex ?? sheet.rowCount,
    c0: range.startColumnIndex ?? 0,
    c1: range.endColumnIndex ?? sheet.columnCount,
  };
  if (g.r1 > sheet.rowCount || g.c1 > sheet.columnCount)
    fail(
      `GridRange ${JSON.stringify(range)} exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  if (g.r0 < 0 || g.c0 < 0 || g.r0 > g.r1 || g.c0 > g.c1) fail(`Invalid GridRange ${JSON.stringify(range)}`);
  return g;
}

export function resolveRange(
  book: FakeSpreadsheet,
  text: string,
): { sheet: FakeSheet; startRow: number; endRow: number; startCol: number; endCol: number } {
  // A bare name that is a sheet's title is that sheet (Google prefers the sheet over a cell like "Sheet1").
  const exact = book.sheets.find((s) => s.title === text);
  const p = exact ? { sheet: exact.title } : parseA1(text);
  if (!p) throw new ApiError(400, `Unable to parse range: ${text}`);
  const sheet =
    p.sheet === null
      ? [...book.sheets].sort((a, b) => a.index - b.index)[0]
      : book.sheets.find((s) => s.title === p.sheet);
  if (!sheet) throw new ApiError(400, `Unable to parse range: ${text}`);
  const r = p as { startRow?: number; endRow?: number; startCol?: number; endCol?: number };
  const out = {
    sheet,
    startRow: r.startRow ?? 0,
    endRow: r.endRow ?? sheet.rowCount,
    startCol: r.startCol ?? 0,
    endCol: r.endCol ?? sheet.columnCount,
  };
  return out;
}

function serialToIsoDate(serial: number): string {
  return new Date(EPOCH + Math.round(serial * 86400000)).toISOString().slice(0, 10);
}

function formatted(cell: FakeCell, dates: string, render: string): Value {
  const v = cell.v as Value;
  const isDate = typeof v === 'number' && /DATE/.test(cell.numberFormat?.type ?? '');
  if (render === 'UNFORMATTED_VALUE' || render === 'FORMULA') {
    if (isDate && dates === 'FORMATTED_STRING') return serialToIsoDate(v as number);
    return v;
  }
  if (isDate) return serialToIsoDate(v as number);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Rows of a rectangle with Google's trimming: trailing empty cells of each row and trailing empty rows. */
export function renderRows(
  sheet: FakeSheet,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
  render: string,
  dates: string,
): Value[][] {
  const rows: Value[][] = [];
  for (let r = r0; r < Math.min(r1, sheet.cells.length); r++) {
    const src = sheet.cells[r] ?? [];
    const row: Value[] = [];
    for (let c = c0; c < Math.min(c1, src.length); c++) {
      const cell = src[c];
      row.push(cell && cell.v !== undefined ? formatted(cell, dates, render) : '');
    }
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

export interface ValueRangeIn {
  range?: string;
  majorDimension?: string;
  values?: (Value | null)[][];
}

export function requireInputOption(v: string | null | undefined): 'RAW' | 'USER_ENTERED' {
  if (v === 'RAW' || v === 'USER_ENTERED') return v;
  throw new ApiError(400, "'valueInputOption' is required but not specified");
}

/** What Sheets makes of typed text (USER_ENTERED): numbers, booleans, dates; a leading ' keeps text. */
function parseUserEntered(v: Value | null, cell: FakeCell | undefined): FakeCell | null {
  if (typeof v !== 'string') return v === null ? null : { ...(cell ?? {}), v };
  if (v.startsWith("'")) return { ...(cell ?? {}), v: v.slice(1) };
  if (cell?.numberFormat?.type === 'TEXT') return { ...cell, v };
  const t = v.trim();
  if (/^(true|false)$/i.test(t)) return { ...(cell ?? {}), v: t.toLowerCase() === 'true' };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { ...(cell ?? {}), v: Number(t) };
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (d) {
    const serial = (Date.UTC(+d[1], +d[2] - 1, +d[3]) - EPOCH) / 86400000;
    return {
      ...(cell ?? {}),
      v: serial,
      numberFormat: cell?.numberFormat ?? { type: 'DATE', pattern: 'yyyy-mm-dd' },
    };
  }
  return { ...(cell ?? {}), v };
}

export function writeValues(
  book: FakeSpreadsheet,
  d: ValueRangeIn,
  option: 'RAW' | 'USER_ENTERED',
): { updatedRange: string; updatedRows: number; updatedColumns: number; updatedCells: number } {
  const resolved = resolveRange(book, d.range ?? '');
  const { startRow, endRow, startCol, endCol } = resolved;
  const sheet = own(resolved.sheet);
  if ((d.majorDimension ?? 'ROWS') !== 'ROWS')
    throw new ApiError(400, 'The fake only supports majorDimension=ROWS');
  const values = d.values ?? [];
  const width = Math.max(0, ...values.map((r) => r.length));
  if (startRow + values.length > endRow)
    throw new ApiError(
      400,
      `Requested writing within range [${d.range}], but tried writing to row [${startRow + values.length}]`,
    );
  if (startCol + width > endCol)
    throw new ApiError(
      400,
      `Requested writing within range [${d.range}], but tried writing to column [${colLetters(startCol + width - 1)}]`,
    );
  // The values API grows the grid when a write reaches past it (batchUpdate requests do not).
  sheet.rowCount = Math.max(sheet.rowCount, startRow + values.length);
  sheet.columnCount = Math.max(sheet.columnCount, startCol + width);
  let cells = 0;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return; // null is skipped: the cell keeps its value
      const current = sheet.cells[startRow + r]?.[startCol + c];
      if (v === '') {
        if (current) delete current.v;
        cells++;
        return;
      }
      if (typeof v === 'object')
        throw new ApiError(400, `Invalid value at 'data.values' (${JSON.stringify(v)})`);
      const next = option === 'RAW' ? { ...(current ?? {}), v } : parseUserEntered(v, current);
      if (next) setCell(sheet, startRow + r, startCol + c, next);
      cells++;
    }),
  );
  return {
    updatedRange: formatA1(
      sheet.title,
      startRow,
      startCol,
      startRow + values.length,
      startCol + Math.max(1, width),
    ),
    updatedRows: values.length,
    updatedColumns: width,
    updatedCells: cells,
  };
}
