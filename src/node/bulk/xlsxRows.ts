/**
 * The rows of one sheet of an .xlsx file, streamed (exceljs's WorkbookReader): memory stays flat however long
 * the sheet is. The zip is checked first (zipGuard), and rows, columns, cells and shared strings are capped
 * while reading, so a hostile file ends with a clear BulkFileError instead of exhausting memory.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell } from '../../core';
import { restoreText } from '../../core';
import { fromExcel } from '../xlsx/xlsxCell';
import type { BulkLimits } from './bulkLimits';
import { BulkFileError, DEFAULT_LIMITS } from './bulkLimits';
import { inspectZip, readZipEntry, verifyZipEntries } from './zipGuard';

export interface SheetRow {
  /** 1-based row number in the sheet or file. */
  readonly rowNumber: number;
  readonly cells: Cell[];
}

export interface XlsxRowsOptions {
  /** The sheet to read: exactly this one (an error when missing). */
  readonly sheet?: string;
  /** Else this one when present (e.g. the table's own name), else the first sheet. */
  readonly preferSheet?: string;
  readonly limits?: BulkLimits;
}

export interface XlsxSource {
  readonly sheet: string;
  readonly sheetNames: readonly string[];
  readonly rows: AsyncGenerator<SheetRow>;
}

/** Open an .xlsx for streaming one sheet: checks the zip and picks the sheet before any row is parsed. */
export async function openXlsxRows(file: string, options: XlsxRowsOptions = {}): Promise<XlsxSource> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const label = path.basename(file);
  const zip = await inspectZip(file, limits);
  await verifyZipEntries(file, zip);
  const workbookPart = zip.entries.find((e) => e.name === 'xl/workbook.xml');
  if (!workbookPart) throw new BulkFileError(`${label} is not an .xlsx workbook: it has no xl/workbook.xml.`);
  const sheetNames = parseSheetNames((await readZipEntry(file, workbookPart)).toString('utf8'));
  const find = (name: string) => sheetNames.find((n) => n.toLowerCase() === name.toLowerCase());
  let sheet: string | undefined;
  if (options.sheet !== undefined) {
    sheet = find(options.sheet);
    if (!sheet)
      throw new BulkFileError(`${label} has no sheet named ${options.sheet} (it has ${sheetNames.join(', ')}).`);
  } else sheet = (options.preferSheet && find(options.preferSheet)) || sheetNames[0];
  if (!sheet) throw new BulkFileError(`${label} has no sheets.`);
  return { sheet, sheetNames, rows: streamSheet(file, label, sheet, limits) };
}

async function* streamSheet(file: string, label: string, sheet: string, limits: BulkLimits): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const strings: Cell[] = [];
  let stringChars = 0;
  let cells = 0;
  let found = false;
  const events = reader.parse() as AsyncIterator<{ eventType: string; value: unknown }>;
  try {
    for (;;) {
      const next = await events.next();
      if (next.done) break;
      const { eventType, value } = next.value;
      if (eventType === 'shared-strings') {
        const text = fromExcel((value as { text: ExcelJS.CellValue }).text);
        strings.push(text);
        stringChars += typeof text === 'string' ? text.length : 0;
        if (strings.length > limits.maxSharedStrings)
          throw new BulkFileError(
            `${label} has more than ${limits.maxSharedStrings.toLocaleString('en-US')} shared strings; Shipsheet stops there to stay within memory.`,
          );
        if (stringChars > limits.maxSharedStringChars)
          throw new BulkFileError(
            `${label}'s shared strings hold more than ${limits.maxSharedStringChars.toLocaleString('en-US')} characters; Shipsheet stops there to stay within memory.`,
          );
        continue;
      }
      if (eventType !== 'worksheet') continue;
      const ws = value as ExcelJS.stream.xlsx.WorksheetReader & { name?: string };
      if ((ws.name ?? '').toLowerCase() !== sheet.toLowerCase()) continue;
      found = true;
      for await (const row of ws) {
        if (row.number > limits.maxRows)
          throw new BulkFileError(
            `${label}, sheet ${sheet}: row ${row.number} is past the limit of ${limits.maxRows.toLocaleString('en-US')} rows.`,
          );
        const values = row.values as ExcelJS.CellValue[];
        if (values.length - 1 > limits.maxColumns)
          throw new BulkFileError(
            `${label}, sheet ${sheet}, row ${row.number}: ${values.length - 1} columns, more than the limit of ${limits.maxColumns}.`,
          );
        const out: Cell[] = [];
        let any = false;
        for (let i = 1; i < values.length; i++) {
          const v = values[i];
          let cell: Cell;
          if (v !== null && typeof v === 'object' && 'sharedString' in v) {
            const s = strings[(v as { sharedString: number }).sharedString];
            cell = s === undefined ? null : s;
          } else cell = fromExcel(v);
          if (typeof cell === 'string') cell = restoreText(cell);
          if (cell !== null && cell !== '') any = true;
          out.push(cell);
        }
        if (!any) continue;
        cells += out.length;
        if (cells > limits.maxCells)
          throw new BulkFileError(
            `${label}, sheet ${sheet}: more than ${limits.maxCells.toLocaleString('en-US')} cells; Shipsheet stops there to stay within memory.`,
          );
        yield { rowNumber: row.number, cells: out };
      }
      break;
    }
  } catch (e) {
    if (e instanceof BulkFileError) throw e;
    throw new BulkFileError(`${label} could not be read as an .xlsx workbook: ${(e as Error).message}`);
  } finally {
    await events.return?.();
    (reader as unknown as { stream?: { destroy(): void } }).stream?.destroy();
  }
  if (!found) throw new BulkFileError(`${label}: sheet ${sheet} has no worksheet part.`);
}

/** Sheet names in workbook order from xl/workbook.xml. */
export function parseSheetNames(xml: string): string[] {
  const names: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)) names.push(xmlUnescape(m[1]));
  return names;
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}
