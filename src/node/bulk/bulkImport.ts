/**
 * `shipsheet import TABLE FILE`: a bulk file of any Shipsheet table (xlsx, CSV, TSV) streamed in, its header
 * checked before the body is read, then merged (or replaced) by key through the core's importTable. Rejected
 * rows go to FILE.errors.csv. Into an .xlsx book the rows are capped (see docs/bulk-excel.md).
 */
import path from 'node:path';
import type { ActionResult, Cell, Grid, RunContext, TableSchema, Workbook } from '../../core';
import { checkTableHeader, importTable, refused } from '../../core';
import type { Progress } from '../progress';
import type { BulkLimits } from './bulkLimits';
import { withErrorsFile } from './errorsFile';
import { openTableFile } from './tableFileRows';

export interface BulkImportOptions {
  readonly mode?: 'merge' | 'replace';
  readonly encoding?: string;
  readonly sheet?: string;
  readonly limits?: BulkLimits;
  /** Most data rows this book can take from one file (the whole-workbook .xlsx backend: XLSX_BOOK_ROW_LIMIT). */
  readonly maxRows?: number;
  readonly progress?: Progress;
  /** Where rejected rows go (default FILE.errors.csv; false: nowhere). */
  readonly errorsFile?: string | false;
  /** Blank key parts match blank ones (importTable's blankKeyParts: the rate-card sheets). */
  readonly blankKeyParts?: boolean;
}

/**
 * Rows one import may bring into an .xlsx book through the whole-workbook backend (exceljs holds the whole book in
 * memory, measured in the doc). The CLI streams bulk imports into existing .xlsx books instead
 * (src/node/xlsx/stream/streamImport.ts, no cap); this applies when that path hands over (a new book).
 */
export const XLSX_BOOK_ROW_LIMIT = 100_000;

const HEADER_SCAN_ROWS = 10;

export async function bulkImport(
  book: Workbook,
  schema: TableSchema,
  file: string,
  context: RunContext,
  options: BulkImportOptions = {},
): Promise<ActionResult> {
  const action = `import ${schema.name.toLowerCase()}`;
  const source = path.basename(file);
  const progress = options.progress;
  let rowsRead = 0;
  let estimatedTotal = 0;
  const input = await openTableFile(file, {
    encoding: options.encoding,
    sheet: options.sheet,
    preferSheet: schema.name,
    limits: options.limits,
    onBytes: (read, total) => {
      estimatedTotal = read > 0 ? Math.round((rowsRead * total) / read) : 0;
    },
  });
  const grid: Grid = [];
  const put = (rowNumber: number, cells: Cell[]) => {
    while (grid.length < rowNumber - 1) grid.push([]);
    grid[rowNumber - 1] = cells;
  };
  let checked = false;
  let headerRow = 0;
  const maxRows = options.maxRows ?? Infinity;
  try {
    for await (const row of input.rows) {
      put(row.rowNumber, row.cells);
      rowsRead++;
      if (!checked && rowsRead >= HEADER_SCAN_ROWS) {
        const check = checkTableHeader(schema, grid, source);
        if (!check.ok) return refused(action, check.message);
        checked = true;
        headerRow = check.headerIndex + 1;
      }
      if (checked && rowsRead - headerRow > maxRows)
        return refused(
          action,
          `${source} has more than ${maxRows.toLocaleString('en-US')} rows: more than Shipsheet imports into an .xlsx workbook at once ` +
            `(the .xlsx backend holds the whole workbook in memory). Nothing was written. Split the file, or keep ${schema.name} in a Google Sheet (--book gsheet:ID). See docs/bulk-excel.md.`,
        );
      if ((rowsRead & 4095) === 0) progress?.update(`Reading ${source}`, rowsRead, estimatedTotal);
    }
  } finally {
    progress?.stop();
  }
  if (!checked) {
    const check = checkTableHeader(schema, grid, source);
    if (!check.ok) return refused(action, check.message);
  }
  const result = await importTable(book, schema, grid, source, context, {
    mode: options.mode,
    blankKeyParts: options.blankKeyParts,
  });
  return withErrorsFile(result, file, options.errorsFile);
}
