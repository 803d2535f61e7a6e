/**
 * A WritePlan as Sheets API requests, staged so the only write that touches the user's sheets is one
 * spreadsheets.batchUpdate, which Google applies atomically ("it is guaranteed that the updates in the request
 * will be applied together atomically"). values.batchUpdate has no such guarantee and large writes need several
 * of them (each well under Google's 2 MB advice), so values first go RAW into a hidden staging sheet; the commit
 * then adds sheets, clears, grows grids, pastes the staged values (PASTE_VALUES keeps the user's formatting),
 * sets number formats, deletes rows, freezes headers and deletes the staging sheet, all in one request.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { CellFormat, WritePlan } from '../../core';
import { a1Range } from './a1';
import type { SheetMeta } from './sheetMeta';
import { findSheet, isStaging, stagingCreatedAt } from './sheetMeta';
import type { SheetsValue } from './sheetsCell';
import { numberFormatFor, toSheetsValue } from './sheetsCell';

export class MissingSheetError extends Error {
  constructor(
    readonly sheet: string,
    label: string,
  ) {
    super(`${label}: there is no sheet named ${sheet}; nothing was written.`);
  }
}

export interface StagingSheet {
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface PlannedWrite {
  readonly staging: StagingSheet;
  /** One values.batchUpdate (RAW) per entry, each under `maxRequestBytes`. */
  readonly uploads: sheets_v4.Schema$ValueRange[][];
  /** The requests of the one atomic spreadsheets.batchUpdate. */
  readonly commit: sheets_v4.Schema$Request[];
  /** The sheets the commit writes, for messages. */
  readonly sheets: readonly string[];
}

export interface PlanOptions {
  readonly label: string;
  readonly stagingTitle: string;
  /** A sheet id not in use (the API lets a client choose ids, so the commit can refer to new sheets). */
  readonly newSheetId: () => number;
  readonly maxRequestBytes: number;
  readonly now: number;
  /** Staging sheets older than this are left over from a failed run and removed by the commit. */
  readonly staleStagingMs?: number;
}

const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
/** Bytes of a ValueRange besides its rows: the range, keys, brackets. */
const RANGE_OVERHEAD = 160;
/** Bytes of a values.batchUpdate body besides its ranges. */
const REQUEST_OVERHEAD = 120;

