/**
 * One worksheet's XML read as a stream of pieces: everything before the rows (`head`), each `<row>` element as
 * its own text with where its bytes lie, and everything after the rows (`tail`). The rows are then patched or
 * copied as bytes, so every attribute and cell Shipsheet does not change is written back exactly as it was.
 * The scan works on the inflated bytes (a native search for each tag; only the rows are decoded), because a
 * million-row sheet is read this way and a regex over decoded text costs several times as much.
 */
import type { Readable } from 'node:stream';
import { columnNumber } from './rowXml';

/** One `<row>` element: decoded only when asked (the first pass of a merge needs just its first cells). */
export class ScannedRow {
  private text: string | undefined;

  constructor(
    /** 1-based row number (the `r` attribute, or the one after the previous row). */
    readonly r: number,
    /** Byte offsets of the element in the sheet's XML (end exclusive). */
    readonly start: number,
    readonly end: number,
    private readonly buf: Buffer,
    private readonly from: number,
  ) {}

  get xml(): string {
    return (this.text ??= this.buf.toString('utf8', this.from, this.from + this.end - this.start));
  }

  /** At most the first `bytes` bytes as text: any cell cut off at the end is incomplete, and a parser skips it. */
  head(bytes: number): string {
    if (this.text !== undefined || this.end - this.start <= bytes) return this.xml;
    return this.buf.toString('utf8', this.from, this.from + bytes);
  }

  /** The column of the row's last cell (0 for none), from its bytes (rowXml's lastColumn, undecoded). */
  lastColumn(): number {
    // Searched within the row only (a backward search of the buffer would run on through the rows before).
    const row = this.buf.subarray(this.from, this.from + this.end - this.start);
    const at = Math.max(row.lastIndexOf(CELL_OPEN), row.lastIndexOf(PREFIXED_CELL_OPEN));
    if (at < 0) return 0;
    const gt = row.indexOf(GT, at);
    const tag = row.toString('latin1', at, gt < 0 ? row.length : gt);
    const ref = /\sr="([A-Z]*)/.exec(tag);
    return ref ? columnNumber(ref[1]) : 0;
  }
}

export type SheetPiece =
  /** `end`: byte offset just past the `<sheetData>` open tag (or the self-closing `<sheetData/>`). */
  | { readonly kind: 'head'; readonly xml: string; readonly end: number }
  | { readonly kind: 'rows'; readonly rows: readonly ScannedRow[] }
  /** `start`: byte offset of `</sheetData>` (for a self-closing one, the head's end). */
  | { readonly kind: 'tail'; readonly xml: string; readonly start: number; readonly selfClosing: boolean };

const LT = 0x3c;
const CELL_OPEN = Buffer.from('<c ');
const PREFIXED_CELL_OPEN = Buffer.from(':c ');
const GT = 0x3e;
const SLASH = 0x2f;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function isNameByte(b: number): boolean {
  return (
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x61 && b <= 0x7a) ||
    b === 0x5f ||
    b === 0x2e ||
    b === 0x2d ||
    b === 0x3a
  );
}

/** The `<[prefix:]sheetData …>` open tag in `buf`: [tag start, tag end, prefix, self-closing], or null. */
function findSheetData(
  buf: Buffer,
): { start: number; end: number; prefix: string; selfClosing: boolean } | null {
  for (let at = buf.indexOf('sheetData'); at >= 0; at = buf.indexOf('sheetData', at + 1)) {
    const after = buf[at + 9];
    if (after === undefined) return null;
    if (!isSpace(after) && after !== GT && after !== SLASH) continue;
    let lt = at - 1;
    while (lt >= 0 && buf[lt] !== LT && isNameByte(buf[lt])) lt--;
    if (lt < 0 || buf[lt] !== LT || buf[lt + 1] === SLASH) continue;
    const prefix = buf.toString('latin1', lt + 1, at);
    if (prefix !== '' && !/^[A-Za-z_][\w.-]*:$/.test(prefix)) continue;
    const gt = buf.indexOf(GT, at);
    if (gt < 0) return null;
    return { start: lt, end: gt + 1, prefix, selfClosing: buf[gt - 1] === SLASH };
  }
  return null;
}

