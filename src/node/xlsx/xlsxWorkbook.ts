/**
 * The embedded default backend: a Workbook on a local .xlsx file through exceljs. Every write is saved
 * atomically; cells, columns, formats and sheets Shipsheet does not own are kept as they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell, Grid, Workbook, WritePlan } from '../../core';
import { trimGrid } from '../../core';
import { removeStaleTemps, writeFileAtomic } from './atomicWrite';
import { BulkFileError } from '../bulk/bulkLimits';
import { inspectZip, verifyZipEntries } from '../bulk/zipGuard';
import { acquireLock } from './fileLock';
import { lossyParts } from './lossyParts';
import { escapeBookText, fromExcel, toExcel } from './xlsxCell';

export class WorkbookFileError extends Error {}

export interface OpenXlsxOptions {
  /** Start a new workbook when the file does not exist (default false: a missing file is an error). */
  create?: boolean;
  /** Write the result to this file instead of the one read (for workbooks with parts exceljs would drop). */
  writeCopyTo?: string;
  /** Take the lock file (default true). */
  lock?: boolean;
  /** Told when loading and saving start (they take a while on big workbooks). */
  onPhase?: (label: string) => void;
  /** Most worksheet XML (uncompressed) a book may hold: exceljs needs ~40x that in memory (docs/bulk-excel.md). */
  maxSheetBytes?: number;
}

/** 256 MiB of sheet XML: about 500,000 rows of 13 columns, and some 10 GB of memory in exceljs. */
export const MAX_SHEET_XML_BYTES = 256 * 1024 ** 2;

export class XlsxWorkbook implements Workbook {
  readonly label: string;
  private book: ExcelJS.Workbook;
  private readonly release: () => void;
  private readonly target: string;
  /** Parts exceljs would drop; writing refuses while this is not empty (unless writing a copy). */
  private readonly lossy: string[];
  private closed = false;
  private onPhase?: (label: string) => void;

  private constructor(
    readonly file: string,
    book: ExcelJS.Workbook,
    release: () => void,
    lossy: string[],
    target: string,
  ) {
    this.label = path.basename(file);
    this.book = book;
    this.release = release;
    this.lossy = lossy;
    this.target = target;
  }

