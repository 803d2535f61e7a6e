/**
 * A fake of SpreadsheetApp that behaves like Google's where Shipsheet depends on it: 1-based ranges with
 * Google's errors for ranges off the sheet and for values that are not the range's shape, getDataRange and
 * getLastRow over the used area, the way setValues parses text (numbers, booleans, dates in the sheet's time
 * zone, formulas, the apostrophe text mark, plain-text '@' cells), number formats, data validation, frozen
 * rows, sheets' row limits, toasts, alerts, menus, sidebars and dialogs. It stands in for Google's servers
 * only: the add-on code runs as shipped. Every call is counted.
 */
import type { CallLog } from './calls';
import { tracked } from './calls';
import { zonedInstant } from './zonedTime';
import type { FakeChart } from './charts';
import { chartApi } from './charts';

export type Value = string | number | boolean | Date;

/** The realm the script runs in: Dates handed to it must be its own (instanceof Date works there). */
export interface Realm {
  readonly Date: DateConstructor;
}

export class GoogleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export interface DataValidation {
  getCriteriaType(): string;
  getCriteriaValues(): unknown[];
  getAllowInvalid(): boolean;
  getHelpText(): string | null;
}

class ValidationBuilder {
  private values: string[] = [];
  private dropdown = true;
  private allowInvalid = true;
  private help: string | null = null;
  private type = 'NONE';
  requireValueInList(values: string[], showDropdown?: boolean): this {
    if (!Array.isArray(values))
      throw new GoogleError(
        "The parameters (String) don't match the method signature for DataValidationBuilder.requireValueInList.",
      );
    this.type = 'VALUE_IN_LIST';
    this.values = [...values];
    this.dropdown = showDropdown ?? true;
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.help = text;
    return this;
  }
  build(): DataValidation {
    const { type, values, dropdown, allowInvalid, help } = this;
    return {
      getCriteriaType: () => type,
      getCriteriaValues: () => [values, dropdown],
      getAllowInvalid: () => allowInvalid,
      getHelpText: () => help,
    };
  }
}

interface CellState {
  value: Value | '';
  formula?: string;
  format?: string;
  validation?: DataValidation;
  bold?: boolean;
}

