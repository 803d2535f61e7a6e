/** Any table file a seller hands us — Amazon's tab-delimited reports, CSV, Excel — read into a grid of cells. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../../core';
import { looksBinary, looksLikeZip } from '../../core';
import { fromExcel } from '../xlsx/xlsxCell';
import { decodeText } from './decodeText';

export class InputFileError extends Error {}

export interface TableFile {
  readonly grid: Grid;
  readonly format: 'tsv' | 'csv' | 'xlsx';
  readonly encoding: string | null;
  /** For xlsx: the sheet the table came from. */
  readonly sheet?: string;
}

export interface ReadTableFileOptions {
  encoding?: string;
  /** xlsx: the sheet to read (default: the first sheet that has rows). */
  sheet?: string;
}

export async function readTableFile(file: string, options: ReadTableFileOptions = {}): Promise<TableFile> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputFileError(
      code === 'ENOENT' ? `${file} does not exist.` : `${file} could not be read: ${(e as Error).message}`,
    );
  }
  if (bytes.length === 0) throw new InputFileError(`${name} is empty.`);
  if (looksLikeZip(bytes)) return readXlsx(bytes, name, options.sheet);
  if (looksBinary(bytes))
    throw new InputFileError(`${name} is not a text report or an .xlsx workbook (it holds binary data).`);
  const { text, encoding } = decodeText(bytes, options.encoding);
  return { ...parseDelimited(text), encoding };
}

/** Tab-delimited (Amazon's flat files: never quoted) or comma-separated (quoted as RFC 4180), sniffed from the header. */
export function parseDelimited(text: string): { grid: Grid; format: 'tsv' | 'csv' } {
  const firstLines = text.split(/\r\n|\n|\r/, 6).filter((l) => !/^TemplateType=/i.test(l));
  const header = firstLines[0] ?? '';
  const tabs = (header.match(/\t/g) ?? []).length;
  const commas = (header.match(/,/g) ?? []).length;
  const semicolons = (header.match(/;/g) ?? []).length;
  if (tabs > 0 || (commas === 0 && semicolons === 0)) {
    const grid = parse(text, {
      delimiter: '\t',
      quote: false,
      relax_column_count: true,
      bom: true,
      skip_empty_lines: false,
    }) as string[][];
    return { grid: dropEmptyTail(grid), format: 'tsv' };
  }
  const delimiter = semicolons > commas ? ';' : ',';
  const grid = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
    skip_empty_lines: false,
  }) as string[][];
  return { grid: dropEmptyTail(grid), format: 'csv' };
}

function dropEmptyTail(grid: string[][]): Grid {
  let end = grid.length;
  while (end > 0 && grid[end - 1].every((c) => c === '')) end--;
  return grid.slice(0, end);
}

async function readXlsx(bytes: Buffer, name: string, sheet?: string): Promise<TableFile> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputFileError(`${name} could not be read as an .xlsx workbook: ${(e as Error).message}`);
  }
  const ws = sheet ? book.getWorksheet(sheet) : book.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw new InputFileError(sheet ? `${name} has no sheet named ${sheet}.` : `${name} has no rows.`);
  const grid: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(fromExcel(values[i]));
    while (grid.length < rowNumber - 1) grid.push([]);
    grid[rowNumber - 1] = cells;
  });
  return { grid, format: 'xlsx', encoding: null, sheet: ws.name };
}
