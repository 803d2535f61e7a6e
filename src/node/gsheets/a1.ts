/** A1 notation for the Sheets API: quoted sheet names and column letters (Google's rules, 1-based). */

/** `Orders` → `'Orders'`; a quote inside a name is doubled, as Sheets requires (`'Bob''s'`). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`column ${col} is not a 1-based column`);
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `'Orders'!B2:D10` for a rectangle of `rows` × `cols` cells starting at (row, col). */
export function a1Range(sheet: string, row: number, col: number, rows: number, cols: number): string {
  const start = `${columnLetters(col)}${row}`;
  const end = `${columnLetters(col + cols - 1)}${row + rows - 1}`;
  return `${quoteSheetName(sheet)}!${start}:${end}`;
}