const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[-+]?\d+)?$/i;
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export class FakeSheet {
  cells: CellState[][] = [];
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  /** Embedded charts on the sheet. */
  charts: FakeChart[] = [];
  /** Columns (1-based) a spreadsheet owner protected: scripts of other users cannot change them. */
  readonly protectedColumns = new Set<number>();
  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  cell(r: number, c: number): CellState {
    let row = this.cells[r];
    if (!row) row = this.cells[r] = [];
    return (row[c] ??= { value: '' });
  }

  peek(r: number, c: number): CellState | undefined {
    return this.cells[r]?.[c];
  }

  lastRow(): number {
    for (let r = Math.min(this.cells.length, this.maxRows) - 1; r >= 0; r--)
      if (this.cells[r]?.some((c) => c && (c.value !== '' || c.formula))) return r + 1;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.cells.slice(0, this.maxRows))
      if (row)
        for (let c = Math.min(row.length, this.maxCols) - 1; c >= last; c--)
          if (row[c] && (row[c].value !== '' || row[c].formula)) last = c + 1;
    return last;
  }

  /** What Sheets stores when a script writes this value (setValues parses text like typing does). */
  store(r: number, c: number, v: unknown): void {
    const cell = this.cell(r, c);
    delete cell.formula;
    if (v === null || v === undefined || v === '') {
      cell.value = '';
      return;
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      if (typeof v === 'number' && !Number.isFinite(v))
        throw new GoogleError('Invalid argument: a number must be finite');
      cell.value = v;
      return;
    }
    if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
      cell.value = new this.book.realm.Date((v as Date).getTime());
      return;
    }
    if (typeof v !== 'string')
      throw new GoogleError(
        `The parameters (${typeof v}) don't match the method signature for Range.setValues.`,
      );
    if (v.startsWith("'")) {
      cell.value = v.slice(1);
      return;
    }
    if (v.startsWith('=')) {
      cell.formula = v;
      cell.value = '#ERROR!';
      return;
    }
    if (cell.format === '@') {
      cell.value = v;
      return;
    }
    cell.value = this.parseTyped(v);
  }

  private parseTyped(v: string): Value {
    const t = v.trim();
    if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
    const plain = t.replace(/^[$€£]/, '').replace(/^([-+])[$€£]/, '$1');
    if (plain !== '' && /\d/.test(plain) && NUMBER.test(plain)) return Number(plain.replace(/,/g, ''));
    if (/^[-+]?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
    const d = DATE.exec(t);
    const tz = this.book.timeZone;
    if (d) {
      const [y, mo, day, h, mi, s] = [d[1], d[2], d[3], d[4] ?? '0', d[5] ?? '0', d[6] ?? '0'].map(Number);
      if (mo >= 1 && mo <= 12 && day >= 1 && day <= 31)
        return new this.book.realm.Date(zonedInstant(y, mo, day, h, mi, s, tz));
    }
    const us = US_DATE.exec(t);
    if (us && this.book.locale === 'en_US') {
      const [mo, day, y] = [us[1], us[2], us[3]].map(Number);
      if (mo >= 1 && mo <= 12 && day >= 1 && day <= 31)
        return new this.book.realm.Date(zonedInstant(y, mo, day, 0, 0, 0, tz));
    }
    return v;
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  getA1Notation(): string {
    const col = (n: number): string =>
      n <= 0 ? '' : col(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
    const a = `${col(this.col)}${this.row}`;
    return this.numRows === 1 && this.numCols === 1
      ? a
      : `${a}:${col(this.getLastColumn())}${this.getLastRow()}`;
  }

  private each<T>(f: (cell: CellState | undefined, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.numCols; c++)
        row.push(f(this.sheet.peek(this.row - 1 + r, this.col - 1 + c), this.row - 1 + r, this.col - 1 + c));
      out.push(row);
    }
    return out;
  }

  getValues(): Value[][] {
    const D = this.sheet.book.realm.Date;
    return this.each((cell) => {
      const v = cell?.value ?? '';
      return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]'
        ? new D((v as Date).getTime())
        : v;
    });
  }

  getValue(): Value {
    return this.getValues()[0][0];
  }

  private checkShape(data: unknown, what: string): unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r)))
      throw new GoogleError(
        `The parameters (${Array.isArray(data) ? 'number[]' : typeof data}) don't match the method signature for Range.${what}.`,
      );
    const rows = data as unknown[][];
    if (rows.length !== this.numRows)
      throw new GoogleError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.numRows}.`,
      );
    for (const r of rows)
      if (r.length !== this.numCols)
        throw new GoogleError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.numCols}.`,
        );
    return rows;
  }

  private checkProtection(): void {
    for (let c = this.col; c < this.col + this.numCols; c++)
      if (this.sheet.protectedColumns.has(c))
        throw new GoogleError(
          'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
        );
  }

  setValues(data: unknown): this {
    this.checkProtection();
    const rows = this.checkShape(data, 'setValues');
    rows.forEach((row, r) => row.forEach((v, c) => this.sheet.store(this.row - 1 + r, this.col - 1 + c, v)));
    return this;
  }

  setValue(v: unknown): this {
    return this.setValues(Array.from({ length: this.numRows }, () => new Array(this.numCols).fill(v)));
  }

  clearContent(): this {
    this.checkProtection();
    this.each((_, r, c) => {
      const cell = this.sheet.peek(r, c);
      if (cell) {
        cell.value = '';
        delete cell.formula;
      }
    });
    return this;
  }

  setNumberFormat(pattern: string): this {
    if (typeof pattern !== 'string')
      throw new GoogleError("The parameters don't match the method signature for Range.setNumberFormat.");
    this.each((_, r, c) => (this.sheet.cell(r, c).format = pattern));
    return this;
  }

  setNumberFormats(patterns: unknown): this {
    const rows = this.checkShape(patterns, 'setNumberFormats') as string[][];
    rows.forEach((row, r) =>
      row.forEach((p, c) => (this.sheet.cell(this.row - 1 + r, this.col - 1 + c).format = p)),
    );
    return this;
  }

  getNumberFormats(): string[][] {
    return this.each((cell) => cell?.format ?? 'General');
  }

  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }

  setDataValidation(rule: DataValidation | null): this {
    this.each((_, r, c) => {
      const cell = this.sheet.cell(r, c);
      if (rule) cell.validation = rule;
      else delete cell.validation;
    });
    return this;
  }

  setDataValidations(rules: unknown): this {
    const rows = this.checkShape(rules, 'setDataValidations') as (DataValidation | null)[][];
    rows.forEach((row, r) =>
      row.forEach((rule, c) => {
        const cell = this.sheet.cell(this.row - 1 + r, this.col - 1 + c);
        if (rule) cell.validation = rule;
        else delete cell.validation;
      }),
    );
    return this;
  }

  getDataValidations(): (DataValidation | null)[][] {
    return this.each((cell) => cell?.validation ?? null);
  }

  getDataValidation(): DataValidation | null {
    return this.sheet.peek(this.row - 1, this.col - 1)?.validation ?? null;
  }

  setFontWeight(weight: string): this {
    this.each((_, r, c) => (this.sheet.cell(r, c).bold = weight === 'bold'));
    return this;
  }

  getFontWeight(): string {
    return this.sheet.peek(this.row - 1, this.col - 1)?.bold ? 'bold' : 'normal';
  }

  getFormulas(): string[][] {
    return this.each((cell) => cell?.formula ?? '');
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  timeZone = 'America/Los_Angeles';
  locale = 'en_US';
  activeSheet: FakeSheet | null = null;
  /** The selected ranges (the first is the active range) and the current cell. */
  selection: FakeRange[] = [];
  current: FakeRange | null = null;
  toasts: { message: string; title: string }[] = [];
  private nextSheetId = 0;

  constructor(
    readonly app: FakeSpreadsheetApp,
    readonly id: string,
    public name: string,
    readonly realm: Realm,
  ) {
    this.addSheet('Sheet1');
  }

  addSheet(name: string, index?: number): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new GoogleError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const s = new FakeSheet(this, name, this.nextSheetId++);
    this.sheets.splice(index ?? this.sheets.length, 0, s);
    this.activeSheet ??= s;
    return s;
  }

  /** Test setup: a sheet holding these values exactly as stored (as if typed as text where they are text). */
  seed(name: string, grid: readonly (readonly (Value | null)[])[]): FakeSheet {
    const s = this.sheets.find((x) => x.name === name) ?? this.addSheet(name);
    s.cells = [];
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '')
          s.cell(r, c).value = v instanceof Date ? new this.realm.Date(v.getTime()) : v;
      }),
    );
    s.maxRows = Math.max(s.maxRows, grid.length);
    s.maxCols = Math.max(s.maxCols, ...grid.map((r) => r.length));
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Test setup: the seller selects ranges ("A5:C9") on a sheet. */
  select(sheetName: string, ...a1: string[]): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    this.activeSheet = sheet;
    this.selection = a1.map((a) => parseA1(sheet, a));
    this.current = this.selection[0]
      ? new FakeRange(sheet, this.selection[0].row, this.selection[0].col, 1, 1)
      : null;
  }

  /** The values of a sheet as getValues would show them, trimmed to the used area (for assertions). */
  values(name: string): Value[][] {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const rows = s.lastRow();
    const cols = s.lastColumn();
    if (rows === 0) return [];
    return new FakeRange(s, 1, 1, rows, cols).getValues();
  }
}

