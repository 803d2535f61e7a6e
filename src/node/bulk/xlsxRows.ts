/**
 * The rows of one sheet of an .xlsx file, streamed (exceljs's WorkbookReader): memory stays flat however long
 * the sheet is. The zip is checked first (zipGuard), and rows, columns, cells and shared strings are capped
 * while reading, so a hostile file ends with a clear BulkFileError instead of exhausting memory.
 */
import path from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from '../../core';
import { restoreText } from '../../core';
import { fromExcel } from '../xlsx/xlsxCell';
import { unescapeXlsxText } from './xlsxText';
import type { BulkLimits } from './bulkLimits';
import { BulkFileError, DEFAULT_LIMITS } from './bulkLimits';
import type { ZipEntry } from './zipGuard';
import { inspectZip, openZipEntry, readZipEntry } from './zipGuard';

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
  /**
   * Cells exactly as the Workbook backend reads them (for exporting a book's own sheet). By default text is
   * read as a bulk file: OOXML `_xHHHH_` escapes decoded and the export's formula neutralising undone.
   */
  readonly raw?: boolean;
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
  const part = (name: string) => zip.entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
  const workbookPart = part('xl/workbook.xml');
  const relsPart = part('xl/_rels/workbook.xml.rels');
  if (!workbookPart || !relsPart)
    throw new BulkFileError(`${label} is not an .xlsx workbook: it has no xl/workbook.xml.`);
  const sheets = parseSheets(
    (await readZipEntry(file, workbookPart)).toString('utf8'),
    (await readZipEntry(file, relsPart)).toString('utf8'),
  );
  const sheetNames = sheets.map((s) => s.name);
  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  let sheet: SheetPart | undefined;
  if (options.sheet !== undefined) {
    sheet = find(options.sheet);
    if (!sheet)
      throw new BulkFileError(
        `${label} has no sheet named ${options.sheet} (it has ${sheetNames.join(', ')}).`,
      );
  } else sheet = (options.preferSheet ? find(options.preferSheet) : undefined) ?? sheets[0];
  if (!sheet) throw new BulkFileError(`${label} has no sheets.`);
  const sheetEntry = part(sheet.part);
  if (!sheetEntry)
    throw new BulkFileError(`${label}: sheet ${sheet.name} has no worksheet part (${sheet.part}).`);
  const open = (e: ZipEntry) => openZipEntry(file, e);
  return {
    sheet: sheet.name,
    sheetNames,
    rows: streamSheet(
      label,
      sheet.name,
      {
        rels: () => open(relsPart),
        workbook: () => open(workbookPart),
        styles: part('xl/styles.xml') ? () => open(part('xl/styles.xml')!) : null,
        sharedStrings: part('xl/sharedStrings.xml') ? () => open(part('xl/sharedStrings.xml')!) : null,
        sheet: () => open(sheetEntry),
      },
      limits,
      options.raw === true,
    ),
  };
}

/** exceljs 4.4's WorkbookReader parts, driven one zip entry at a time (its own unzip pass cannot read every zip). */
interface ReaderInternals {
  options: Record<string, string>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<{ index: number; text: ExcelJS.CellValue }>;
  _parseWorksheet(
    iterator: AsyncIterable<unknown>,
    sheetNo: string,
  ): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/** Each part is opened only when the parser reaches it (nothing is read for a sheet that is never iterated). */
interface Parts {
  rels: () => Readable;
  workbook: () => Readable;
  styles: (() => Readable) | null;
  sharedStrings: (() => Readable) | null;
  sheet: () => Readable;
}

async function* streamSheet(
  label: string,
  sheet: string,
  parts: Parts,
  limits: BulkLimits,
  raw: boolean,
): AsyncGenerator<SheetRow> {
  // The parts are read in the order the parser needs them, whatever their order in the zip: no temp files,
  // and only the one sheet is inflated.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(new PassThrough(), {
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
  const strings: Cell[] = [];
  let stringChars = 0;
  let cells = 0;
  let sheetStream: Readable | null = null;
  try {
    await reader._parseRels(parts.rels());
    await reader._parseWorkbook(parts.workbook());
    if (parts.styles) await reader._parseStyles(parts.styles());
    if (parts.sharedStrings)
      for await (const s of reader._parseSharedStrings(parts.sharedStrings())) {
        const text = fromExcel(s.text);
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
      }
    const sheetXml = parts.sheet();
    const filtered = new DropEmptyRows();
    sheetXml.on('error', (e) => filtered.destroy(e));
    sheetStream = sheetXml.pipe(filtered);
    const ws = reader._parseWorksheet(sheetStream, '0').next().value?.value;
    if (!ws) throw new BulkFileError(`${label}: sheet ${sheet} could not be opened.`);
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
        if (typeof cell === 'string' && !raw) cell = restoreText(unescapeXlsxText(cell));
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
  } catch (e) {
    if (e instanceof BulkFileError) throw e;
    if (process.env.SHIPSHEET_DEBUG) console.error(e);
    throw new BulkFileError(`${label} could not be read as an .xlsx workbook: ${(e as Error).message}`);
  } finally {
    sheetStream?.destroy();
  }
}

/** `<row r="7" s="3" customFormat="1"/>`: a formatted row without cells. */
const EMPTY_ROW = /<(?:\w+:)?row\b[^<>]*\/>/g;

/**
 * Removes cell-less rows from the sheet XML before the parser sees them: a sheet formatted down to row
 * 1,048,576 then costs a regex pass, not a million row objects. Works on latin1 text, so bytes are unchanged.
 */
class DropEmptyRows extends Transform {
  private carry = '';
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const text = this.carry + chunk.toString('latin1');
    const cut = text.lastIndexOf('<');
    this.carry = cut >= 0 ? text.slice(cut) : '';
    const head = cut >= 0 ? text.slice(0, cut) : text;
    done(null, Buffer.from(head.replace(EMPTY_ROW, ''), 'latin1'));
  }
  override _flush(done: TransformCallback): void {
    done(null, Buffer.from(this.carry.replace(EMPTY_ROW, ''), 'latin1'));
  }
}

interface SheetPart {
  readonly name: string;
  /** Zip path of the worksheet XML, e.g. xl/worksheets/sheet1.xml. */
  readonly part: string;
}

/** Sheets in workbook order with their worksheet parts, from xl/workbook.xml and its relationships. */
export function parseSheets(workbookXml: string, relsXml: string): SheetPart[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) targets.set(id, xmlUnescape(target));
  }
  const out: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const rid = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(m[1]);
    const target = rid ? targets.get(rid[1] ?? rid[2]) : undefined;
    if (name === undefined || !target) continue;
    const part = target.startsWith('/')
      ? target.slice(1)
      : target.startsWith('xl/')
        ? target
        : `xl/${target}`;
    out.push({ name: xmlUnescape(name), part: path.posix.normalize(part) });
  }
  return out;
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
