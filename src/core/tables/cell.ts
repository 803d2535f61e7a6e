/** The value of one spreadsheet cell as every backend hands it over. */
export type Cell = string | number | boolean | Date | null;

/** True when a cell holds nothing a person typed (null, empty or whitespace-only text). */
export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** A grid of cells as read from a sheet: the header row first, then data rows (possibly ragged). */
export type Grid = Cell[][];