function parseA1(sheet: FakeSheet, a1: string): FakeRange {
  const m = /^([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$/.exec(a1);
  if (!m) throw new Error(`bad A1 ${a1}`);
  const colOf = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (!a1.includes(':')) return new FakeRange(sheet, Number(m[2]), colOf(m[1]), 1, 1);
  const c1 = m[1] ? colOf(m[1]) : 1;
  const r1 = m[2] ? Number(m[2]) : 1;
  const c2 = m[3] ? colOf(m[3]) : sheet.maxCols;
  const r2 = m[4] ? Number(m[4]) : sheet.maxRows;
  return new FakeRange(sheet, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
}

export interface UiEvent {
  readonly kind: 'alert' | 'sidebar' | 'dialog' | 'menu';
  readonly title: string;
  readonly body: string;
  readonly items?: { label: string; handler: string }[];
  /** An alert's button set when it asked a question (YES_NO, OK_CANCEL, …). */
  readonly buttons?: string;
}

export class FakeSpreadsheetApp {
  readonly books = new Map<string, FakeSpreadsheet>();
  active: FakeSpreadsheet | null = null;
  readonly ui: UiEvent[] = [];
  /** What the seller answers the next Yes/No alerts (YES, NO, CANCEL, CLOSE), in order. */
  readonly answers: string[] = [];
  /** Set when the current execution has no UI (a trigger): getUi() throws as in Apps Script. */
  noUi = false;
  /** Set when the script may only open its own spreadsheet (spreadsheets.currentonly). */
  currentOnly = false;

  constructor(
    private readonly calls: CallLog,
    readonly realm: Realm,
  ) {}

  create(name = 'Shipsheet test', id = `sheet-${this.books.size + 1}`): FakeSpreadsheet {
    const b = new FakeSpreadsheet(this, id, name, this.realm);
    this.books.set(id, b);
    this.active ??= b;
    return b;
  }

  /** The object handed to the script as the SpreadsheetApp global. */
  global(): object {
    const calls = this.calls;
    const S = 'SpreadsheetApp';
    const wrapRange = (r: FakeRange): object =>
      tracked(new RangeApi(r, wrapRange, wrapSheet), calls, S, 'Range');
    const wrapSheet = (s: FakeSheet): object =>
      tracked(
        Object.assign(
          new SheetApi(s, wrapRange),
          chartApi(s, calls, (r) => (r as RangeApi)._r),
        ),
        calls,
        S,
        'Sheet',
      );
    const wrapBook = (b: FakeSpreadsheet): object =>
      tracked(new SpreadsheetApi(b, wrapSheet, wrapRange, calls), calls, S, 'Spreadsheet');
    const app = {
      getActiveSpreadsheet: () => (this.active ? wrapBook(this.active) : null),
      getActive: () => (this.active ? wrapBook(this.active) : null),
      openById: (id: string) => {
        if (this.currentOnly && this.active?.id !== id)
          throw new GoogleError(
            'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
          );
        const b = this.books.get(id);
        if (!b)
          throw new GoogleError(
            'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
          );
        return wrapBook(b);
      },
      getUi: () => {
        if (this.noUi) throw new GoogleError('Cannot call SpreadsheetApp.getUi() from this context.');
        return tracked(new UiApi(this.ui, this.answers), calls, S, 'Ui');
      },
      newDataValidation: () => new ValidationBuilder(),
      flush: () => undefined,
    };
    return tracked(app, calls, S, 'SpreadsheetApp');
  }
}

class RangeApi {
  constructor(
    readonly _r: FakeRange,
    private readonly _wrapRange: (r: FakeRange) => object,
    private readonly _wrapSheet: (s: FakeSheet) => object,
  ) {}
  getValues = () => this._r.getValues();
  getValue = () => this._r.getValue();
  setValues = (v: unknown) => (this._r.setValues(v), this._wrapRange(this._r));
  setValue = (v: unknown) => (this._r.setValue(v), this._wrapRange(this._r));
  clearContent = () => (this._r.clearContent(), this._wrapRange(this._r));
  setNumberFormat = (p: string) => (this._r.setNumberFormat(p), this._wrapRange(this._r));
  setNumberFormats = (p: unknown) => (this._r.setNumberFormats(p), this._wrapRange(this._r));
  getNumberFormats = () => this._r.getNumberFormats();
  getNumberFormat = () => this._r.getNumberFormat();
  setDataValidation = (d: DataValidation | null) => (this._r.setDataValidation(d), this._wrapRange(this._r));
  getDataValidation = () => this._r.getDataValidation();
  setDataValidations = (d: unknown) => (this._r.setDataValidations(d), this._wrapRange(this._r));
  getDataValidations = () => this._r.getDataValidations();
  setFontWeight = (w: string) => (this._r.setFontWeight(w), this._wrapRange(this._r));
  getRow = () => this._r.getRow();
  getColumn = () => this._r.getColumn();
  getNumRows = () => this._r.getNumRows();
  getNumColumns = () => this._r.getNumColumns();
  getLastRow = () => this._r.getLastRow();
  getLastColumn = () => this._r.getLastColumn();
  getA1Notation = () => this._r.getA1Notation();
  getSheet = () => this._wrapSheet(this._r.sheet);
}

class SheetApi {
  constructor(
    readonly _s: FakeSheet,
    private readonly _wrapRange: (r: FakeRange) => object,
  ) {}
  getName = () => this._s.name;
  setName = (n: string) => ((this._s.name = n), this);
  getSheetId = () => this._s.id;
  getMaxRows = () => this._s.maxRows;
  getMaxColumns = () => this._s.maxCols;
  getLastRow = () => this._s.lastRow();
  getLastColumn = () => this._s.lastColumn();
  getFrozenRows = () => this._s.frozenRows;
  setFrozenRows = (n: number) => {
    if (n >= this._s.maxRows)
      throw new GoogleError('Sorry, it is not possible to freeze all the rows of a sheet.');
    this._s.frozenRows = n;
  };
  getDataRange = () =>
    this._wrapRange(
      new FakeRange(this._s, 1, 1, Math.max(1, this._s.lastRow()), Math.max(1, this._s.lastColumn())),
    );
  getRange = (row: unknown, col?: unknown, numRows?: unknown, numCols?: unknown) => {
    if (typeof row === 'string') return this._wrapRange(parseA1(this._s, row));
    const [r, c, nr, nc] = [row, col ?? 1, numRows ?? 1, numCols ?? 1].map(Number);
    if ([r, c, nr, nc].some((n) => !Number.isInteger(n)))
      throw new GoogleError("The parameters don't match the method signature for Sheet.getRange.");
    if (r < 1) throw new GoogleError('The starting row of the range is too small.');
    if (c < 1) throw new GoogleError('The starting column of the range is too small.');
    if (nr < 1) throw new GoogleError('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new GoogleError('The number of columns in the range must be at least 1.');
    if (r + nr - 1 > this._s.maxRows || c + nc - 1 > this._s.maxCols)
      throw new GoogleError('The coordinates of the range are outside the dimensions of the sheet.');
    return this._wrapRange(new FakeRange(this._s, r, c, nr, nc));
  };
  insertRowsAfter = (after: number, howMany: number) => {
    if (after < 1 || after > this._s.maxRows || howMany < 1)
      throw new GoogleError('Those rows are out of bounds.');
    // New rows take the formatting (and drop-downs) of the row above them, as in Sheets.
    const above = this._s.cells[after - 1] ?? [];
    const fresh = () =>
      above.map((c) =>
        c ? { value: '' as const, format: c.format, validation: c.validation, bold: c.bold } : c,
      );
    if (this._s.cells.length > after)
      this._s.cells.splice(after, 0, ...Array.from({ length: howMany }, fresh));
    else if (above.length > 0) for (let i = 0; i < howMany; i++) this._s.cells[after + i] = fresh();
    this._s.maxRows += howMany;
    return this;
  };
  insertColumnsAfter = (after: number, howMany: number) => {
    if (after < 1 || after > this._s.maxCols || howMany < 1)
      throw new GoogleError('Those columns are out of bounds.');
    for (const row of this._s.cells)
      if (row && row.length > after) row.splice(after, 0, ...new Array(howMany));
    this._s.maxCols += howMany;
    return this;
  };
  deleteColumns = (position: number, howMany: number) => {
    if (position < 1 || howMany < 1 || position + howMany - 1 > this._s.maxCols)
      throw new GoogleError('Those columns are out of bounds.');
    if (howMany >= this._s.maxCols) throw new GoogleError('Sorry, it is not possible to delete all columns.');
    for (const row of this._s.cells) if (row) row.splice(position - 1, howMany);
    this._s.maxCols -= howMany;
  };
  deleteRows = (position: number, howMany: number) => {
    if (position < 1 || howMany < 1 || position + howMany - 1 > this._s.maxRows)
      throw new GoogleError('Those rows are out of bounds.');
    if (this._s.maxRows - howMany <= this._s.frozenRows)
      throw new GoogleError('Sorry, it is not possible to delete all non-frozen rows.');
    this._s.cells.splice(position - 1, howMany);
    this._s.maxRows -= howMany;
  };
  clearContents = () => {
    for (const row of this._s.cells)
      if (row)
        for (const cell of row)
          if (cell) {
            cell.value = '';
            delete cell.formula;
          }
    return this;
  };
  clear = () => {
    this._s.cells = [];
    return this;
  };
  activate = () => {
    this._s.book.activeSheet = this._s;
    return this;
  };
}

class SpreadsheetApi {
  constructor(
    readonly _b: FakeSpreadsheet,
    private readonly _wrapSheet: (s: FakeSheet) => object,
    private readonly _wrapRange: (r: FakeRange) => object,
    private readonly _calls: CallLog,
  ) {}
  getId = () => this._b.id;
  getName = () => this._b.name;
  getUrl = () => `https://docs.google.com/spreadsheets/d/${this._b.id}/edit`;
  getSpreadsheetTimeZone = () => this._b.timeZone;
  getSpreadsheetLocale = () => this._b.locale;
  getSheets = () => this._b.sheets.map((s) => this._wrapSheet(s));
  getNumSheets = () => this._b.sheets.length;
  getSheetByName = (name: string) => {
    const s = this._b.sheets.find((x) => x.name === name);
    return s ? this._wrapSheet(s) : null;
  };
  insertSheet = (name?: string, index?: number) => {
    if (index !== undefined && (index < 0 || index > this._b.sheets.length))
      throw new GoogleError('Those sheet indices are out of bounds.');
    const s = this._b.addSheet(name ?? `Sheet${this._b.sheets.length + 1}`, index);
    this._b.activeSheet = s;
    return this._wrapSheet(s);
  };
  deleteSheet = (sheet: { _s?: FakeSheet }) => {
    const i = this._b.sheets.findIndex((s) => s === (sheet as SheetApi)._s);
    if (this._b.sheets.length === 1) throw new GoogleError("You can't remove all the sheets in a document.");
    this._b.sheets.splice(i, 1);
  };
  getActiveSheet = () => this._wrapSheet(this._b.activeSheet ?? this._b.sheets[0]);
  getActiveRange = () => (this._b.selection[0] ? this._wrapRange(this._b.selection[0]) : null);
  getCurrentCell = () => (this._b.current ? this._wrapRange(this._b.current) : null);
  getActiveRangeList = () => {
    if (this._b.selection.length === 0) return null;
    const ranges = this._b.selection;
    return tracked(
      { getRanges: () => ranges.map((r) => this._wrapRange(r)) },
      this._calls,
      'SpreadsheetApp',
      'RangeList',
    );
  };
  toast = (message: string, title?: string) => {
    this._b.toasts.push({ message: String(message), title: String(title ?? '') });
  };
}

class UiApi {
  ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  constructor(
    private readonly _events: UiEvent[],
    private readonly _answers: string[],
  ) {}
  /**
   * alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons). With OK only it returns OK; with a
   * choice it returns the next answer the test queued (`FakeSpreadsheetApp.answers`), else CLOSE, as when the
   * seller closes the dialog.
   */
  alert = (title: string, body?: unknown, buttons?: unknown) => {
    const set = typeof body === 'string' ? buttons : body;
    const [t, b] = typeof body === 'string' ? [String(title), body] : ['', String(title)];
    const choice = set !== undefined && set !== this.ButtonSet.OK;
    this._events.push({ kind: 'alert', title: t, body: b, ...(choice ? { buttons: String(set) } : {}) });
    if (!choice) return this.Button.OK;
    return this._answers.shift() ?? this.Button.CLOSE;
  };
  showSidebar = (html: { getTitle(): string; getContent(): string }) => {
    this._events.push({ kind: 'sidebar', title: html.getTitle(), body: html.getContent() });
  };
  showModalDialog = (html: { getContent(): string }, title: string) => {
    this._events.push({ kind: 'dialog', title: String(title), body: html.getContent() });
  };
  createAddonMenu = () => {
    const items: { label: string; handler: string }[] = [];
    const events = this._events;
    const menu = {
      addItem: (label: string, handler: string) => (items.push({ label, handler }), menu),
      addSeparator: () => (items.push({ label: '---', handler: '' }), menu),
      addToUi: () => void events.push({ kind: 'menu', title: 'Add-on menu', body: '', items }),
    };
    return menu;
  };
}
