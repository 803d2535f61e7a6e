/**
 * The Workbook port on SpreadsheetApp: each table read with one getValues() on its data range, each block
 * written with one setValues() (and one setNumberFormats() per run of formatted columns), never per cell or
 * row, so the number of service calls of an action does not grow with the number of rows.
 */
import type { Cell, CellBlock, CellFormat, Grid, SheetWrite, Workbook, WritePlan } from '../../src/core';
import { trimGrid } from '../../src/core';
import { dateCellText } from './dateCells';
import { numberFormatFor, protectText } from './numberFormats';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets' limits: a sheet name of at most 100 characters, 18,278 columns, 10 million cells a spreadsheet. */
const MAX_NAME = 100;
const MAX_COLUMNS = 18278;

export class SpreadsheetWorkbook implements Workbook {
  readonly label: string;
  private timeZone: string | null = null;

  constructor(
    private readonly spreadsheet: Spreadsheet,
    label?: string,
  ) {
    this.label = label ?? spreadsheet.getName();
  }

  private zone(): string {
    if (this.timeZone === null) this.timeZone = this.spreadsheet.getSpreadsheetTimeZone() || 'Etc/UTC';
    return this.timeZone;
  }

  async sheetNames(): Promise<string[]> {
    return this.spreadsheet.getSheets().map((s) => s.getName());
  }

  async read(names: readonly string[]): Promise<ReadonlyMap<string, Grid | null>> {
    return this.readNow(names);
  }

  /** The same as read(), returned directly (the sidebar reads without going through the async port). */
  readNow(names: readonly string[]): Map<string, Grid | null> {
    const out = new Map<string, Grid | null>();
    for (const name of names) {
      if (out.has(name)) continue;
      const sheet = this.spreadsheet.getSheetByName(name);
      out.set(name, sheet ? this.readSheet(sheet) : null);
    }
    return out;
  }

