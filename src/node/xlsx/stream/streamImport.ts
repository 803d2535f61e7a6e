/**
 * `shipsheet import TABLE FILE --book B.xlsx` without loading the book: the table's sheet is scanned once (its
 * keys, and where each row's bytes lie), the file read once (validated, its good rows parked on disk: new rows
 * already as sheet XML), and a new .xlsx is written with every other part copied byte-for-byte. The rewrite
 * inflates the sheet again but decodes only the rows the file touches; every other row is copied as bytes. The same merge / replace rules as the
 * core's importTable (and the same summary, errors and Log row), in memory that does not grow with the rows
 * beyond one key per row. Nothing is written when the file is refused; the save is atomic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type {
  ActionResult,
  Cell,
  CellFormat,
  ColumnSpec,
  FieldValue,
  Grid,
  Problem,
  RunContext,
  SheetWrite,
  TableSchema,
} from '../../../core';
import {
  appendHeader,
  checkTableHeader,
  decodeCell,
  decodeTable,
  encodeCell,
  formatForSpec,
  indexColumns,
  isBlankCell,
  keyOf,
  logEditor,
  logEntry,
  logTable,
  problem,
  refused,
  templateHeaders,
  trimGrid,
} from '../../../core';
import { BulkFileError, DEFAULT_LIMITS } from '../../bulk/bulkLimits';
import type { BulkLimits } from '../../bulk/bulkLimits';
import { withErrorsFile } from '../../bulk/errorsFile';
import { openTableFile } from '../../bulk/tableFileRows';
import type { SheetRow } from '../../bulk/xlsxRows';
import { parseSheets } from '../../bulk/xlsxRows';
import type { ZipEntry } from '../../bulk/zipGuard';
import { inspectZip, openZipEntry, readZipEntry } from '../../bulk/zipGuard';
import type { Progress } from '../../progress';
import { removeStaleTemps, renameIntoPlace } from '../atomicWrite';
import { acquireLock } from '../fileLock';
import { WorkbookFileError } from '../xlsxWorkbook';
import { BookStyles, SharedStrings, isDate1904, readSharedStrings } from './bookParts';
import type { CellReader, ParsedRow, RawCell } from './rowXml';
import { cellValue, parseRow, xmlEscape } from './rowXml';
import type { CellChange, WriteContext } from './rowWriter';
import { mayUseOrphanedFormula, newRowXml, patchedRowXml } from './rowWriter';
import { scanSheet } from './sheetScan';
import { ByteSink } from './byteSink';
import { KeyTable } from './keyTable';
import { RowIndex } from './rowIndex';
import { Spool } from './spool';
import type { SourceEntry } from './zipRewrite';
import { ZipRewriter, readSourceEntries } from './zipRewrite';

export interface StreamImportOptions {
  readonly mode?: 'merge' | 'replace';
  readonly encoding?: string;
  readonly sheet?: string;
  readonly limits?: BulkLimits;
  readonly progress?: Progress;
  readonly errorsFile?: string | false;
  readonly blankKeyParts?: boolean;
  /** Write the result here instead of over the book. */
  readonly writeCopyTo?: string;
  /** Called between writing the new file and putting it in place (tests: a kill mid-save). */
  readonly beforeRename?: () => Promise<void>;
}

/** A book Shipsheet cannot import into this way (shown like the backend's own file errors: exit 2). */
export class StreamImportError extends WorkbookFileError {}

/** Excel's last row. */
const EXCEL_ROWS = 1_048_576;
const HEADER_SCAN_ROWS = 10;
const CHUNK = 2048;
/** Bytes of a row decoded to find its key cell (a whole row is decoded when they do not hold it). */
const HEAD_BYTES = 384;

/** The book lacks the table's sheet or the Log sheet: the whole-workbook path creates them. */
export const NEEDS_WHOLE_BOOK = Symbol('needs the whole-workbook path');

interface BookSheet {
  readonly name: string;
  readonly entry: SourceEntry;
  readonly zipEntry: ZipEntry;
}

export async function streamImportIntoBook(
  bookFile: string,
  schema: TableSchema,
  file: string,
  context: RunContext,
  options: StreamImportOptions = {},
): Promise<ActionResult | typeof NEEDS_WHOLE_BOOK> {
  const resolved = path.resolve(bookFile);
  const label = path.basename(resolved);
  if (!/\.xlsx$/i.test(resolved))
    throw new StreamImportError(`${bookFile}: a local workbook must be an .xlsx file (Excel 2007 or later).`);
  const excelLock = path.join(path.dirname(resolved), `~$${label}`);
  if (fs.existsSync(excelLock))
    throw new StreamImportError(
      `${bookFile} is open in Excel (${path.basename(excelLock)} exists). Save and close it there first, so neither side loses changes.`,
    );
  if (!fs.existsSync(resolved)) return NEEDS_WHOLE_BOOK;
  const release = acquireLock(resolved);
  const spools: Spool[] = [];
  try {
    removeStaleTemps(resolved);
    const book = await openBookParts(resolved, label, schema, options.limits ?? DEFAULT_LIMITS);
    if (!book) return NEEDS_WHOLE_BOOK;
    const run = new StreamRun(book, schema, file, context, options, spools);
    return await withErrorsFile(await run.execute(), file, options.errorsFile);
  } catch (e) {
    if (e instanceof BulkFileError) throw new StreamImportError(e.message);
    throw e;
  } finally {
    for (const s of spools) s.close();
    release();
  }
}

interface BookParts {
  readonly file: string;
  readonly label: string;
  readonly entries: readonly SourceEntry[];
  readonly table: BookSheet;
  readonly log: BookSheet | null;
  readonly stylesEntry: SourceEntry | null;
  readonly stringsEntry: SourceEntry | null;
  readonly stringsZip: ZipEntry | null;
  readonly zip: readonly ZipEntry[];
  readonly styles: BookStyles;
  readonly reader: CellReader;
  readonly limits: BulkLimits;
}

