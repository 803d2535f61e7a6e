/** A Workbook held in memory: the reference backend for tests and for running the core without files. */
import type { Cell, Grid } from './tables/cell';
import type { CellFormat, Workbook, WritePlan } from './workbook';

export interface MemorySheet {
  name: string;
  values: Cell[][];
  /** The formats written, in order (a later range wins): one range per block column, not one entry per cell. */
  formats: FormatRange[];
  frozenRows: number;
}

/** One column of a written block: its format over 1-based rows `fromRow`…`toRow`. */
export interface FormatRange {
  readonly col: number;
  readonly fromRow: number;
  readonly toRow: number;
  readonly format: CellFormat;
}

/** The format last written to a cell (1-based row and column), or undefined. */
export function formatAt(sheet: MemorySheet, row: number, col: number): CellFormat | undefined {
  for (let i = sheet.formats.length - 1; i >= 0; i--) {
    const f = sheet.formats[i];
    if (f.col === col && row >= f.fromRow && row <= f.toRow) return f.format;
  }
  return undefined;
}

export class MemoryWorkbook implements Workbook {
  readonly label: string;
  private sheets: MemorySheet[] = [];
  /** Number of read and write calls, as the contract tests count service calls. */
  calls = { read: 0, write: 0 };

  constructor(label = 'memory', initial: Record<string, Grid> = {}) {
    this.label = label;
    for (const [name, values] of Object.entries(initial)) {
      this.sheets.push({ name, values: values.map((r) => [...r]), formats: [], frozenRows: 0 });
    }
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async read(names: readonly string[]): Promise<ReadonlyMap<string, Grid | null>> {
    this.calls.read++;
    const out = new Map<string, Grid | null>();
    for (const name of names) {
      const sheet = this.sheets.find((s) => s.name === name);
      out.set(name, sheet ? trimGrid(sheet.values) : null);
    }
    return out;
  }

  async write(plan: WritePlan): Promise<void> {
    this.calls.write++;
    // All or nothing: the one way a plan can fail (a sheet that is not there and is not to be created) is
    // checked before anything changes; then the plan is applied in place. Reads hand out copies, so nothing
    // read before sees the change. (Copying every sheet per write cost more than the step that wrote it.)
    const names = new Set(this.sheets.map((s) => s.name));
    for (const w of plan.sheets) {
      if (!names.has(w.sheet) && !w.create)
        throw new Error(`${this.label}: there is no sheet named ${w.sheet}`);
      names.add(w.sheet);
    }
    for (const w of plan.sheets) {
      let sheet = this.sheets.find((s) => s.name === w.sheet);
      if (!sheet) {
        sheet = { name: w.sheet, values: [], formats: [], frozenRows: 0 };
        this.sheets.push(sheet);
      }
      if (w.clear) sheet.values = [];
      if (w.freezeHeader) sheet.frozenRows = 1;
      const values = sheet.values;
      for (const block of w.blocks) {
        for (let r = 0; r < block.values.length; r++) {
          const rowValues = block.values[r];
          const rowIndex = block.row - 1 + r;
          while (values.length <= rowIndex) values.push([]);
          const row = values[rowIndex];
          const from = block.col - 1;
          while (row.length < from + rowValues.length) row.push(null);
          for (let c = 0; c < rowValues.length; c++) {
            const v = rowValues[c];
            // A cell that already holds the value is left alone (a store into a long-lived row costs more).
            if (v instanceof Date) row[from + c] = new Date(v.getTime());
            else if (row[from + c] !== v) row[from + c] = v;
          }
        }
        // Formats apply to the data rows the block covers (not to the header row).
        const fromRow = Math.max(block.row, 2);
        const toRow = block.row + block.values.length - 1;
        block.formats?.forEach((format, c) => {
          if (format && toRow >= fromRow) sheet.formats.push({ col: block.col + c, fromRow, toRow, format });
        });
      }
      if (w.deleteRowsAfter !== undefined) values.length = Math.min(values.length, w.deleteRowsAfter);
    }
  }

  /** The stored sheet, for tests that check formats or frozen rows. */
  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

/** Values up to the last non-empty row and column, each row with trailing empty cells trimmed. */
export function trimGrid(values: readonly (readonly Cell[])[]): Grid {
  let last = values.length;
  const rows: Cell[][] = new Array(last);
  for (let i = 0; i < values.length; i++) {
    const r = values[i];
    let end = r.length;
    while (end > 0 && (r[end - 1] === null || r[end - 1] === '')) end--;
    // A copy (the caller may change it); Dates are objects, so they are copied too.
    const row = r.slice(0, end);
    for (let c = 0; c < end; c++) {
      const cell = row[c];
      if (cell instanceof Date) row[c] = new Date(cell.getTime());
    }
    rows[i] = row;
  }
  while (last > 0 && rows[last - 1].length === 0) last--;
  rows.length = last;
  return rows;
}