  private readSheet(sheet: Sheet): Grid {
    const values = sheet.getDataRange().getValues() as Cell[][];
    let zone: string | null = null;
    for (const row of values)
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v instanceof Date) row[c] = dateCellText(v, (zone ??= this.zone()));
        else if (v === '') row[c] = null;
      }
    return trimGrid(values);
  }

  async write(plan: WritePlan): Promise<void> {
    // Check everything first: a plan that cannot be applied whole changes nothing.
    const targets = new Map<string, Sheet | null>();
    const creating = new Set<string>();
    for (const w of plan.sheets) {
      if (!targets.has(w.sheet)) targets.set(w.sheet, this.spreadsheet.getSheetByName(w.sheet));
      if (!targets.get(w.sheet)) {
        if (!w.create) throw new Error(`${this.label}: there is no sheet named ${w.sheet}`);
        if (w.sheet.trim() === '' || w.sheet.length > MAX_NAME)
          throw new Error(`${this.label}: ${JSON.stringify(w.sheet)} cannot be a sheet name`);
        creating.add(w.sheet);
      }
      for (const b of w.blocks) checkBlock(this.label, w.sheet, b);
    }
    // Sheets has no transaction: each step that changes the spreadsheet leaves a way back, so that a write
    // that fails half way (a protected range, a quota) is undone and the spreadsheet is as it was.
    const undo: (() => void)[] = [];
    try {
      for (const w of plan.sheets) {
        let sheet = targets.get(w.sheet) ?? null;
        if (!sheet) {
          const created = this.spreadsheet.insertSheet(w.sheet, this.spreadsheet.getNumSheets());
          undo.push(() => this.spreadsheet.deleteSheet(created));
          targets.set(w.sheet, (sheet = created));
        }
        this.applySheet(sheet, w, undo);
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      let undone = true;
      for (const step of undo.reverse())
        try {
          step();
        } catch {
          undone = false;
        }
      throw new Error(
        `${this.label}: writing failed (${message}); ${undone ? 'what had been written was undone, so nothing changed' : 'some of what had been written could not be undone'}.`,
        { cause: e },
      );
    }
  }

  private applySheet(sheet: Sheet, w: SheetWrite, undo: (() => void)[]): void {
    if (w.clear) {
      const range = sheet.getDataRange();
      const before = range.getValues() as Cell[][];
      sheet.clearContents();
      undo.push(() => range.setValues(before.map((row) => row.map((v) => toSheetValue(v, false)))));
    }
    let maxRows = sheet.getMaxRows();
    const maxCols = sheet.getMaxColumns();
    const needRows = Math.max(0, ...w.blocks.map((b) => b.row + b.values.length - 1));
    const needCols = Math.max(0, ...w.blocks.map((b) => b.col + b.values[0].length - 1));
    let lastRow = 0;
    if (needRows > 0) {
      // Rows past the last one with data are appended rows: they are inserted below it, so the sheet keeps
      // its blank rows (and their formats and drop-downs, which inserted rows copy from the row above) and
      // one call grows it, however many rows there are.
      lastRow = sheet.getLastRow();
      if (needRows > lastRow) {
        // Below a data row, not the header: inserted rows copy the row above (a bold header would spread).
        const after = lastRow >= 2 ? lastRow : Math.min(2, maxRows);
        const count = needRows - lastRow;
        sheet.insertRowsAfter(after, count);
        undo.push(() => sheet.deleteRows(after + 1, count));
        maxRows += count;
      }
    }
    if (needCols > maxCols) {
      sheet.insertColumnsAfter(maxCols, needCols - maxCols);
      undo.push(() => sheet.deleteColumns(maxCols + 1, needCols - maxCols));
    }
    for (const block of w.blocks) this.writeBlock(sheet, block, lastRow, undo);
    if (w.deleteRowsAfter !== undefined && maxRows > w.deleteRowsAfter) {
      // Sheets refuses to delete every non-frozen row, so one (blanked) row stays in that case.
      const keep = Math.max(w.deleteRowsAfter, sheet.getFrozenRows() + 1);
      if (keep > w.deleteRowsAfter)
        sheet
          .getRange(w.deleteRowsAfter + 1, 1, keep - w.deleteRowsAfter, Math.max(needCols, maxCols))
          .clearContent();
      if (maxRows > keep) sheet.deleteRows(keep + 1, maxRows - keep);
    }
    if (w.freezeHeader && sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  }

  private writeBlock(sheet: Sheet, block: CellBlock, lastRow: number, undo: (() => void)[]): void {
    const height = block.values.length;
    const width = block.values[0].length;
    const formats = block.formats ?? [];
    // Formats first, so that the values are parsed as text, dates or numbers as the column means.
    const dataTop = Math.max(block.row, 2);
    const dataRows = block.row + height - dataTop;
    if (dataRows > 0)
      for (const run of formatRuns(formats, width)) {
        const pattern = numberFormatFor(run.format);
        if (pattern === null) continue;
        const rows: string[][] = [];
        for (let r = 0; r < dataRows; r++) rows.push(new Array<string>(run.width).fill(pattern));
        sheet.getRange(dataTop, block.col + run.start, dataRows, run.width).setNumberFormats(rows);
      }
    const plain = Array.from({ length: width }, (_, c) => numberFormatFor(formats[c] ?? 'general') === '@');
    const values = block.values.map((row, r) =>
      row.map((v, c) => toSheetValue(v, plain[c] && block.row + r > 1)),
    );
    const range = sheet.getRange(block.row, block.col, height, width);
    // What the block covers of the rows that had data, to put back if a later write fails (appended rows
    // go with the rows inserted for them).
    const covered = Math.min(height, lastRow - block.row + 1);
    const before = covered > 0 ? sheet.getRange(block.row, block.col, covered, width) : null;
    const old = before ? (before.getValues() as Cell[][]) : null;
    range.setValues(values);
    if (before && old)
      undo.push(() =>
        before.setValues(
          old.map((row, r) => row.map((v, c) => toSheetValue(v, plain[c] && block.row + r > 1))),
        ),
      );
  }
}

function checkBlock(label: string, sheet: string, b: CellBlock): void {
  const where = `${label}: sheet ${sheet}, block at row ${b.row} column ${b.col}`;
  if (!Number.isInteger(b.row) || !Number.isInteger(b.col) || b.row < 1 || b.col < 1)
    throw new Error(`${where}: rows and columns start at 1`);
  if (b.values.length === 0) throw new Error(`${where}: has no rows`);
  const width = b.values[0].length;
  if (width === 0) throw new Error(`${where}: has no columns`);
  b.values.forEach((row, i) => {
    if (row.length !== width)
      throw new Error(`${where}: row ${b.row + i} has ${row.length} cells, the block is ${width} wide`);
  });
  if (b.col + width - 1 > MAX_COLUMNS) throw new Error(`${where}: goes past Sheets' ${MAX_COLUMNS} columns`);
}

function formatRuns(
  formats: readonly CellFormat[],
  width: number,
): { start: number; width: number; format: CellFormat }[] {
  const runs: { start: number; width: number; format: CellFormat }[] = [];
  for (let c = 0; c < width; c++) {
    const f = formats[c] ?? 'general';
    const last = runs[runs.length - 1];
    if (last && last.format === f) last.width++;
    else runs.push({ start: c, width: 1, format: f });
  }
  return runs;
}

function toSheetValue(v: Cell, plainText: boolean): string | number | boolean | Date {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return protectText(v, plainText);
  return v;
}
