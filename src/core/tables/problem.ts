/** A problem the user can act on: where it is (sheet or file, row, column) and what is wrong. */
export interface Problem {
  /** Sheet name, or the file name for imports. */
  sheet: string;
  /** 1-based row number as the user sees it in the sheet or file (header is row 1), or null for the whole table. */
  row: number | null;
  /** Header name of the column, or null when the problem is about the whole row or table. */
  column: string | null;
  message: string;
  /** The offending value, as text, where one exists. */
  value?: string;
}

export function problem(
  sheet: string,
  row: number | null,
  column: string | null,
  message: string,
  value?: string,
): Problem {
  return value === undefined ? { sheet, row, column, message } : { sheet, row, column, message, value };
}

/** "Orders row 7, column quantity-purchased: ..." — one line for terminals and logs. */
export function formatProblem(p: Problem): string {
  const where = [
    p.sheet,
    p.row === null ? null : `row ${p.row}`,
    p.column === null ? null : `column ${p.column}`,
  ]
    .filter((s): s is string => s !== null)
    .join(', ');
  return `${where}: ${p.message}${p.value !== undefined && p.value !== '' ? ` (value: ${JSON.stringify(p.value)})` : ''}`;
}
