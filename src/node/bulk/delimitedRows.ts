/**
 * The rows of a CSV or tab-delimited file, streamed: bytes → text (the encoding detected from the first 64 KiB
 * or chosen; UTF-8 is only checked, csv-parse decodes it) → csv-parse, read in batches. Memory stays flat; a record longer than the cap (an unclosed quote) and bytes that
 * are not valid UTF-8 fail with the row number instead of silently corrupting text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { TextEncodingName } from '../../core';
import { detectEncoding, restoreText } from '../../core';
import type { BulkLimits } from './bulkLimits';
import { BulkFileError, DEFAULT_LIMITS } from './bulkLimits';
import { readBatches } from './readBatches';
import { Utf8Check } from './utf8Check';
import type { SheetRow } from './xlsxRows';

export interface DelimitedRowsOptions {
  /** utf-8, utf-16le, utf-16be, windows-1252, shift_jis (default: detected). */
  readonly encoding?: string;
  readonly limits?: BulkLimits;
  /** Called as bytes are read: for progress with a percentage. */
  readonly onBytes?: (read: number, total: number) => void;
}

export interface DelimitedSource {
  readonly encoding: string;
  readonly delimiter: string;
  readonly format: 'csv' | 'tsv';
  readonly rows: AsyncGenerator<SheetRow>;
  /** The same rows as arrays of those read at once (the fast way through a big file). */
  readonly batches: AsyncGenerator<SheetRow[]>;
}

const SAMPLE_BYTES = 64 * 1024;

export async function openDelimitedRows(
  file: string,
  options: DelimitedRowsOptions = {},
): Promise<DelimitedSource> {
  const label = path.basename(file);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { sample, size } = await readSample(file);
  const encoding = chooseEncoding(sample, size, options.encoding);
  const head =
    iconvName(encoding) === 'utf8' ? sample.toString('utf8') : iconv.decode(sample, iconvName(encoding));
  const delimiter = sniffDelimiter(head);
  const batches = streamBatches(
    file,
    label,
    size,
    encoding,
    delimiter,
    limits,
    options.onBytes,
    options.encoding !== undefined,
  );
  return {
    encoding,
    delimiter,
    format: delimiter === '\t' ? 'tsv' : 'csv',
    rows: flatten(batches),
    batches,
  };
}

/** Batches one row at a time, for readers that want rows. */
export async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

async function readSample(file: string): Promise<{ sample: Buffer; size: number }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const sample = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    await handle.read(sample, 0, sample.length, 0);
    return { sample, size };
  } finally {
    await handle.close();
  }
}

function chooseEncoding(sample: Buffer, size: number, chosen: string | undefined): string {
  if (chosen !== undefined) {
    const name = chosen.toLowerCase();
    if (!iconv.encodingExists(iconvName(name)))
      throw new BulkFileError(
        `--encoding ${chosen} is not an encoding Shipsheet knows; use utf-8, utf-16le, windows-1252 or shift_jis.`,
      );
    return name;
  }
  // A sample cut mid-character would not look like UTF-8: judge it up to its last complete line.
  let judged: Buffer = sample;
  if (sample.length < size) {
    const lastNewline = sample.lastIndexOf(0x0a);
    if (lastNewline > 0) judged = sample.subarray(0, lastNewline + 1);
  }
  const detected: TextEncodingName = detectEncoding(judged);
  return detected;
}

function iconvName(encoding: string): string {
  const e = encoding.toLowerCase().replace(/_/g, '-');
  if (e === 'shift-jis' || e === 'sjis' || e === 'cp932') return 'cp932';
  if (e === 'utf-8' || e === 'utf8') return 'utf8';
  return e;
}

/** Tab when the header has tabs (Amazon's files, Excel's "Unicode text"), else comma or semicolon. */
export function sniffDelimiter(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/, 6)
    .filter((l) => !/^TemplateType=/i.test(l));
  // The first line with something on it: a blank line after a preamble must not make a CSV look tab-delimited.
  const header = lines.find((l) => l.trim() !== '') ?? '';
  const count = (c: string) => header.split(c).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semicolons = count(';');
  if (tabs > 0 || (commas === 0 && semicolons === 0)) return '\t';
  return semicolons > commas ? ';' : ',';
}

async function* streamBatches(
  file: string,
  label: string,
  size: number,
  encoding: string,
  delimiter: string,
  limits: BulkLimits,
  onBytes: DelimitedRowsOptions['onBytes'],
  chosen: boolean,
): AsyncGenerator<SheetRow[]> {
  // The default 64 KiB chunks: with 256 KiB ones the same parse took twice the wall time (measured, idle waits).
  const input = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  let read = 0;
  if (onBytes)
    input.on('data', (chunk) => {
      read += chunk.length;
      onBytes(read, size);
    });
  const name = iconvName(encoding);
  // UTF-8 goes to csv-parse as bytes (checked, not decoded: csv-parse decodes each field itself, as bare
  // csv-parse does); other encodings are decoded to text first.
  const decoder = name === 'utf8' ? new Utf8Check() : iconv.decodeStream(name, { stripBOM: true });
  const parser = parse({
    delimiter,
    quote: '"',
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
    skip_empty_lines: false,
    max_record_size: limits.maxRecordBytes,
  });
  input.on('error', (e) => parser.destroy(e));
  decoder.on('error', (e: Error) => parser.destroy(e));
  input.pipe(decoder).pipe(parser);
  let rowNumber = 0;
  try {
    for await (const records of readBatches<string[]>(parser)) {
      const rows: SheetRow[] = [];
      for (const record of records) {
        rowNumber++;
        if (rowNumber > limits.maxRows)
          throw new BulkFileError(
            `${label} has more than ${limits.maxRows.toLocaleString('en-US')} rows, Excel's limit for a sheet; split it into smaller files.`,
          );
        if (record.length > limits.maxColumns)
          throw new BulkFileError(
            `${label}, row ${rowNumber}: ${record.length} columns, more than the limit of ${limits.maxColumns}.`,
          );
        // The record is ours alone: its cells are restored in place rather than copied.
        let any = false;
        for (let i = 0; i < record.length; i++) {
          const v = record[i];
          if (v === '') continue;
          any = true;
          if (v.length > 1 && v.charCodeAt(0) === 39) record[i] = restoreText(v);
        }
        if (any) rows.push({ rowNumber, cells: record });
      }
      if (rows.length > 0) yield rows;
    }
  } catch (e) {
    if (e instanceof BulkFileError) throw e;
    const message = (e as Error).message;
    if (message === 'INVALID_UTF8')
      throw new BulkFileError(
        `${label} is not valid UTF-8 after row ${rowNumber}${chosen ? '' : ' (the start looked like UTF-8)'}: give its encoding, e.g. --encoding windows-1252 or --encoding shift_jis.`,
      );
    const records = (e as { records?: number }).records;
    throw new BulkFileError(
      `${label}, row ${(typeof records === 'number' ? records : rowNumber) + 1}: ${message}`,
    );
  } finally {
    input.destroy();
  }
}
