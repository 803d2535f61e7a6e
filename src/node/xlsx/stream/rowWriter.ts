/** Cells written as sheet XML the way the .xlsx backend writes them (toExcel), inline strings, styles kept. */
import type { Cell, CellFormat } from '../../../core';
import { escapeXlsxText } from '../../bulk/xlsxText';
import { toExcel } from '../xlsxCell';
import type { BookStyles } from './bookParts';
import type { ParsedRow, RawCell } from './rowXml';
import { columnLetters, xmlEscape } from './rowXml';

export interface CellChange {
  readonly value: Cell;
  readonly format?: CellFormat;
}

export interface WriteContext {
  readonly styles: BookStyles;
  readonly date1904: boolean;
  /**
   * Text that needs OOXML's _xHHHH_ escapes (control characters, CR) goes to the shared strings, the only
   * place exceljs decodes them, so the backend reads it back as written: returns its index, or null when the
   * book has no shared-strings part (then it is written inline).
   */
  readonly sharedString: (escaped: string) => number | null;
  /**
   * Shared formulas whose master cell this import overwrote or turned into a value: the cells that share it
   * are written as their values too (Excel refuses a shared formula without its master).
   */
  readonly orphanedFormulas: Set<string>;
}

const SHARED_MASTER =
  /<(?:[\w.-]+:)?f\b[^>]*?\st="shared"[^>]*?\sref="[^"]*"[^>]*?\ssi="(\d+)"|<(?:[\w.-]+:)?f\b[^>]*?\st="shared"[^>]*?\ssi="(\d+)"[^>]*?\sref="/;
const SHARED_USE = /<(?:[\w.-]+:)?f\b[^>]*?\ssi="(\d+)"/;

/** Note a shared-formula master that is being replaced. */
function orphan(c: RawCell, ctx: WriteContext): void {
  if (!c.inner.includes('shared')) return;
  const m = SHARED_MASTER.exec(c.inner);
  if (m) ctx.orphanedFormulas.add(m[1] ?? m[2]);
}

/** True when the cell uses a shared formula whose master is gone. */
export function usesOrphanedFormula(c: RawCell, ctx: WriteContext): boolean {
  if (ctx.orphanedFormulas.size === 0 || !c.inner.includes('shared')) return false;
  const m = SHARED_USE.exec(c.inner);
  return m !== null && ctx.orphanedFormulas.has(m[1]);
}

/** Whether a row's XML may hold a cell of an orphaned shared formula (cheap test before parsing it). */
export function mayUseOrphanedFormula(xml: string, ctx: WriteContext): boolean {
  return ctx.orphanedFormulas.size > 0 && xml.includes('t="shared"');
}

/** One cell's XML ('' for an empty cell without a style). `style` is the cell's old style, if it had one. */
export function cellXml(
  r: number,
  col: number,
  change: CellChange,
  style: number | undefined,
  ctx: WriteContext,
): string {
  const { value, numFmt } = toExcel(change.value, r > 1 ? change.format : undefined);
  let s = style ?? 0;
  if (numFmt && !ctx.styles.hasNumberFormat(s)) s = ctx.styles.withNumberFormat(s, numFmt);
  const ref = `${letters(col)}${r}`;
  const sAttr = s ? ` s="${s}"` : '';
  if (value === null || value === undefined) return s ? `<c r="${ref}"${sAttr}/>` : '';
  if (typeof value === 'string') {
    const escaped = escapeXlsxText(value);
    if (escaped !== value) {
      const index = ctx.sharedString(escaped);
      if (index !== null) return `<c r="${ref}"${sAttr} t="s"><v>${index}</v></c>`;
    }
    return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(escaped)}</t></is></c>`;
  }
  if (typeof value === 'number') return `<c r="${ref}"${sAttr}><v>${numberText(value)}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) {
    const serial = 25569 + value.getTime() / 86_400_000 - (ctx.date1904 ? 1462 : 0);
    return `<c r="${ref}"${sAttr}><v>${numberText(serial)}</v></c>`;
  }
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(String(value))}</t></is></c>`;
}

const LETTERS: string[] = [];
function letters(col: number): string {
  return (LETTERS[col] ??= columnLetters(col));
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/**
 * A row with some cells replaced or added (`changes` by 1-based column); the others are copied as they were.
 * A row written at another row number (replace mode) has its kept cells renumbered and formulas written as
 * their values (their references would point elsewhere after the move); `formulasAsValues` does that too.
 */
export function patchedRowXml(
  row: ParsedRow | null,
  r: number,
  changes: ReadonlyMap<number, CellChange>,
  ctx: WriteContext,
  valueOf?: (cell: RawCell) => Cell,
  formulasAsValues = false,
): string {
  if (row === null) return newRowXml(r, changes, ctx);
  const moved = row.r !== r;
  const asValues = moved || formulasAsValues;
  const out: { col: number; xml: string }[] = [];
  const done = new Set<number>();
  for (const c of row.cells) {
    const change = changes.get(c.col);
    if (change) {
      orphan(c, ctx);
      out.push({ col: c.col, xml: cellXml(r, c.col, change, c.s, ctx) });
      done.add(c.col);
    } else if ((asValues && c.inner.includes('<f')) || usesOrphanedFormula(c, ctx)) {
      orphan(c, ctx);
      out.push({ col: c.col, xml: cellXml(r, c.col, { value: valueOf ? valueOf(c) : null }, c.s, ctx) });
    } else if (!moved) out.push({ col: c.col, xml: c.xml });
    else out.push({ col: c.col, xml: renumber(c.xml, r) });
  }
  let sorted = true;
  for (const [col, change] of changes) {
    if (done.has(col)) continue;
    const xml = cellXml(r, col, change, undefined, ctx);
    if (xml === '') continue;
    if (out.length > 0 && out[out.length - 1].col > col) sorted = false;
    out.push({ col, xml });
  }
  if (!sorted) out.sort((a, b) => a.col - b.col);
  const open = row ? (moved ? row.open.replace(/(\sr=")\d+"/, `$1${r}"`) : row.open) : `<row r="${r}">`;
  const close = `</${/^<([\w.:-]+)/.exec(open)?.[1] ?? 'row'}>`;
  let body = '';
  for (const c of out) body += c.xml;
  return open + body + close;
}

/** A row that did not exist: its cells in column order. */
export function newRowXml(r: number, changes: ReadonlyMap<number, CellChange>, ctx: WriteContext): string {
  let cols = [...changes.keys()];
  for (let i = 1; i < cols.length; i++)
    if (cols[i] < cols[i - 1]) {
      cols = cols.sort((a, b) => a - b);
      break;
    }
  let out = `<row r="${r}">`;
  for (const col of cols) out += cellXml(r, col, changes.get(col)!, undefined, ctx);
  return out + '</row>';
}

function renumber(xml: string, r: number): string {
  return xml.replace(/^(<[\w.:-]+\b[^>]*?\sr="[A-Z]+)\d+"/, `$1${r}"`);
}
