/** A1 ranges as the fake Sheets server parses them: `'Sheet'!A1:C3`, `Sheet!A:C`, `Sheet!2:5`, `Sheet`, `A1:B2`. */

export interface ParsedRange {
  readonly sheet: string | null;
  /** 0-based, end exclusive; undefined = unbounded. */
  readonly startRow?: number;
  readonly endRow?: number;
  readonly startCol?: number;
  readonly endCol?: number;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const CELL = /^([A-Za-z]*)(\d*)$/;

/** Null when the text is not A1 notation (Google answers "Unable to parse range"). */
export function parseA1(text: string): ParsedRange | null {
  let sheet: string | null = null;
  let rest = text.trim();
  if (rest.startsWith("'")) {
    let i = 1;
    let name = '';
    for (; i < rest.length; i++) {
      if (rest[i] === "'") {
        if (rest[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += rest[i];
    }
    if (i >= rest.length) return null;
    sheet = name;
    rest = rest.slice(i + 1);
    if (rest === '') return { sheet };
    if (!rest.startsWith('!')) return null;
    rest = rest.slice(1);
  } else {
    const bang = rest.lastIndexOf('!');
    if (bang >= 0) {
      sheet = rest.slice(0, bang);
      rest = rest.slice(bang + 1);
    } else if (!/^[A-Za-z]*\d*(:[A-Za-z]*\d*)?$/.test(rest) || rest === '') {
      return { sheet: rest };
    } else if (!/\d/.test(rest) && !rest.includes(':')) {
      // A bare word like "Orders" is a sheet name, not a column.
      return { sheet: rest };
    }
  }
  const [a, b] = rest.split(':');
  const ma = CELL.exec(a ?? '');
  const mb = b === undefined ? ma : CELL.exec(b);
  if (!ma || !mb || (ma[1] === '' && ma[2] === '')) return null;
  const r: { startRow?: number; endRow?: number; startCol?: number; endCol?: number } = {};
  if (ma[1]) r.startCol = colIndex(ma[1]);
  if (ma[2]) r.startRow = Number(ma[2]) - 1;
  if (mb[1]) r.endCol = colIndex(mb[1]) + 1;
  if (mb[2]) r.endRow = Number(mb[2]);
  if (b === undefined) {
    // A single cell.
    if (r.startCol === undefined || r.startRow === undefined) return null;
  }
  if (ma[1] && !ma[2] && r.startRow === undefined && b !== undefined) r.startRow = 0;
  if (!ma[1] && ma[2]) r.startCol = 0;
  return { sheet, ...r };
}

export function formatA1(
  sheet: string,
  startRow: number,
  startCol: number,
  endRow: number,
  endCol: number,
): string {
  const q = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${q}!${colLetters(startCol)}${startRow + 1}:${colLetters(endCol - 1)}${endRow}`;
}
