/**
 * Edits to one table, recorded against what was read, turned into the fewest rectangular writes: only the
 * columns a step owns are touched, user columns and formatting stay as they were.
 */
import type { CellBlock, CellFormat, SheetWrite } from '../workbook';
import type { Cell, Grid } from './cell';
import { decodeCell, encodeCell } from './cellCodec';
import type { ColumnSpec, FieldValue } from './column';
import { indexColumns } from './columnIndex';
import { appendHeader, normalizeHeader } from './normalizeHeader';
import type { RecordOf, TableSchema } from './schema';
import { templateHeaders } from './schema';

export interface EditSummary {
  readonly sheet: string;
  readonly added: number;
  readonly updated: number;
}

export class TableEditor<S extends TableSchema> {
  readonly schema: S;
  private readonly exists: boolean;
  private readonly header: Cell[];
  /** Column name → 0-based position, including columns this editor adds to the header. */
  private readonly positions = new Map<string, number>();
  private readonly addedHeaders = new Map<number, string>();
  private readonly original: Grid;
  /**
   * col → its changes: new cells by rowIndex (0-based grid index; undefined: unchanged) and the first and last
   * rowIndex changed (kept as cells are set: toWrite needs nothing else). By column, not by row: a step changes
   * a few columns of many rows, and an array per row as wide as the sheet cost more than the cells.
   */
  private readonly changes = new Map<number, ColumnChanges>();
  private readonly writable: ReadonlySet<string>;
  private appendedRows = 0;
  private readonly updatedRows = new Set<number>();

  /**
   * @param grid the sheet as read (null when the sheet does not exist: it is created with the template header)
   * @param writable the columns this step may write; anything else is a programming error
   */
  constructor(schema: S, grid: Grid | null, writable: readonly string[]) {
    this.schema = schema;
    this.exists = grid !== null;
    this.original = grid && grid.length > 0 ? grid : [templateHeaders(schema)];
    this.header = [...this.original[0]];
    const index = indexColumns(schema, this.header);
    for (const [name, pos] of index.positions) this.positions.set(name, pos);
    this.writable = new Set(writable);
    if (!this.exists || grid?.length === 0)
      this.header.forEach((h, i) => this.addedHeaders.set(i, String(h)));
  }

  /** Position of a column, adding it at the right of the header when the sheet lacks it. */
  private position(name: string): number {
    const known = this.positions.get(name);
    if (known !== undefined) return known;
    const width = appendHeader(this.header, name);
    this.addedHeaders.set(width, name);
    this.positions.set(name, width);
    return width;
  }

  private specs: Map<string, ColumnSpec> | null = null;
  /** Column name → its spec, position and changes, for update (one lookup per field, not one per map). */
  private readonly columns = new Map<string, { spec: ColumnSpec; col: number; changes: ColumnChanges }>();