export function planWrite(plan: WritePlan, meta: readonly SheetMeta[], options: PlanOptions): PlannedWrite {
  // Validate everything before any request: a missing sheet refuses the whole plan.
  const targets: { write: WritePlan['sheets'][number]; sheet: SheetMeta | null }[] = [];
  const creating = new Set<string>();
  for (const w of plan.sheets) {
    const sheet = findSheet(meta, w.sheet) ?? null;
    if (!sheet && !w.create) throw new MissingSheetError(w.sheet, options.label);
    if (!sheet) creating.add(w.sheet.toLowerCase());
    targets.push({ write: w, sheet });
  }
  for (const w of plan.sheets)
    for (const b of w.blocks) {
      const width = b.values[0]?.length ?? 0;
      if (b.values.some((r) => r.length !== width))
        throw new Error(`${options.label}: a block written to ${w.sheet} is not rectangular`);
    }

  // Stack every block in the staging sheet, one below the other.
  let stagingRows = 0;
  let stagingCols = 1;
  const placed: { sheetIndex: number; blockIndex: number; stagingRow: number }[] = [];
  plan.sheets.forEach((w, sheetIndex) =>
    w.blocks.forEach((b, blockIndex) => {
      if (b.values.length === 0 || b.values[0].length === 0) return;
      placed.push({ sheetIndex, blockIndex, stagingRow: stagingRows });
      stagingRows += b.values.length;
      stagingCols = Math.max(stagingCols, b.values[0].length);
    }),
  );
  const staging: StagingSheet = {
    sheetId: options.newSheetId(),
    title: options.stagingTitle,
    rowCount: Math.max(1, stagingRows),
    columnCount: stagingCols,
  };

  const uploads = chunkUploads(plan, placed, staging.title, options.maxRequestBytes);

  const commit: sheets_v4.Schema$Request[] = [];
  const written: string[] = [];
  // The grid of each sheet as the commit leaves it so far: a plan may write the same sheet more than once.
  const grids = new Map<string, { sheetId: number; rowCount: number; columnCount: number; frozen: number }>();
  targets.forEach(({ write: w, sheet }, i) => {
    const neededRows = Math.max(1, ...w.blocks.map((b) => b.row - 1 + b.values.length));
    const neededCols = Math.max(1, ...w.blocks.map((b) => b.col - 1 + (b.values[0]?.length ?? 0)));
    const name = (sheet?.title ?? w.sheet).toLowerCase();
    let grid = grids.get(name);
    const isNew = !sheet;
    if (!grid && sheet) {
      grid = {
        sheetId: sheet.sheetId,
        rowCount: sheet.rowCount,
        columnCount: sheet.columnCount,
        frozen: sheet.frozenRowCount,
      };
    } else if (!grid) {
      grid = {
        sheetId: options.newSheetId(),
        rowCount: Math.max(NEW_SHEET_ROWS, neededRows),
        columnCount: Math.max(NEW_SHEET_COLUMNS, neededCols),
        frozen: w.freezeHeader ? 1 : 0,
      };
      commit.push({
        addSheet: {
          properties: {
            sheetId: grid.sheetId,
            title: w.sheet,
            gridProperties: {
              rowCount: grid.rowCount,
              columnCount: grid.columnCount,
              frozenRowCount: grid.frozen,
            },
          },
        },
      });
    }
    grids.set(name, grid);
    const sheetId = grid.sheetId;
    if (neededRows > grid.rowCount) {
      commit.push({ appendDimension: { sheetId, dimension: 'ROWS', length: neededRows - grid.rowCount } });
      grid.rowCount = neededRows;
    }
    if (neededCols > grid.columnCount) {
      commit.push({
        appendDimension: { sheetId, dimension: 'COLUMNS', length: neededCols - grid.columnCount },
      });
      grid.columnCount = neededCols;
    }
    written.push(sheet?.title ?? w.sheet);
    if (w.clear) commit.push({ updateCells: { range: { sheetId }, fields: 'userEnteredValue' } });
    w.blocks.forEach((b, blockIndex) => {
      const at = placed.find((p) => p.sheetIndex === i && p.blockIndex === blockIndex);
      if (!at) return;
      const height = b.values.length;
      const width = b.values[0].length;
      commit.push({
        copyPaste: {
          source: {
            sheetId: staging.sheetId,
            startRowIndex: at.stagingRow,
            endRowIndex: at.stagingRow + height,
            startColumnIndex: 0,
            endColumnIndex: width,
          },
          destination: {
            sheetId,
            startRowIndex: b.row - 1,
            endRowIndex: b.row - 1 + height,
            startColumnIndex: b.col - 1,
            endColumnIndex: b.col - 1 + width,
          },
          pasteType: 'PASTE_VALUES',
          pasteOrientation: 'NORMAL',
        },
      });
      commit.push(...formatRequests(sheetId, b.row, b.col, height, b.formats));
      if (b.row === 1 && (w.clear || isNew))
        commit.push({
          repeatCell: {
            range: {
              sheetId,
              startRowIndex: 0,
              endRowIndex: 1,
              startColumnIndex: b.col - 1,
              endColumnIndex: b.col - 1 + width,
            },
            cell: { userEnteredFormat: { textFormat: { bold: true } } },
            fields: 'userEnteredFormat.textFormat.bold',
          },
        });
    });
    if (w.freezeHeader && grid.frozen !== 1) {
      commit.push({
        updateSheetProperties: {
          properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
          fields: 'gridProperties.frozenRowCount',
        },
      });
      grid.frozen = 1;
    }
    const { rowCount, frozen } = grid;
    if (w.deleteRowsAfter !== undefined && rowCount > w.deleteRowsAfter) {
      const keep = w.deleteRowsAfter;
      // Sheets refuses to delete every non-frozen row: at least frozen + 1 rows stay, the extra ones cleared.
      const rowsLeft = Math.max(keep, frozen + 1);
      if (rowCount > rowsLeft)
        commit.push({
          deleteDimension: {
            range: { sheetId, dimension: 'ROWS', startIndex: rowsLeft, endIndex: rowCount },
          },
        });
      if (rowsLeft > keep)
        commit.push({
          updateCells: {
            range: { sheetId, startRowIndex: keep, endRowIndex: Math.min(rowsLeft, rowCount) },
            fields: 'userEnteredValue',
          },
        });
      grid.rowCount = Math.min(rowCount, rowsLeft);
    }
  });
  commit.push({ deleteSheet: { sheetId: staging.sheetId } });
  const staleMs = options.staleStagingMs ?? 3600000;
  for (const m of meta) {
    const t = isStaging(m.title) ? stagingCreatedAt(m.title) : null;
    if (t !== null && options.now - t > staleMs) commit.push({ deleteSheet: { sheetId: m.sheetId } });
  }
  return { staging, uploads, commit, sheets: [...new Set(written)] };
}

