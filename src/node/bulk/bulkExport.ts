/**
 * `shipsheet export TABLE --out FILE.xlsx|.csv|.tsv`: one table of a book to a file, streamed. From an .xlsx
 * book the sheet is streamed straight from the file (the book is never loaded whole); from other books it is
 * read through the Workbook port. The file is written beside its target and renamed when complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ActionResult, Cell, TableSchema, Workbook } from '../../core';
import { exportColumns } from '../../core';
import type { Progress } from '../progress';
import type { BulkLimits } from './bulkLimits';
import { BulkFileError } from './bulkLimits';
import { writeDelimitedTable } from './writeDelimitedTable';
import { writeXlsxTable } from './writeXlsxTable';
import { openXlsxRows } from './xlsxRows';

export type ExportFormat = 'xlsx' | 'csv' | 'tsv';

export function exportFormatOf(out: string): ExportFormat | null {
  const ext = path.extname(out).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.txt') return 'tsv';
  return null;
}

export interface BulkExportOptions {
  readonly progress?: Progress;
  readonly limits?: BulkLimits;
}

/** Rows of a table, header first: streamed from an .xlsx book file, or read whole from any Workbook. */
export type TableRows = AsyncIterable<readonly Cell[]>;

export async function sheetRowsFromXlsxBook(
  bookFile: string,
  schema: TableSchema,
  limits?: BulkLimits,
): Promise<TableRows> {
  const source = await openXlsxRows(bookFile, { sheet: schema.name, limits, raw: true });
  return (async function* () {
    let last = 0;
    for await (const row of source.rows) {
      // The header is row 1 in a Shipsheet sheet; blank rows between data rows are kept so nothing shifts.
      for (let r = last + 1; r < row.rowNumber && last > 0; r++) yield [];
      last = row.rowNumber;
      yield row.cells;
    }
  })();
}

export async function sheetRowsFromBook(book: Workbook, schema: TableSchema): Promise<TableRows> {
  const grid = (await book.read([schema.name])).get(schema.name);
  if (!grid) throw new BulkFileError(`${book.label} has no ${schema.name} sheet.`);
  return (async function* () {
    yield* grid;
  })();
}

export async function bulkExport(
  schema: TableSchema,
  rows: TableRows,
  out: string,
  options: BulkExportOptions = {},
): Promise<ActionResult> {
  const action = `export ${schema.name.toLowerCase()}`;
  const format = exportFormatOf(out);
  if (!format) throw new BulkFileError(`--out ${out}: export writes .xlsx, .csv or .tsv files.`);
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? schema.columns.map((c) => c.name) : [...first.value];
  const columns = exportColumns(schema, header.length > 0 ? header : schema.columns.map((c) => c.name));
  const body: TableRows = {
    [Symbol.asyncIterator]: () => iterator,
  };
  const target = path.resolve(out);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.tmp${path.extname(target)}`,
  );
  const onRows = (n: number) => options.progress?.update(`Exporting ${schema.name}`, n, 0);
  let count: number;
  try {
    count =
      format === 'xlsx'
        ? await writeXlsxTable(tmp, columns, trimTrailingBlank(body), { sheetName: schema.name, onRows })
        : await writeDelimitedTable(tmp, columns, trimTrailingBlank(body), {
            delimiter: format === 'csv' ? ',' : '\t',
            onRows,
          });
    await fs.promises.rename(tmp, target);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  } finally {
    options.progress?.stop();
  }
  const shown = path.relative(process.cwd(), target) || target;
  return {
    action,
    ok: true,
    changes: [],
    problems: [],
    stats: { rows: count },
    lines: [`Exported ${count} ${count === 1 ? 'row' : 'rows'} of ${schema.name} to ${shown}.`],
    data: { file: target, format, rows: count },
  };
}

/** Blank rows are kept between data rows but not after the last one. */
async function* trimTrailingBlank(rows: TableRows): AsyncGenerator<readonly Cell[]> {
  let pending = 0;
  for await (const r of rows) {
    if (r.every((c) => c === null || c === '')) {
      pending++;
      continue;
    }
    for (; pending > 0; pending--) yield [];
    yield r;
  }
}