  private spec(name: string): ColumnSpec {
    // A map, not a search of the columns: a step updates many rows of a wide table (Orders has 90 columns).
    this.specs ??= new Map(this.schema.columns.map((c) => [c.name, c]));
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`${this.schema.name} has no column ${name}`);
    if (!this.writable.has(name)) throw new Error(`${this.schema.name}.${name} is not writable by this step`);
    return spec;
  }

  /** Number of data rows, appended ones included. */
  get dataRowCount(): number {
    return this.original.length - 1 + this.appendedRows;
  }

  /** Set fields of the row at a 1-based sheet row number. Returns true when something changed. */
  update(rowNumber: number, fields: Partial<RecordOf<S>>): boolean {
    const rowIndex = rowNumber - 1;
    let changed = false;
    const values = fields as Record<string, FieldValue | undefined>;
    // for-in, not Object.keys or entries: a step updates tens of thousands of rows, and those cost an array each.
    for (const name in values) {
      const value = values[name] ?? null;
      // A column's spec, position and changes never move once found: look them up once per name, not per row.
      let column = this.columns.get(name);
      if (!column) {
        const col = this.position(name);
        this.columns.set(name, (column = { spec: this.spec(name), col, changes: this.changesOf(col) }));
      }
      const { spec, col, changes } = column;
      const pending = changes.cells[rowIndex];
      const current = pending !== undefined ? pending : (this.original[rowIndex]?.[col] ?? null);
      // A blank cell set to nothing is no change (decodeCell of a blank is null) — most cells of a first run.
      if (current === null && value === null) continue;
      // Only money is read and written by currency.
      const currency = spec.type === 'money' ? this.currencyFor(rowIndex, fields, spec) : null;
      // An empty cell given a value is a change without decoding it.
      if (current !== null) {
        const decoded = decodeCell(spec, current, currency);
        if (decoded.ok && decoded.value === value) continue;
      }
      changes.set(rowIndex, encodeCell(spec, value, currency));
      changed = true;
    }
    if (changed && rowIndex < this.original.length) this.updatedRows.add(rowIndex);
    return changed;
  }

  /**
   * Columns the schema does not know (an Amazon report's newer columns): a value is written only into an empty
   * cell, so nothing a user typed is overwritten. Returns true when something changed.
   */
  fillExtras(rowNumber: number, extras: Readonly<Record<string, string>>): boolean {
    const rowIndex = rowNumber - 1;
    let changed = false;
    for (const [header, value] of Object.entries(extras)) {
      if (value === '') continue;
      const col = this.extraPosition(header);
      const current = this.cellAt(rowIndex, col);
      if (current !== undefined && current !== null && String(current).trim() !== '') continue;
      this.setCell(rowIndex, col, value);
      changed = true;
    }
    if (changed && rowIndex < this.original.length) this.updatedRows.add(rowIndex);
    return changed;
  }

  /**
   * Overwrite a cell of a column the schema does not know (a newer report column holding buyer data, say).
   * Does nothing when the sheet has no such column. Returns true when something changed.
   */
  setExtra(rowNumber: number, header: string, value: Cell): boolean {
    const rowIndex = rowNumber - 1;
    const n = normalizeHeader(header);
    const col = this.header.findIndex((h) => normalizeHeader(h) === n);
    if (col < 0) return false;
    const current = this.cellAt(rowIndex, col) ?? null;
    const blank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');
    if (current === value || (blank(current) && blank(value))) return false;
    this.setCell(rowIndex, col, value);
    if (rowIndex < this.original.length) this.updatedRows.add(rowIndex);
    return true;
  }

  private extraPosition(header: string): number {
    const n = normalizeHeader(header);
    const found = this.header.findIndex((h) => normalizeHeader(h) === n);
    if (found >= 0) return found;
    const width = appendHeader(this.header, header);
    this.addedHeaders.set(width, header);
    return width;
  }

  /** Add a row below the last one. Returns its 1-based sheet row number. */
  append(fields: Partial<RecordOf<S>>, extras: Readonly<Record<string, string>> = {}): number {
    const rowIndex = this.original.length + this.appendedRows;
    this.appendedRows++;
    for (const [name, value] of Object.entries(fields) as [string, FieldValue][]) {
      if (value === null || value === undefined) continue;
      const spec = this.spec(name);
      const currency = this.currencyFor(rowIndex, fields, spec);
      this.setCell(rowIndex, this.position(name), encodeCell(spec, value, currency));
    }
    for (const [header, value] of Object.entries(extras))
      if (value !== '') this.setCell(rowIndex, this.extraPosition(header), value);
    return rowIndex + 1;
  }

  summary(): EditSummary {
    return { sheet: this.schema.name, added: this.appendedRows, updated: this.updatedRows.size };
  }

  /** True when a cell was set or a row appended (a sheet that would only get its header is not a change). */
  get hasChanges(): boolean {
    for (const c of this.changes.values()) if (c.min <= c.max) return true;
    return this.appendedRows > 0;
  }

  /** The currency a money column is in: its own currency column (e.g. rate-currency) or the row's `currency`, as decodeTable reads it. */
  private currencyFor(rowIndex: number, fields: Partial<RecordOf<S>>, spec: ColumnSpec): string | null {
    const column = spec.currencyColumn ?? 'currency';
    const f = (fields as Record<string, FieldValue>)[column];
    if (typeof f === 'string') return f;
    const pos = this.positions.get(column);
    const c = pos === undefined ? null : this.cellAt(rowIndex, pos);
    return typeof c === 'string' ? c : null;
  }

  private cellAt(rowIndex: number, col: number): Cell | undefined {
    const changed = this.changes.get(col)?.cells[rowIndex];
    if (changed !== undefined) return changed;
    return this.original[rowIndex]?.[col];
  }

  private changesOf(col: number): ColumnChanges {
    let c = this.changes.get(col);
    if (!c) this.changes.set(col, (c = new ColumnChanges()));
    return c;
  }

  private setCell(rowIndex: number, col: number, value: Cell): void {
    this.changesOf(col).set(rowIndex, value);
  }

  /**
   * The writes: header cells added, then for each run of adjacent changed columns one rectangle from the
   * first to the last changed row. Cells inside a rectangle that did not change are written back as read.
   */
  toWrite(): SheetWrite {
    const blocks: CellBlock[] = [];
    const headerCols = [...this.addedHeaders.keys()].sort((a, b) => a - b);
    for (const run of runs(headerCols)) {
      blocks.push({ row: 1, col: run[0] + 1, values: [run.map((c) => this.header[c])] });
    }
    // A column looked up for update but never set has no changes (min > max): it is not written.
    const changedCols = [...this.changes]
      .filter(([, c]) => c.min <= c.max)
      .map(([col]) => col)
      .sort((a, b) => a - b);
    for (const run of runs(changedCols)) {
      const min = Math.min(...run.map((c) => this.changes.get(c)!.min));
      const max = Math.max(...run.map((c) => this.changes.get(c)!.max));
      const values: Cell[][] = [];
      const cols = run.map((c) => this.changes.get(c)!.cells);
      for (let r = min; r <= max; r++) {
        const original = this.original[r];
        const row: Cell[] = new Array(run.length);
        for (let k = 0; k < run.length; k++) {
          // A cell changed to null is written as null: only undefined means "as read".
          const v = cols[k][r];
          row[k] = v !== undefined ? v : (original?.[run[k]] ?? null);
        }
        values.push(row);
      }
      blocks.push({ row: min + 1, col: run[0] + 1, values, formats: run.map((c) => this.formatOf(c)) });
    }
    return { sheet: this.schema.name, create: !this.exists, blocks, freezeHeader: !this.exists || undefined };
  }

  private formatOf(col: number): CellFormat {
    for (const [name, pos] of this.positions) {
      if (pos !== col) continue;
      const spec = this.schema.columns.find((c) => c.name === name);
      if (!spec) break;
      return formatForSpec(spec);
    }
    return 'general';
  }
}

/** One column's new cells by 0-based row index, and the first and last row index set (none yet: min > max). */
class ColumnChanges {
  readonly cells: (Cell | undefined)[] = [];
  min = Infinity;
  max = -Infinity;

  set(rowIndex: number, value: Cell): void {
    this.cells[rowIndex] = value;
    if (rowIndex < this.min) this.min = rowIndex;
    if (rowIndex > this.max) this.max = rowIndex;
  }
}

export function formatForSpec(spec: ColumnSpec): CellFormat {
  if (spec.keepAsText) return 'text';
  switch (spec.type) {
    case 'int':
      return 'int';
    case 'decimal':
      return 'decimal';
    case 'money':
      return 'money';
    case 'date':
      return 'date';
    case 'datetime':
      return 'text';
    case 'bool':
      return 'bool';
    default:
      return 'text';
  }
}

/** Sorted numbers split into runs of consecutive values: [1,2,3,7,8] → [[1,2,3],[7,8]]. */
function runs(sorted: number[]): number[][] {
  const out: number[][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === n - 1) last.push(n);
    else out.push([n]);
  }
  return out;
}
