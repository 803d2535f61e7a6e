/**
 * A table to a CSV or tab-delimited file through csv-stringify, streamed to disk: UTF-8 with a BOM (so Excel
 * reads it as UTF-8), CRLF line ends, quoting only where needed, formula-like text neutralised.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Cell, ExportColumn } from '../../core';
import { exportFieldText } from '../../core';

export interface DelimitedTableOptions {
  readonly delimiter: ',' | '\t';
  readonly onRows?: (rows: number) => void;
}

const GENERAL: ExportColumn = { header: '', spec: null, kind: 'general', width: 8 };

export async function writeDelimitedTable(
  file: string,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<readonly Cell[]>,
  options: DelimitedTableOptions,
): Promise<number> {
  let count = 0;
  async function* records(): AsyncGenerator<string[]> {
    yield columns.map((c) => exportFieldText(GENERAL, c.header));
    for await (const cells of rows) {
      const out = new Array<string>(Math.max(columns.length, cells.length));
      for (let i = 0; i < out.length; i++) out[i] = exportFieldText(columns[i] ?? GENERAL, cells[i]);
      count++;
      if ((count & 4095) === 0) options.onRows?.(count);
      yield out;
    }
  }
  await pipeline(
    Readable.from(records()),
    stringify({ delimiter: options.delimiter, record_delimiter: '\r\n', bom: true, quoted_empty: false }),
    fs.createWriteStream(file),
  );
  options.onRows?.(count);
  return count;
}