async function openBookParts(
  file: string,
  label: string,
  schema: TableSchema,
  limits: BulkLimits,
): Promise<BookParts | null> {
  // A zip bomb or a damaged directory fails here, before anything is inflated.
  const zip = await inspectZip(file, limits);
  const entries = await readSourceEntries(file);
  const zipPart = (name: string) => zip.entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
  const part = (name: string) => entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
  const workbookZip = zipPart('xl/workbook.xml');
  const relsZip = zipPart('xl/_rels/workbook.xml.rels');
  if (!workbookZip || !relsZip)
    throw new StreamImportError(`${label} is not an .xlsx workbook: it has no xl/workbook.xml.`);
  const workbookXml = (await readZipEntry(file, workbookZip)).toString('utf8');
  const sheets = parseSheets(workbookXml, (await readZipEntry(file, relsZip)).toString('utf8'));
  const find = (name: string): BookSheet | null => {
    const s =
      sheets.find((x) => x.name === name) ?? sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    const entry = s ? part(s.part) : undefined;
    const zipEntry = s ? zipPart(s.part) : undefined;
    return s && entry && zipEntry ? { name: s.name, entry, zipEntry } : null;
  };
  const table = find(schema.name);
  const log = schema.name === logTable.name ? null : find(logTable.name);
  if (!table || (schema.name !== logTable.name && !log)) return null;
  const stylesZip = zipPart('xl/styles.xml');
  const styles = new BookStyles(stylesZip ? (await readZipEntry(file, stylesZip)).toString('utf8') : null);
  const stringsZip = zipPart('xl/sharedStrings.xml');
  const strings = stringsZip
    ? await readSharedStrings(openZipEntry(file, stringsZip), label, limits)
    : new SharedStrings();
  return {
    file,
    label,
    entries,
    table,
    log,
    stylesEntry: part('xl/styles.xml') ?? null,
    stringsEntry: stringsZip ? (part('xl/sharedStrings.xml') ?? null) : null,
    stringsZip: stringsZip ?? null,
    zip: zip.entries,
    styles,
    reader: { strings, styles, date1904: isDate1904(workbookXml) },
    limits,
  };
}

