/** Any bulk table file — .xlsx, CSV, TSV / Excel "Unicode text" — opened as a stream of rows, by its content. */
import fs from 'node:fs';
import path from 'node:path';
import { looksLikeZip } from '../../core';
import type { BulkLimits } from './bulkLimits';
import { BulkFileError } from './bulkLimits';
import { openDelimitedRows } from './delimitedRows';
import type { SheetRow } from './xlsxRows';
import { openXlsxRows } from './xlsxRows';

export interface TableFileSource {
  readonly format: 'xlsx' | 'csv' | 'tsv';
  readonly encoding: string | null;
  readonly sheet?: string;
  /** File size in bytes, for progress. */
  readonly size: number;
  readonly rows: AsyncGenerator<SheetRow>;
  /** The same rows in arrays (read one or the other): CSV and TSV come in whole parsed chunks. */
  readonly batches: AsyncGenerator<SheetRow[]>;
}

export interface TableFileRowsOptions {
  readonly encoding?: string;
  /** xlsx: the sheet to read (default: the one named like the table, else the first). */
  readonly sheet?: string;
  readonly preferSheet?: string;
  readonly limits?: BulkLimits;
  readonly onBytes?: (read: number, total: number) => void;
}

export async function openTableFile(
  file: string,
  options: TableFileRowsOptions = {},
): Promise<TableFileSource> {
  const label = path.basename(file);
  let head: Buffer;
  let size: number;
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      size = (await handle.stat()).size;
      head = Buffer.alloc(Math.min(size, 8));
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BulkFileError(
      code === 'ENOENT' ? `${file} does not exist.` : `${file} could not be read: ${(e as Error).message}`,
    );
  }
  if (size === 0) throw new BulkFileError(`${label} is empty.`);
  if (looksLikeZip(head)) {
    const x = await openXlsxRows(file, {
      sheet: options.sheet,
      preferSheet: options.preferSheet,
      limits: options.limits,
    });
    return { format: 'xlsx', encoding: null, sheet: x.sheet, size, rows: x.rows, batches: inBatches(x.rows) };
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw new BulkFileError(`${label} is an old Excel .xls file: save it from Excel as .xlsx or CSV first.`);
  const d = await openDelimitedRows(file, {
    encoding: options.encoding,
    limits: options.limits,
    onBytes: options.onBytes,
  });
  return { format: d.format, encoding: d.encoding, size, rows: d.rows, batches: d.batches };
}

/** Rows grouped in arrays, for sources that stream row by row. */
async function* inBatches(rows: AsyncIterable<SheetRow>, size = 1024): AsyncGenerator<SheetRow[]> {
  let batch: SheetRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
