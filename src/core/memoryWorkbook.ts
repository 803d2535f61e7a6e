/** A Workbook held in memory: the reference backend for tests and for running the core without files. */
import type { Cell, Grid } from './tables/cell';
import type { CellFormat, Workbook, WritePlan } from './workbook';

export interface MemorySheet {
  name: string;
  values: Cell[][];
  formats: Map<string, CellFormat>;
  frozenRows: number;
}

export class MemoryWorkbook implements Workbook {
  readonly label: string;
  private sheets: MemorySheet[] = [];
  /** Number of read and write calls, as the contract tests count service calls. */
  calls = { read: 0, write: 0 };

  constructor(label = 'memory', initial: Record<string, Grid> = {}) {
    this.label = label;
    for (const [name, values] of Object.entries(initial)) {
      this.sheets.push({ name, values: values.map((r) => [...r]), formats: new Map(), frozenRows: 0 });
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
    const next = this.sheets.map((s) => ({
      ...s,
      values: s.values.map((r) => [...r]),
      formats: new Map(s.formats),
    }));
    for (const w of plan.sheets) {
      let sheet = next.find((s) => s.name === w.sheet);
      if (!sheet) {
        if (!w.create) throw new Error(`${this.label}: there is no sheet named ${w.sheet}`);
        sheet = { name: w.sheet, values: [], formats: new Map(), frozenRows: 0 };
        next.push(sheet);
      }
      if (w.clear) sheet.values = [];
      if (w.freezeHeader) sheet.frozenRows = 1;
      for (const block of w.blocks) {
        block.values.forEach((rowValues, r) => {
          const rowIndex = block.row - 1 + r;
          while (sheet.values.length <= rowIndex) sheet.values.push([]);
          const row = sheet.values[rowIndex];
          rowValues.forEach((v, c) => {
            const colIndex = block.col - 1 + c;
            while (row.length <= colIndex) row.push(null);
            row[colIndex] = v instanceof Date ? new Date(v.getTime()) : v;
            const f = block.formats?.[c];
            if (f && rowIndex > 0) sheet.formats.set(`${rowIndex + 1}:${colIndex + 1}`, f);
          });
        });
      }
      if (w.deleteRowsAfter !== undefined)
        sheet.values.length = Math.min(sheet.values.length, w.deleteRowsAfter);
    }
    this.sheets = next;
  }

  /** The stored sheet, for tests that check formats or frozen rows. */
  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

/** Values up to the last non-empty row and column, each row with trailing empty cells trimmed. */
export function trimGrid(values: readonly (readonly Cell[])[]): Grid {
  const rows = values.map((r) => {
    let end = r.length;
    while (end > 0 && (r[end - 1] === null || r[end - 1] === '')) end--;
    return r.slice(0, end).map((c) => (c instanceof Date ? new Date(c.getTime()) : c));
  });
  let last = rows.length;
  while (last > 0 && rows[last - 1].length === 0) last--;
  return rows.slice(0, last);
}