/** repeatCell requests for the columns of a block that get a number format, data rows only. */
function formatRequests(
  sheetId: number,
  row: number,
  col: number,
  height: number,
  formats: readonly CellFormat[] | undefined,
): sheets_v4.Schema$Request[] {
  const start = Math.max(row, 2);
  const end = row + height - 1;
  if (!formats || end < start) return [];
  const out: sheets_v4.Schema$Request[] = [];
  let c = 0;
  while (c < formats.length) {
    const f = numberFormatFor(formats[c]);
    let e = c + 1;
    while (e < formats.length && JSON.stringify(numberFormatFor(formats[e])) === JSON.stringify(f)) e++;
    if (f)
      out.push({
        repeatCell: {
          range: {
            sheetId,
            startRowIndex: start - 1,
            endRowIndex: end,
            startColumnIndex: col - 1 + c,
            endColumnIndex: col - 1 + e,
          },
          cell: { userEnteredFormat: { numberFormat: f } },
          fields: 'userEnteredFormat.numberFormat',
        },
      });
    c = e;
  }
  return out;
}

/** The staged rows as values.batchUpdate bodies, each at most `maxBytes` of JSON (a row is never split). */
function chunkUploads(
  plan: WritePlan,
  placed: readonly { sheetIndex: number; blockIndex: number; stagingRow: number }[],
  stagingTitle: string,
  maxBytes: number,
): sheets_v4.Schema$ValueRange[][] {
  const chunks: sheets_v4.Schema$ValueRange[][] = [];
  let chunk: sheets_v4.Schema$ValueRange[] = [];
  let bytes = REQUEST_OVERHEAD;
  for (const p of placed) {
    const block = plan.sheets[p.sheetIndex].blocks[p.blockIndex];
    const width = block.values[0].length;
    let rangeStart = 0;
    let rows: SheetsValue[][] = [];
    const flush = () => {
      if (rows.length === 0) return;
      chunk.push({
        range: a1Range(stagingTitle, p.stagingRow + rangeStart + 1, 1, rows.length, width),
        majorDimension: 'ROWS',
        values: rows,
      });
      rangeStart += rows.length;
      rows = [];
    };
    bytes += RANGE_OVERHEAD;
    block.values.forEach((r) => {
      const row = r.map((cell, c) => toSheetsValue(cell, block.formats?.[c]));
      const size = Buffer.byteLength(JSON.stringify(row)) + 1;
      if (bytes + size > maxBytes && (rows.length > 0 || chunk.length > 0)) {
        flush();
        chunks.push(chunk);
        chunk = [];
        bytes = REQUEST_OVERHEAD + RANGE_OVERHEAD;
      }
      rows.push(row);
      bytes += size;
    });
    flush();
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
