/** The Workbook port: whole-table reads and batched rectangular writes, the same on every backend. */
import type { Cell, Grid } from './tables/cell';

/** How a backend should format the cells of a written column so the spreadsheet keeps their meaning. */
export type CellFormat = 'text' | 'int' | 'decimal' | 'money' | 'date' | 'datetime' | 'bool' | 'general';

/** A rectangle of values at a 1-based row and column. Every row has the same length. */
export interface CellBlock {
  readonly row: number;
  readonly col: number;
  readonly values: Cell[][];
  /** One format per column of the block (applied to the data rows the block covers, not to row 1). */
  readonly formats?: readonly CellFormat[];
}

export interface SheetWrite {
  readonly sheet: string;
  /** The sheet does not exist yet: create it (empty) before the blocks are written. */
  readonly create?: boolean;
  /** Clear every value of the sheet first (for generated tables such as the Sales Report). */
  readonly clear?: boolean;
  /** Delete every row below this 1-based row number (rows are removed, not just blanked). */
  readonly deleteRowsAfter?: number;
  readonly blocks: readonly CellBlock[];
  /** Freeze the header row (set when a workflow creates the sheet). */
  readonly freezeHeader?: boolean;
}

export interface WritePlan {
  readonly sheets: readonly SheetWrite[];
}

export interface Workbook {
  /** For messages: a file path, or a spreadsheet's id. */
  readonly label: string;
  /**
   * Read whole tables at once: for each name, the sheet's values from A1 to its last used row and column
   * (rows may be ragged: trailing empty cells trimmed), or null when there is no such sheet.
   */
  read(names: readonly string[]): Promise<ReadonlyMap<string, Grid | null>>;
  /** Apply every sheet's writes together. A backend applies all of them or, on failure, none. */
  write(plan: WritePlan): Promise<void>;
  /** The names of the sheets, in order. */
  sheetNames(): Promise<string[]>;
}

export function isEmptyPlan(plan: WritePlan): boolean {
  return plan.sheets.every(
    (s) => !s.create && !s.clear && s.deleteRowsAfter === undefined && s.blocks.length === 0,
  );
}