/** The `r="N"` attribute of the open tag in buf[from, to), or 0. */
function rowNumber(buf: Buffer, from: number, to: number): number {
  for (let at = buf.indexOf('r="', from); at >= 0 && at < to; at = buf.indexOf('r="', at + 1)) {
    if (!isSpace(buf[at - 1])) continue;
    let n = 0;
    let i = at + 3;
    for (; i < to; i++) {
      const d = buf[i] - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    return buf[i] === 0x22 && i > at + 3 ? n : 0;
  }
  return 0;
}

/**
 * Pieces of a sheet: `head` (ending with the `<sheetData>` open tag), batches of rows, `tail` (from
 * `</sheetData>`). A self-closing `<sheetData/>` is split into an open and a close tag.
 */
export async function* scanSheet(xml: Readable, label: string): AsyncGenerator<SheetPiece> {
  let buf: Buffer = Buffer.alloc(0);
  /** Absolute offset of buf[0]. */
  let base = 0;
  let state: 'head' | 'rows' | 'tail' = 'head';
  let rowOpen = Buffer.from('<row');
  let rowClose = Buffer.from('</row>');
  let dataClose = Buffer.from('</sheetData');
  let lastRow = 0;
  const tail: Buffer[] = [];
  let tailStart = 0;
  let selfClosing = false;
  /** Where `</sheetData` is in buf (-1: not in it); searched once per chunk. */
  let close = -1;

  const take = (final: boolean): ScannedRow[] => {
    const rows: ScannedRow[] = [];
    let p = 0;
    for (;;) {
      let start = buf.indexOf(rowOpen, p);
      while (start >= 0) {
        const after = buf[start + rowOpen.length];
        if (after === undefined || isSpace(after) || after === GT || after === SLASH) break;
        start = buf.indexOf(rowOpen, start + 1);
      }
      if (close >= 0 && (start < 0 || close < start)) {
        tailStart = base + close;
        tail.push(buf.subarray(close));
        buf = Buffer.alloc(0);
        state = 'tail';
        break;
      }
      if (start < 0 || buf[start + rowOpen.length] === undefined) {
        // Keep a possible partial tag for the next chunk.
        const lt = buf.lastIndexOf(LT);
        p = start >= 0 ? start : lt >= p ? lt : buf.length;
        break;
      }
      const gt = buf.indexOf(GT, start);
      let end = -1;
      if (gt >= 0) {
        if (buf[gt - 1] === SLASH) end = gt + 1;
        else {
          const c = buf.indexOf(rowClose, gt);
          if (c >= 0) end = c + rowClose.length;
        }
      }
      if (end < 0) {
        if (final) throw new Error(`${label}: a <row> element is not closed`);
        p = start;
        break;
      }
      const n = rowNumber(buf, start, gt);
      const r = n > 0 ? n : lastRow + 1;
      lastRow = r;
      rows.push(new ScannedRow(r, base + start, base + end, buf, start));
      p = end;
    }
    if (state === 'rows' && p > 0) {
      buf = buf.subarray(p);
      base += p;
      if (close >= 0) close -= p;
    }
    return rows;
  };

  const feed = function* (final: boolean): Generator<SheetPiece> {
    if (state === 'head') {
      const m = findSheetData(buf);
      if (!m) {
        if (final) throw new Error(`${label}: the sheet has no <sheetData>`);
        return;
      }
      rowOpen = Buffer.from(`<${m.prefix}row`);
      rowClose = Buffer.from(`</${m.prefix}row>`);
      dataClose = Buffer.from(`</${m.prefix}sheetData`);
      if (m.selfClosing) {
        selfClosing = true;
        const tagText = buf.toString('utf8', m.start, m.end);
        yield {
          kind: 'head',
          xml: buf.toString('utf8', 0, m.start) + tagText.replace(/\s*\/>$/, '>'),
          end: base + m.end,
        };
        tailStart = base + m.end;
        tail.push(Buffer.from(`</${m.prefix}sheetData>`), buf.subarray(m.end));
        buf = Buffer.alloc(0);
        state = 'tail';
        return;
      }
      yield { kind: 'head', xml: buf.toString('utf8', 0, m.end), end: base + m.end };
      buf = buf.subarray(m.end);
      base += m.end;
      state = 'rows';
      close = buf.indexOf(dataClose);
    }
    if ((state as string) === 'rows') {
      const rows = take(final);
      if (rows.length > 0) yield { kind: 'rows', rows };
    }
  };

  for await (const chunk of xml as AsyncIterable<Buffer>) {
    if ((state as string) === 'tail') {
      tail.push(chunk);
      continue;
    }
    const before = buf.length;
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    // `</sheetData` may straddle the chunks: search from just before the join.
    if ((state as string) === 'rows' && close < 0)
      close = buf.indexOf(dataClose, Math.max(0, before - dataClose.length));
    yield* feed(false);
  }
  yield* feed(true);
  if ((state as string) !== 'tail') throw new Error(`${label}: the sheet XML ends inside <sheetData>`);
  yield { kind: 'tail', xml: Buffer.concat(tail).toString('utf8'), start: tailStart, selfClosing };
}
