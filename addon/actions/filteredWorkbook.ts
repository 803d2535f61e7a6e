/**
 * A Workbook view that shows a step only some rows of one table (the seller's selection, or one pass of a
 * long run): hidden rows read as blank, and any block the step writes over them gets their cells back as
 * they were read, so a hidden row is never changed. Rows keep their numbers, so problems name real rows.
 */
import type { Cell, Grid, SheetWrite, Workbook, WritePlan } from '../../src/core';

/** Which data rows (1-based sheet row numbers) of a table a step may see. */
export type RowFilter = (rowNumber: number, grid: Grid) => boolean;

export class FilteredWorkbook implements Workbook {
  readonly label: string;
  private readonly seen = new Map<string, Grid>();

  constructor(
    private readonly inner: Workbook,
    private readonly sheet: string,
    private readonly visible: RowFilter,
  ) {
    this.label = inner.label;
  }

  sheetNames(): Promise<string[]> {
    return this.inner.sheetNames();
  }

  async read(names: readonly string[]): Promise<ReadonlyMap<string, Grid | null>> {
    const got = await this.inner.read(names);
    const grid = got.get(this.sheet);
    if (!grid) return got;
    this.seen.set(this.sheet, grid);
    const out = new Map(got);
    out.set(
      this.sheet,
      grid.map((row, i) => (i === 0 || this.visible(i + 1, grid) ? row : [])),
    );
    return out;
  }

  async write(plan: WritePlan): Promise<void> {
    const original = this.seen.get(this.sheet);
    if (!original) return this.inner.write(plan);
    const sheets: SheetWrite[] = plan.sheets.map((w) => {
      if (w.sheet !== this.sheet || w.clear) return w;
      return {
        ...w,
        blocks: w.blocks.map((b) => ({
          ...b,
          values: b.values.map((row, r): Cell[] => {
            const rowNumber = b.row + r;
            if (rowNumber === 1 || rowNumber > original.length || this.visible(rowNumber, original))
              return row;
            const before = original[rowNumber - 1] ?? [];
            return row.map((_, c) => before[b.col - 1 + c] ?? null);
          }),
        })),
      };
    });
    return this.inner.write({ sheets });
  }
}