  static async open(file: string, options: OpenXlsxOptions = {}): Promise<XlsxWorkbook> {
    const resolved = path.resolve(file);
    if (!/\.xlsx$/i.test(resolved))
      throw new WorkbookFileError(`${file}: a local workbook must be an .xlsx file (Excel 2007 or later).`);
    const excelLock = path.join(path.dirname(resolved), `~$${path.basename(resolved)}`);
    if (fs.existsSync(excelLock)) {
      throw new WorkbookFileError(
        `${file} is open in Excel (${path.basename(excelLock)} exists). Save and close it there first, so neither side loses changes.`,
      );
    }
    const release = options.lock === false ? () => undefined : acquireLock(resolved);
    try {
      if (options.lock !== false) removeStaleTemps(resolved);
      const book = new ExcelJS.Workbook();
      let lossy: string[] = [];
      if (fs.existsSync(resolved)) {
        options.onPhase?.(`Loading ${path.basename(resolved)}`);
        try {
          // A zip bomb or a part that lies about its size fails here, before exceljs inflates anything.
          const zip = await inspectZip(resolved);
          const sheetBytes = zip.entries
            .filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name))
            .reduce((sum, e) => sum + e.uncompressedSize, 0);
          const max = options.maxSheetBytes ?? MAX_SHEET_XML_BYTES;
          if (sheetBytes > max)
            throw new WorkbookFileError(
              `${file} holds ${(sheetBytes / 1024 ** 2).toFixed(0)} MiB of sheet data, more than the ${(max / 1024 ** 2).toFixed(0)} MiB ` +
                `Shipsheet's .xlsx backend can load (it keeps the whole workbook in memory, about 40 times that). ` +
                `Move old rows to an archive workbook, or keep the sheets in a Google Sheet; shipsheet export still streams any size.`,
            );
          await verifyZipEntries(resolved, zip);
        } catch (e) {
          if (e instanceof WorkbookFileError) throw e;
          if (e instanceof BulkFileError) throw new WorkbookFileError(e.message);
          throw new WorkbookFileError(
            `${file} could not be read as an .xlsx workbook: ${(e as Error).message}`,
          );
        }
        const data = await fs.promises.readFile(resolved);
        try {
          lossy = await lossyParts(data);
          await book.xlsx.load(data as unknown as ArrayBuffer);
        } catch (e) {
          throw new WorkbookFileError(
            `${file} could not be read as an .xlsx workbook: ${(e as Error).message}`,
          );
        }
      } else if (!options.create) {
        throw new WorkbookFileError(`${file} does not exist. Create it with: shipsheet init --book ${file}`);
      }
      const target = options.writeCopyTo ? path.resolve(options.writeCopyTo) : resolved;
      const opened = new XlsxWorkbook(resolved, book, release, lossy, target);
      opened.onPhase = options.onPhase;
      return opened;
    } catch (e) {
      release();
      throw e;
    }
  }

  async sheetNames(): Promise<string[]> {
    return this.book.worksheets.map((w) => w.name);
  }

  private sheet(name: string): ExcelJS.Worksheet | undefined {
    return (
      this.book.getWorksheet(name) ??
      this.book.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase())
    );
  }

  async read(names: readonly string[]): Promise<ReadonlyMap<string, Grid | null>> {
    const out = new Map<string, Grid | null>();
    for (const name of names) {
      const ws = this.sheet(name);
      out.set(name, ws ? readGrid(ws) : null);
    }
    return out;
  }

  async write(plan: WritePlan): Promise<void> {
    if (this.closed) throw new Error(`${this.label} is closed`);
    if (this.lossy.length > 0 && this.target === this.file) {
      throw new WorkbookFileError(
        `${this.label} has ${this.lossy.join(', ')}, which Shipsheet's Excel library cannot keep: writing would drop them, so nothing was written. ` +
          `Keep Shipsheet's sheets in a workbook of their own, or run with --write-copy FILE.xlsx to write the result to another file.`,
      );
    }
    try {
      for (const w of plan.sheets) {
        let ws = this.sheet(w.sheet);
        if (!ws) {
          if (!w.create) throw new Error(`there is no sheet named ${w.sheet}`);
          ws = this.book.addWorksheet(w.sheet);
        }
        if (w.clear) truncateRows(ws, 0);
        if (w.freezeHeader) ws.views = [{ state: 'frozen', ySplit: 1 }];
        for (const block of w.blocks) {
          block.values.forEach((rowValues, r) => {
            const rowNumber = block.row + r;
            rowValues.forEach((v, c) => {
              const cell = ws.getCell(rowNumber, block.col + c);
              const { value, numFmt } = toExcel(v, rowNumber > 1 ? block.formats?.[c] : undefined);
              cell.value = value;
              if (numFmt && !cell.numFmt) cell.style = { ...cell.style, numFmt };
              if (rowNumber === 1 && (w.create || w.clear))
                cell.style = { ...cell.style, font: { bold: true } };
            });
          });
        }
        if (w.deleteRowsAfter !== undefined) truncateRows(ws, w.deleteRowsAfter);
      }
      this.onPhase?.(`Saving ${path.basename(this.target)}`);
      const restore = escapeBookText(this.book);
      let data: ExcelJS.Buffer;
      try {
        data = await this.book.xlsx.writeBuffer();
      } finally {
        restore();
      }
      await writeFileAtomic(this.target, new Uint8Array(data as ArrayBuffer));
    } catch (e) {
      // Leave nothing half-applied in memory: the file on disk is still the last good state.
      await this.reload();
      throw e;
    }
  }

  private async reload(): Promise<void> {
    const book = new ExcelJS.Workbook();
    const source = fs.existsSync(this.target) ? this.target : this.file;
    if (fs.existsSync(source))
      await book.xlsx.load((await fs.promises.readFile(source)) as unknown as ArrayBuffer);
    this.book = book;
  }

  /** The exceljs workbook, for adapters that add what the port does not model (charts as images, widths). */
  get excel(): ExcelJS.Workbook {
    return this.book;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.release();
  }
}

function readGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(fromExcel(values[i]));
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  return trimGrid(rows);
}

/**
 * Remove every row below `keep`. exceljs's spliceRows does not remove rows at the end of a sheet (it only
 * shifts rows up from below), so the tail is cut from its row list directly.
 */
function truncateRows(ws: ExcelJS.Worksheet, keep: number): void {
  const rows = (ws as unknown as { _rows: unknown[] })._rows;
  if (Array.isArray(rows) && rows.length > keep) rows.length = keep;
}