class StreamRun {
  private readonly action: string;
  private readonly source: string;
  private readonly replacing: boolean;
  private readonly specOf: Map<string, ColumnSpec>;
  /** The sheet's header as read (grid row 1), or the template when the sheet is empty. */
  private header: Cell[] = [];
  private sheetEmpty = true;
  /** Column name → 0-based position in the sheet, columns the import adds included. */
  private positions = new Map<string, number>();
  private addedHeaders = new Map<number, string>();
  /**
   * key → its existing row (> 0), or minus the file row of a key only the file has (off the heap: a million
   * keys); the file row of an existing key is in `fileRowOf`.
   */
  private readonly keys = new KeyTable();
  private fileRowOf = new Int32Array(0);
  /** Where the sheet's rows lie (merge: the rewrite copies untouched rows as bytes). */
  private readonly rowIndex = new RowIndex();
  private sheetHead = { xml: '', end: 0 };
  private sheetTail = { xml: '', start: 0 };
  /** merge: new rows past the sheet's last row, parked as finished XML. */
  private appendXml!: Spool;
  private lastDataRow = 0;
  /** Columns pass 1 parses (through the key's); past them a row whose first cells are blank is parsed whole. */
  private keyReach = Infinity;
  private lastRowSeen = 0;
  private existingRows = 0;
  private maxCol = 0;
  private rowsRead = 0;
  private added = 0;
  private updated = 0;
  private unchanged = 0;
  private removed = 0;
  private rejected = 0;
  private readonly problems: Problem[] = [];
  private columns: string[] = [];
  private readonly ctx: WriteContext;
  /** Shared strings this import adds (escaped text), after the book's own. */
  private readonly newStrings: string[] = [];
  /** merge: file changes parked by existing row (offset, length); replace: every good row in file order. */
  private updates!: Spool;
  private appends!: Spool;
  private updateAt = new Float64Array(0);
  private updateLength = new Int32Array(0);
  /** replace: the sheet's rows parked by number. */
  private sheetRows: Spool | null = null;
  private sheetRowAt = new Float64Array(0);
  private sheetRowLength = new Int32Array(0);
  private kept: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly book: BookParts,
    private readonly schema: TableSchema,
    private readonly file: string,
    private readonly context: RunContext,
    private readonly options: StreamImportOptions,
    private readonly spools: Spool[],
  ) {
    this.action = `import ${schema.name.toLowerCase()}`;
    this.source = path.basename(file);
    this.replacing = options.mode === 'replace';
    this.specOf = new Map(schema.columns.map((c) => [c.name, c]));
    this.ctx = {
      styles: book.styles,
      date1904: book.reader.date1904,
      orphanedFormulas: new Set(),
      sharedString: (escaped) => {
        if (!book.stringsEntry) return null;
        this.newStrings.push(escaped);
        return book.reader.strings.length + this.newStrings.length - 1;
      },
    };
  }

  private spool(name: string): Spool {
    const s = new Spool(name);
    this.spools.push(s);
    return s;
  }

  async execute(): Promise<ActionResult> {
    await this.indexSheet();
    const refusal = await this.readFile();
    if (refusal) return refusal;
    const firstAppend = this.firstAppendRow();
    const lastRow = this.replacing ? 1 + this.good : firstAppend - 1 + this.added;
    if (lastRow > EXCEL_ROWS)
      return {
        ...refused(
          this.action,
          `${this.source}: ${this.schema.name} would have ${lastRow.toLocaleString('en-US')} rows, more than Excel's ${EXCEL_ROWS.toLocaleString('en-US')}. Nothing was written. Move old rows to an archive workbook first.`,
        ),
        problems: this.problems,
      };
    await this.save();
    const change = { sheet: this.schema.name, added: this.added, updated: this.updated };
    return {
      action: this.action,
      ok: true,
      changes: [change],
      problems: this.problems,
      stats: {
        rowsRead: this.rowsRead,
        added: this.added,
        updated: this.updated,
        unchanged: this.unchanged,
        ...(this.replacing ? { removed: this.removed } : {}),
        rejected: this.rejected,
      },
      lines: [`Imported ${this.source} into ${this.schema.name}: ${this.summary()}.`],
    };
  }

  private good = 0;

  private summary(): string {
    return `${this.rowsRead} rows read: ${this.added} added, ${this.updated} updated, ${this.unchanged} unchanged, ${this.replacing ? `${this.removed} removed, ` : ''}${this.rejected} rejected`;
  }

  /** Row of the first appended row: below the last row with a value (TableEditor: the trimmed grid's length). */
  private firstAppendRow(): number {
    return Math.max(this.lastDataRow, 1) + 1;
  }

  private cellsOf(row: ParsedRow): Cell[] {
    const cells: Cell[] = [];
    for (const c of row.cells) {
      while (cells.length < c.col - 1) cells.push(null);
      cells[c.col - 1] = cellValue(c, this.book.reader);
    }
    return cells;
  }

  /** Pass 1: the sheet's header, its keys (first row of each), where its data ends. */
  private async indexSheet(): Promise<void> {
    const { schema } = this;
    let keySpecs: { spec: ColumnSpec; pos: number | undefined }[] | null = null;
    let headerCells: Cell[] = [];
    if (this.replacing) {
      this.sheetRows = this.spool('sheet');
      this.existingRowSet = new Set();
    }
    const rowAt: number[] = [];
    const rowLength: number[] = [];
    for await (const piece of scanSheet(
      openZipEntry(this.book.file, this.book.table.zipEntry),
      this.book.label,
    )) {
      if (piece.kind === 'head') this.sheetHead = { xml: piece.xml, end: piece.end };
      if (piece.kind === 'tail') this.sheetTail = { xml: piece.xml, start: piece.start };
      if (piece.kind !== 'rows') continue;
      for (const raw of piece.rows) {
        if (!this.replacing) this.rowIndex.push(raw.r, raw.start, raw.end);
        if (raw.r > EXCEL_ROWS + 1)
          throw new StreamImportError(
            `${this.book.label}, sheet ${this.book.table.name}: row ${raw.r} is past Excel's last row.`,
          );
        this.lastRowSeen = Math.max(this.lastRowSeen, raw.r);
        // Only the cells up to the key's (and until one has a value) are parsed, from the row's first bytes
        // when they hold them: the rest are copied later.
        this.maxCol = Math.max(this.maxCol, raw.lastColumn());
        let row: ParsedRow;
        if (raw.r === 1) row = parseRow(raw.r, raw.xml);
        else {
          const head = raw.head(HEAD_BYTES);
          row = parseRow(raw.r, head, this.keyReach);
          if (!row.stopped && raw.end - raw.start > HEAD_BYTES) row = parseRow(raw.r, raw.xml, this.keyReach);
        }
        if (this.sheetRows) {
          const at = this.sheetRows.push(raw.xml);
          rowAt[raw.r] = at.offset;
          rowLength[raw.r] = at.length;
        }
        if (raw.r === 1) {
          headerCells = this.cellsOf(row);
          const keyAt = indexColumns(schema, headerCells).positions;
          this.keyReach = Math.max(0, ...schema.key.map((k) => (keyAt.get(k) ?? -1) + 1));
          if (headerCells.some((c) => c !== null && c !== '')) this.lastDataRow = 1;
          continue;
        }
        // Only as many cells are decoded as it takes to know the row has a value (trimGrid) and is not blank
        // (decodeTable), and then the key's.
        let hasValue = false;
        let nonBlank = false;
        for (let whole = false; ; whole = true) {
          for (const c of row.cells) {
            const v = cellValue(c, this.book.reader);
            if (v === null || v === '') continue;
            hasValue = true;
            if (!isBlankCell(v)) {
              nonBlank = true;
              break;
            }
          }
          if (nonBlank || whole) break;
          row = parseRow(raw.r, raw.xml);
        }
        if (hasValue) this.lastDataRow = Math.max(this.lastDataRow, raw.r);
        if (!nonBlank) continue;
        this.existingRows++;
        this.existingRowSet?.add(raw.r);
        if (schema.key.length === 0) continue;
        keySpecs ??= (() => {
          const index = indexColumns(schema, headerCells);
          return schema.key.map((k) => ({ spec: this.specOf.get(k)!, pos: index.positions.get(k) }));
        })();
        const record: Record<string, FieldValue> = {};
        for (const { spec, pos } of keySpecs) {
          const raw = pos === undefined ? undefined : row.cells.find((c) => c.col === pos + 1);
          const cell = raw ? cellValue(raw, this.book.reader) : null;
          if (cell === null || cell === undefined) record[spec.name] = null;
          else {
            const d = decodeCell(spec, cell, null);
            record[spec.name] = d.ok ? d.value : null;
          }
        }
        const key = keyOf(schema, record, this.options.blankKeyParts);
        if (key !== null && !this.keys.has(key)) this.keys.set(key, raw.r);
      }
    }
    if (this.sheetRows) {
      this.sheetRowAt = Float64Array.from(rowAt, (v) => v ?? -1);
      this.sheetRowLength = Int32Array.from(rowLength, (v) => v ?? 0);
    }
    this.sheetEmpty = this.lastDataRow === 0;
    this.header = this.sheetEmpty ? templateHeaders(schema) : [...(trimGrid([headerCells])[0] ?? [])];
    if (this.sheetEmpty) this.header.forEach((h, i) => this.addedHeaders.set(i, String(h)));
    for (const [name, pos] of indexColumns(schema, this.header).positions) this.positions.set(name, pos);
  }

  /** TableEditor.position: a column the sheet lacks goes right of the header. */
  private position(name: string): number {
    const known = this.positions.get(name);
    if (known !== undefined) return known;
    const width = appendHeader(this.header, name);
    this.addedHeaders.set(width, name);
    this.positions.set(name, width);
    return width;
  }

  /** Pass F: the file, validated in chunks; good rows parked for the write. Returns a refusal, or null. */
  private async readFile(): Promise<ActionResult | null> {
    const { schema, source } = this;
    const input = await openTableFile(this.file, {
      encoding: this.options.encoding,
      sheet: this.options.sheet,
      preferSheet: schema.name,
      limits: this.options.limits,
    });
    this.updates = this.spool('updates');
    this.appends = this.spool('appends');
    this.appendXml = this.spool('append-xml');
    const maxRow = Math.max(this.lastRowSeen, 1) + 2;
    this.fileRowOf = new Int32Array(maxRow);
    this.updateAt = new Float64Array(maxRow).fill(-1);
    this.updateLength = new Int32Array(maxRow);
    this.kept = new Uint8Array(maxRow);
    const head: SheetRow[] = [];
    let header: Cell[] | null = null;
    let chunk: SheetRow[] = [];
    let seenFileRows = 0;
    const start = (): ActionResult | null => {
      const grid: Grid = [];
      for (const r of head) {
        while (grid.length < r.rowNumber - 1) grid.push([]);
        grid[r.rowNumber - 1] = r.cells;
      }
      const check = checkTableHeader(schema, grid, source);
      if (!check.ok) return refused(this.action, check.message);
      header = grid[check.headerIndex];
      const headerRowNumber = check.headerIndex + 1;
      this.columns = [...indexColumns(schema, header).positions.keys()];
      chunk = head.filter((r) => r.rowNumber > headerRowNumber);
      return null;
    };
    const flush = () => {
      if (!header || chunk.length === 0) return;
      const first = chunk[0].rowNumber;
      const grid: Grid = [header];
      for (const r of chunk) {
        while (grid.length < r.rowNumber - first + 1) grid.push([]);
        grid.push(r.cells);
      }
      const decoded = decodeTable(schema, grid, { source, firstRowNumber: first - 1 });
      const rowProblems = new Map<number, Problem[]>();
      for (const p of decoded.problems)
        if (p.row !== null) rowProblems.set(p.row, [...(rowProblems.get(p.row) ?? []), p]);
      for (const row of decoded.rows) {
        this.rowsRead++;
        const ps = rowProblems.get(row.rowNumber) ?? [];
        if (!row.valid || ps.length > 0) {
          this.problems.push(...ps);
          this.rejected++;
          continue;
        }
        this.take(row.record as Record<string, FieldValue>, row.rowNumber);
      }
      chunk = [];
      if ((++seenFileRows & 15) === 0) this.options.progress?.update(`Reading ${source}`, this.rowsRead, 0);
    };
    try {
      for await (const row of input.rows) {
        if (!header) {
          head.push(row);
          if (head.length < HEADER_SCAN_ROWS) continue;
          const refusal = start();
          if (refusal) return refusal;
          continue;
        }
        chunk.push(row);
        if (chunk.length >= CHUNK) flush();
      }
      if (!header) {
        if (head.length === 0)
          return refused(
            this.action,
            `${source} is empty: a ${schema.name} file starts with a header row (${schema.columns
              .slice(0, 4)
              .map((c) => c.name)
              .join(', ')}, …).`,
          );
        const refusal = start();
        if (refusal) return refusal;
      }
      flush();
    } finally {
      this.options.progress?.stop();
    }
    if (this.replacing && this.problems.length > 0) {
      const message = `${source}: ${this.rejected} row${this.rejected === 1 ? '' : 's'} could not be imported, so ${schema.name} was not replaced (nothing was written). Fix them and import again, or use --mode merge.`;
      return {
        ...refused(this.action, message),
        problems: this.problems,
        stats: { rowsRead: this.rowsRead, rejected: this.rejected },
      };
    }
    if (this.replacing) {
      // replaceRows: schema columns the file writes that the sheet lacks, in schema order.
      let width = this.header.length;
      while (width > 0 && isBlankCell(this.header[width - 1])) width--;
      if (!this.sheetEmpty) this.header.length = width;
      if (this.good > 0)
        for (const c of schema.columns)
          if (this.columns.includes(c.name) && !this.positions.has(c.name)) {
            this.addedHeaders.set(this.header.length, c.name);
            this.positions.set(c.name, this.header.length);
            this.header.push(c.name);
          }
      for (let r = 2; r <= this.lastRowSeen; r++) if (this.isExistingRow(r) && !this.kept[r]) this.removed++;
    }
    return null;
  }

  /** replace: rows that count as the sheet's (not blank), as replaceRows counts them. */
  private existingRowSet: Set<number> | null = null;
  private isExistingRow(r: number): boolean {
    return this.existingRowSet?.has(r) ?? false;
  }

  /** One good file row: the same decisions as importTable's loop. */
  private take(rec: Record<string, FieldValue>, fileRow: number): void {
    const { schema } = this;
    const key = keyOf(schema, rec, this.options.blankKeyParts);
    const known = key === null ? undefined : this.keys.get(key);
    if (schema.key.length > 0 && key !== null) {
      const earlier = known === undefined ? 0 : known < 0 ? -known : this.fileRowOf[known];
      if (earlier !== 0) {
        this.problems.push(
          problem(
            this.source,
            fileRow,
            schema.key[schema.key.length - 1],
            `duplicate ${schema.key.join(' + ')}: the same as row ${earlier}; this row was not imported`,
          ),
        );
        this.rejected++;
        return;
      }
      if (known === undefined) this.keys.set(key, -fileRow);
      else this.fileRowOf[known] = fileRow;
    }
    const existing = known === undefined || known < 0 || schema.key.length === 0 ? 0 : known;
    const columns = this.columns;
    const values: FieldValue[] = new Array<FieldValue>(columns.length);
    for (let i = 0; i < columns.length; i++) values[i] = rec[columns[i]] ?? null;
    this.good++;
    if (this.replacing) {
      if (existing) this.kept[existing] = 1;
      else this.added++;
      this.appends.push(JSON.stringify([existing, values]));
      return;
    }
    if (this.placed.length !== columns.length) this.placed = new Uint8Array(columns.length);
    if (!existing) {
      // TableEditor.append positions only the fields with a value (a column placed once stays placed).
      for (let i = 0; i < columns.length; i++)
        if (values[i] !== null && !this.placed[i]) {
          this.position(columns[i]);
          this.placed[i] = 1;
        }
      const r = this.firstAppendRow() + this.added;
      // Past the sheet's last row no existing row's cells are kept: the row's XML is final now.
      if (r > this.lastRowSeen) this.appendXml.push(newRowXml(r, this.appendChanges(values), this.ctx));
      else this.appends.push(JSON.stringify(values));
      this.added++;
      return;
    }
    // TableEditor.update positions every field it is given.
    this.keylessAt ??= columns.flatMap((c, i) => (schema.key.includes(c) ? [] : [i]));
    const keyless: FieldValue[] = new Array<FieldValue>(this.keylessAt.length);
    for (let k = 0; k < keyless.length; k++) {
      const i = this.keylessAt[k];
      if (!this.placed[i]) {
        this.position(columns[i]);
        this.placed[i] = 1;
      }
      keyless[k] = values[i];
    }
    const at = this.updates.push(JSON.stringify(keyless));
    this.updateAt[existing] = at.offset;
    this.updateLength[existing] = at.length;
  }

  /** Which of the file's columns have their place in the sheet (TableEditor.position done). */
  private placed = new Uint8Array(0);
  /** Indexes of the file's columns that are not the key's (the values of an update, in order). */
  private keylessAt: number[] | null = null;

  /** The new file: other parts copied, the table's sheet and the Log rewritten, styles extended if needed. */
  private async save(): Promise<void> {
    const target = this.options.writeCopyTo ? path.resolve(this.options.writeCopyTo) : this.book.file;
    const dir = path.dirname(target);
    const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
    let mode = 0o644;
    try {
      mode = (await fs.promises.stat(target)).mode & 0o777;
    } catch {
      // a new copy
    }
    const out = await fs.promises.open(tmp, 'wx', mode);
    const source = await fs.promises.open(this.book.file, 'r');
    let ok = false;
    try {
      const zip = new ZipRewriter(out, this.book.label);
      const special = new Set(
        [this.book.table.entry, this.book.log?.entry, this.book.stylesEntry, this.book.stringsEntry].filter(
          (e) => e !== undefined && e !== null,
        ),
      );
      // The calculation chain lists formula cells; a rewritten sheet may have fewer, and Excel repairs a book
      // whose chain is stale (it rebuilds a missing one silently), so it is left out, with its two references.
      const chain = this.book.entries.find((e) => e.name.toLowerCase() === 'xl/calcchain.xml');
      for (const entry of this.book.entries) {
        if (special.has(entry) || entry === chain) continue;
        const name = entry.name.toLowerCase();
        if (chain && (name === '[content_types].xml' || name === 'xl/_rels/workbook.xml.rels')) {
          const zipEntry = this.book.zip.find((e) => e.name === entry.name)!;
          const xml = (await readZipEntry(this.book.file, zipEntry)).toString('utf8');
          await zip.add(entry.name, [
            xml.replace(/<(?:[\w.-]+:)?(?:Override|Relationship)\b[^>]*calcChain\.xml"[^>]*\/>/gi, ''),
          ]);
        } else await zip.copy(source, entry);
      }
      this.options.progress?.phase(`Writing ${this.schema.name}`);
      await zip.add(this.book.table.entry.name, this.replacing ? this.rewriteReplace() : this.rewriteMerge());
      if (this.book.log) await zip.add(this.book.log.entry.name, await this.rewriteLog());
      if (this.book.stylesEntry) {
        if (this.book.styles.changed)
          await zip.add(this.book.stylesEntry.name, [this.book.styles.patchedXml()]);
        else await zip.copy(source, this.book.stylesEntry);
      }
      if (this.book.stringsEntry) {
        if (this.newStrings.length > 0) await zip.add(this.book.stringsEntry.name, this.sharedStringsXml());
        else await zip.copy(source, this.book.stringsEntry);
      }
      await zip.finish();
      await out.sync();
      ok = true;
    } finally {
      await source.close();
      await out.close();
      if (!ok) await fs.promises.rm(tmp, { force: true });
    }
    await renameIntoPlace(tmp, target, this.options.beforeRename);
  }

  /** The book's shared strings with this import's appended (count attributes dropped: they are optional). */
  private async *sharedStringsXml(): AsyncGenerator<string> {
    const decoder = new StringDecoder('utf8');
    let head = true;
    let carry = '';
    for await (const chunk of openZipEntry(this.book.file, this.book.stringsZip!) as AsyncIterable<Buffer>) {
      let text = carry + decoder.write(chunk);
      if (head) {
        const open = /<(?:[\w.-]+:)?sst\b[^>]*>/.exec(text);
        if (!open) {
          carry = text;
          continue;
        }
        text =
          text.slice(0, open.index) +
          open[0].replace(/\s(?:count|uniqueCount)="\d*"/g, '') +
          text.slice(open.index + open[0].length);
        head = false;
      }
      // Hold back the end, where the closing tag is — never between the two halves of a surrogate pair (each
      // piece is encoded to UTF-8 on its own: a split pair would become two U+FFFD).
      const cut = holdBackCut(text, 64);
      carry = text.slice(cut);
      yield text.slice(0, cut);
    }
    const text = carry + decoder.end();
    const close = text.lastIndexOf('</');
    const items = this.newStrings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join('');
    yield text.slice(0, close) + items + text.slice(close);
  }

  private dimension(head: string, lastRow: number): string {
    const width = Math.max(this.maxCol, this.header.length, 1);
    const ref = `A1:${columnLettersOf(width)}${Math.max(lastRow, 1)}`;
    return head.replace(/(<(?:[\w.-]+:)?dimension\b[^>]*?\sref=")[^"]*"/, `$1${ref}"`);
  }

  private headerChanges(): Map<number, CellChange> {
    const changes = new Map<number, CellChange>();
    for (const [pos, name] of this.addedHeaders) changes.set(pos + 1, { value: name });
    return changes;
  }

  /**
   * Merge: each existing row patched where the file changed it; new rows after the last row with a value.
   * The sheet is inflated again, but only rows the import writes or compares are decoded (their places are
   * known from the first pass): the bytes between them are copied as they are.
   */
  private async *rewriteMerge(): AsyncGenerator<Buffer> {
    const firstAppend = this.firstAppendRow();
    const lastAppend = firstAppend + this.added - 1;
    const appended = this.appends.lines();
    const reader = this.book.reader;
    const headerChanges = this.headerChanges();
    const newRow = (r: number, row: ParsedRow | null): string => {
      if (r === 1) return patchedRowXml(row, 1, headerChanges, this.ctx);
      const line = appended.next();
      if (line.done) throw new Error('appended rows ran out');
      return patchedRowXml(row, r, this.appendChanges(JSON.parse(line.value) as FieldValue[]), this.ctx);
    };
    /** The first row at or after `from` that the import adds or writes anew (header cells, appended rows). */
    const next = (from: number): number => {
      if (from <= 1 && headerChanges.size > 0) return 1;
      const r = Math.max(from, firstAppend);
      return r <= lastAppend ? r : Infinity;
    };
    const sink = new ByteSink();
    const source = (openZipEntry(this.book.file, this.book.table.zipEntry) as AsyncIterable<Buffer>)[
      Symbol.asyncIterator
    ]();
    /** Inflated bytes of the sheet [winStart, srcPos); those before `copied` are in the output already. */
    let win: Buffer = Buffer.alloc(0);
    let winStart = 0;
    let srcPos = 0;
    let copied = this.sheetHead.end;
    let sourceDone = false;
    /** Copies the sheet's bytes before `to` into the output (the part of them in the window). */
    const copyTo = (to: number) => {
      const upTo = Math.min(to, srcPos);
      if (upTo > copied) {
        sink.putBytes(win, copied - winStart, upTo - winStart);
        copied = upTo;
      }
    };
    /** One more inflated chunk in the window, with what is already copied dropped from it. */
    const pull = async (): Promise<void> => {
      const { value, done } = await source.next();
      if (done) {
        sourceDone = true;
        return;
      }
      const chunk = value as Buffer;
      const chunkStart = srcPos;
      srcPos += chunk.length;
      if (copied >= chunkStart) {
        win = chunk;
        winStart = chunkStart;
      } else {
        win = Buffer.concat([win.subarray(copied - winStart), chunk]);
        winStart = copied;
      }
    };
    const rows = this.rowIndex;
    const orphans = this.ctx.orphanedFormulas;
    sink.put(this.dimension(this.sheetHead.xml, Math.max(this.lastRowSeen, lastAppend)));
    let cursor = next(1);
    const total = this.lastRowSeen + this.added;
    try {
      for (let i = 0; i < rows.length; i++) {
        const r = rows.r[i];
        const at = r < this.updateAt.length ? this.updateAt[r] : -1;
        // Rows the import neither writes nor compares are copied with the bytes around them.
        if (cursor > r && at < 0 && orphans.size === 0) continue;
        const start = rows.start[i];
        const end = rows.end[i];
        while (srcPos < end) {
          copyTo(start);
          for (const b of sink.take()) yield b;
          await pull();
          if (sourceDone)
            throw new StreamImportError(
              `${this.book.label}: sheet ${this.book.table.name} changed while it was read.`,
            );
        }
        copyTo(start);
        const text = () => win.toString('utf8', start - winStart, end - winStart);
        for (; cursor < r; cursor = next(cursor + 1)) sink.put(newRow(cursor, null));
        let replacement: string | null = null;
        if (cursor === r) {
          replacement = newRow(r, parseRow(r, text()));
          cursor = next(cursor + 1);
        } else if (at >= 0) {
          const row = parseRow(r, text());
          const values = JSON.parse(this.updates.at(at, this.updateLength[r])) as FieldValue[];
          const changes = this.updateChanges(row, values, reader);
          if (changes.size === 0) this.unchanged++;
          else this.updated++;
          if (changes.size > 0 || (orphans.size > 0 && mayUseOrphanedFormula(text(), this.ctx)))
            replacement = patchedRowXml(row, r, changes, this.ctx, (c) => cellValue(c, reader));
        } else if (orphans.size > 0 && win.indexOf('t="shared"', start - winStart) >= 0) {
          const xml = text();
          if (mayUseOrphanedFormula(xml, this.ctx))
            replacement = patchedRowXml(parseRow(r, xml), r, new Map(), this.ctx, (c) =>
              cellValue(c, reader),
            );
        }
        if (replacement !== null) {
          sink.put(replacement);
          copied = end;
        }
        if ((i & 4095) === 0) this.options.progress?.update(`Writing ${this.schema.name}`, i, total);
        if (sink.full) for (const b of sink.take()) yield b;
      }
      // The rest of the rows, up to </sheetData>.
      for (;;) {
        copyTo(this.sheetTail.start);
        for (const b of sink.take()) yield b;
        if (copied >= this.sheetTail.start) break;
        await pull();
        if (sourceDone)
          throw new StreamImportError(
            `${this.book.label}: sheet ${this.book.table.name} changed while it was read.`,
          );
      }
    } finally {
      await source.return?.();
    }
    // New rows: within the sheet's rows (the header, appends over rows without values) one by one, past them
    // the XML parked while the file was read.
    for (; cursor !== Infinity && (cursor === 1 || cursor <= this.lastRowSeen); cursor = next(cursor + 1)) {
      sink.put(newRow(cursor, null));
      if (sink.full) for (const b of sink.take()) yield b;
    }
    if (cursor !== Infinity) {
      for (const b of sink.take(true)) yield b;
      let written = 0;
      for (const block of this.appendXml.bytes()) {
        yield block;
        written += block.length;
        const share = written / Math.max(1, this.appendXml.size);
        this.options.progress?.update(
          `Writing ${this.schema.name}`,
          rows.length + Math.round(share * this.added),
          total,
        );
      }
    }
    sink.put(this.sheetTail.xml);
    for (const b of sink.take(true)) yield b;
  }

  /** Per file column: its spec, sheet column (0 until the column has a place), format, where its currency is. */
  private plan:
    { name: string; spec: ColumnSpec; col: number; format: CellFormat; currencyAt: number }[] | null = null;

  private appendChanges(values: readonly FieldValue[]): Map<number, CellChange> {
    this.plan ??= this.columns.map((name) => {
      const spec = this.specOf.get(name)!;
      return {
        name,
        spec,
        col: 0,
        format: formatForSpec(spec),
        currencyAt: this.columns.indexOf(spec.currencyColumn ?? 'currency'),
      };
    });
    const changes = new Map<number, CellChange>();
    for (let i = 0; i < this.plan.length; i++) {
      const value = values[i];
      if (value === null) continue;
      const p = this.plan[i];
      // A value's column was placed before the row was taken (TableEditor.append).
      p.col ||= this.positions.get(p.name)! + 1;
      const c = p.currencyAt < 0 ? null : values[p.currencyAt];
      changes.set(p.col, {
        value: encodeCell(p.spec, value, typeof c === 'string' ? c : null),
        format: p.format,
      });
    }
    return changes;
  }

  /** Per keyless file column (the order of an update's values): spec, sheet column, format, currency. */
  private updatePlan:
    | {
        spec: ColumnSpec;
        col: number;
        format: CellFormat;
        /** Index of the currency among the values, or -1. */
        currencyAt: number;
        /** Sheet column of the currency (0: none). */
        currencyCol: number;
      }[]
    | null = null;

  /** TableEditor.update on one row: only fields whose decoded value differs are written. */
  private updateChanges(
    row: ParsedRow,
    values: readonly FieldValue[],
    reader: CellReader,
  ): Map<number, CellChange> {
    this.updatePlan ??= (() => {
      const names = this.columns.filter((c) => !this.schema.key.includes(c));
      return names.map((name) => {
        const spec = this.specOf.get(name)!;
        const column = spec.currencyColumn ?? 'currency';
        const pos = this.positions.get(column);
        return {
          spec,
          col: this.positions.get(name)! + 1,
          format: formatForSpec(spec),
          currencyAt: names.indexOf(column),
          currencyCol: pos === undefined ? 0 : pos + 1,
        };
      });
    })();
    const byCol: (RawCell | undefined)[] = [];
    for (const c of row.cells) byCol[c.col] = c;
    const changes = new Map<number, CellChange>();
    const current = (col: number): Cell | undefined => {
      const changed = changes.get(col);
      if (changed) return changed.value;
      const raw = byCol[col];
      return raw ? cellValue(raw, reader) : undefined;
    };
    const plan = this.updatePlan;
    for (let i = 0; i < plan.length; i++) {
      const p = plan[i];
      const value = values[i];
      let currency: string | null;
      const given = p.currencyAt < 0 ? undefined : values[p.currencyAt];
      if (typeof given === 'string') currency = given;
      else {
        const c = p.currencyCol === 0 ? null : current(p.currencyCol);
        currency = typeof c === 'string' ? c : null;
      }
      const cell = current(p.col) ?? null;
      const encoded = encodeCell(p.spec, value, currency);
      // The cell already holds what would be written: unchanged (decoding the encoded value gives the value
      // back; the round-trip property tests hold every column type to that), without decoding the cell.
      if (encoded !== null && cell === encoded) continue;
      const decoded = decodeCell(p.spec, cell, currency);
      if (decoded.ok && decoded.value === (value ?? null)) continue;
      changes.set(p.col, { value: encoded, format: p.format });
    }
    return changes;
  }

  /** Replace: the header, then the file's rows in its order, each on top of the sheet row with its key. */
  private async *rewriteReplace(): AsyncGenerator<string> {
    const reader = this.book.reader;
    const rows = this.appends.lines();
    const formats = this.header.map((_, c) => {
      const name = [...this.positions].find(([, p]) => p === c)?.[0];
      const spec = name === undefined ? undefined : this.specOf.get(name);
      return spec ? formatForSpec(spec) : 'general';
    });
    for await (const piece of scanSheet(
      openZipEntry(this.book.file, this.book.table.zipEntry),
      this.book.label,
    )) {
      if (piece.kind === 'head') {
        yield this.dimension(piece.xml, 1 + this.good);
        continue;
      }
      if (piece.kind === 'rows') continue;
      // The header row as it was, with the added header cells.
      const headerRaw = this.sheetRowXml(1);
      let out = patchedRowXml(headerRaw ? parseRow(1, headerRaw) : null, 1, this.headerChanges(), this.ctx);
      let r = 2;
      for (const line of rows) {
        const [existing, values] = JSON.parse(line) as [number, FieldValue[]];
        const baseXml = existing ? this.sheetRowXml(existing) : null;
        const base = baseXml ? parseRow(existing, baseXml) : null;
        const fields: Record<string, FieldValue> = {};
        this.columns.forEach((c, i) => {
          if (existing || values[i] !== null) fields[c] = values[i];
        });
        const byCol = new Map((base?.cells ?? []).map((c) => [c.col, c]));
        const changes = new Map<number, CellChange>();
        const current = (col: number): Cell => {
          const changed = changes.get(col);
          if (changed) return changed.value;
          const raw = byCol.get(col);
          return raw ? cellValue(raw, reader) : null;
        };
        let changed = false;
        for (const [name, value] of Object.entries(fields)) {
          const spec = this.specOf.get(name);
          const pos = this.positions.get(name);
          if (!spec || pos === undefined) continue;
          const column = spec.currencyColumn ?? 'currency';
          const field = fields[column];
          let currency: string | null = typeof field === 'string' ? field : null;
          if (currency === null) {
            const cp = this.positions.get(column);
            const c = cp === undefined ? null : current(cp + 1);
            currency = typeof c === 'string' ? c : null;
          }
          const cur = decodeCell(spec, current(pos + 1), currency);
          if (cur.ok && cur.value === (value ?? null)) continue;
          changes.set(pos + 1, { value: encodeCell(spec, value, currency), format: formats[pos] });
          changed = true;
        }
        if (existing) {
          if (changed) this.updated++;
          else this.unchanged++;
        }
        // Replace writes values, as the whole-workbook path does (and no shared formula loses its master).
        out += patchedRowXml(base, r, changes, this.ctx, (c) => cellValue(c, reader), true);
        r++;
        if (out.length > 1 << 20) {
          yield out;
          out = '';
          this.options.progress?.update(`Writing ${this.schema.name}`, r, this.good);
        }
      }
      yield out + piece.xml;
    }
  }

  private sheetRowXml(r: number): string | null {
    if (!this.sheetRows || r >= this.sheetRowAt.length || this.sheetRowAt[r] < 0) return null;
    return this.sheetRows.at(this.sheetRowAt[r], this.sheetRowLength[r]);
  }

  /** The Log sheet (small) read, its editor's append applied to its XML. */
  private async rewriteLog(): Promise<string[]> {
    const log = this.book.log!;
    const pieces: { kind: string; xml?: string; rows?: readonly { r: number; xml: string }[] }[] = [];
    const grid: Cell[][] = [];
    for await (const piece of scanSheet(openZipEntry(this.book.file, log.zipEntry), this.book.label)) {
      pieces.push(piece);
      if (piece.kind === 'rows')
        for (const raw of piece.rows) {
          while (grid.length < raw.r - 1) grid.push([]);
          grid[raw.r - 1] = this.cellsOf(parseRow(raw.r, raw.xml));
        }
    }
    const editor = logEditor(trimGrid(grid));
    editor.append(
      logEntry(
        this.action,
        this.context,
        {
          source: this.source,
          rowsRead: this.rowsRead,
          rowsChanged: this.added + this.updated + this.removed,
          summary: this.summary(),
        },
        this.problems,
      ),
    );
    return applySheetWrite(pieces, editor.toWrite(), this.ctx);
  }
}

/** A Workbook SheetWrite's blocks applied to a scanned sheet (rows patched or added in order). */
function applySheetWrite(
  pieces: readonly { kind: string; xml?: string; rows?: readonly { r: number; xml: string }[] }[],
  write: SheetWrite,
  ctx: WriteContext,
): string[] {
  const byRow = new Map<number, Map<number, CellChange>>();
  for (const block of write.blocks)
    block.values.forEach((values, i) => {
      const r = block.row + i;
      let m = byRow.get(r);
      if (!m) byRow.set(r, (m = new Map()));
      values.forEach((value, c) => m!.set(block.col + c, { value, format: block.formats?.[c] }));
    });
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  const out: string[] = [];
  const emitBefore = (r: number) => {
    while (pending.length > 0 && pending[0] < r) {
      const n = pending.shift()!;
      out.push(patchedRowXml(null, n, byRow.get(n)!, ctx));
    }
  };
  for (const piece of pieces) {
    if (piece.kind === 'head') out.push(piece.xml!);
    else if (piece.kind === 'tail') {
      emitBefore(Infinity);
      out.push(piece.xml!);
    } else
      for (const raw of piece.rows!) {
        emitBefore(raw.r);
        const changes = byRow.get(raw.r);
        if (!changes) out.push(raw.xml);
        else {
          if (pending[0] === raw.r) pending.shift();
          out.push(patchedRowXml(parseRow(raw.r, raw.xml), raw.r, changes, ctx));
        }
      }
  }
  return out;
}

/** Where to cut `text` to keep about its last `n` code units back, without splitting a surrogate pair. */
export function holdBackCut(text: string, n: number): number {
  const cut = Math.max(0, text.length - n);
  const before = text.charCodeAt(cut - 1);
  return cut > 0 && before >= 0xd800 && before <= 0xdbff ? cut - 1 : cut;
}

function columnLettersOf(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
