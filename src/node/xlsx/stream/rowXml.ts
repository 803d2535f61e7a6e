/**
 * One `<row>` element's cells: parsed from its XML (values decoded the way the .xlsx backend reads them:
 * shared and inline strings, numbers, dates by their style, booleans, formula results, errors), and a row
 * written back with some cells replaced — the others, and the row's attributes, kept as they were.
 */
import type { Cell } from '../../../core';
import type { BookStyles } from './bookParts';

export interface RawCell {
  /** 1-based column. */
  readonly col: number;
  readonly xml: string;
  /** Style index (`s`), 0 when absent. */
  readonly s: number;
  readonly t: string;
  /** What is inside `<c>…</c>` ('' for `<c/>`). */
  readonly inner: string;
}

export interface ParsedRow {
  readonly r: number;
  /** `<row …>` with `spans` removed (cells may be added past them). */
  readonly open: string;
  readonly cells: RawCell[];
  /** True when the parse stopped at a cell past `upTo` (so every cell up to it was complete in the text). */
  readonly stopped: boolean;
}

export interface CellReader {
  readonly strings: { readonly length: number; get(i: number): string | undefined };
  readonly styles: BookStyles;
  readonly date1904: boolean;
}

const CELL = /<(?:[A-Za-z_][\w.-]*:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?c>)/g;
const OPEN = /^<(?:[\w.-]+:)?row\b[^>]*?(\/?)>/;

/** The row's cells (`upTo`: stop after this column, for a reader that needs only the first few). */
export function parseRow(r: number, xml: string, upTo = Infinity): ParsedRow {
  const cells: RawCell[] = [];
  if (xml.startsWith('<row')) {
    const gt = xml.indexOf('>');
    const c = xml.charCodeAt(4);
    if (gt > 0 && (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d)) {
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      let open = xml.slice(0, gt + 1);
      if (open.includes('spans=')) open = open.replace(/\s+spans="[^"]*"/, '');
      if (selfClosing) return { r, open: open.replace(/\/>$/, '>'), cells, stopped: false };
      return { r, open, cells, stopped: scanCells(xml, gt + 1, upTo, cells) };
    }
  }
  const open = OPEN.exec(xml);
  const openTag = open ? open[0].replace(/\s+spans="[^"]*"/, '').replace(/\/>$/, '>') : '<row>';
  let stopped = false;
  if (open && open[1] !== '/') {
    {
      const body = xml.slice(open[0].length);
      CELL.lastIndex = 0;
      let prev = 0;
      for (let m = CELL.exec(body); m; m = CELL.exec(body)) {
        const attrs = m[1];
        const ref = attr(attrs, 'r');
        const col = ref ? columnNumber(ref) : prev + 1;
        prev = col;
        if (col > upTo) {
          stopped = true;
          break;
        }
        const s = attr(attrs, 's');
        cells.push({ col, xml: m[0], s: s ? Number(s) : 0, t: attr(attrs, 't') ?? 'n', inner: m[2] ?? '' });
      }
    }
  }
  return { r, open: openTag, cells, stopped };
}

/**
 * The cells of an unprefixed row found with indexOf instead of the regex (a million-row import parses every
 * row it compares): `<c` then a space, `>` or `/`, its attributes to `>`, its content to `</c>`. The same
 * cells as CELL finds in such a row.
 */
function scanCells(xml: string, from: number, upTo: number, cells: RawCell[]): boolean {
  let prev = 0;
  for (let at = xml.indexOf('<c', from); at >= 0; at = xml.indexOf('<c', at + 2)) {
    const next = xml.charCodeAt(at + 2);
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x09 && next !== 0x0a && next !== 0x0d)
      continue;
    const gt = xml.indexOf('>', at);
    if (gt < 0) return false;
    const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
    const attrs = xml.slice(at + 2, selfClosing ? gt - 1 : gt);
    let end: number;
    let inner: string;
    if (selfClosing) {
      end = gt + 1;
      inner = '';
    } else {
      const close = xml.indexOf('</c>', gt);
      if (close < 0) return false;
      end = close + 4;
      inner = xml.slice(gt + 1, close);
    }
    const ref = attr(attrs, 'r');
    const col = ref ? columnNumber(ref) : prev + 1;
    prev = col;
    if (col > upTo) return true;
    const s = attr(attrs, 's');
    cells.push({ col, xml: xml.slice(at, end), s: s ? Number(s) : 0, t: attr(attrs, 't') ?? 'n', inner });
    at = end - 2;
  }
  return false;
}

function attr(attrs: string, name: string): string | undefined {
  const needle = `${name}="`;
  for (let at = attrs.indexOf(needle); at >= 0; at = attrs.indexOf(needle, at + 1)) {
    const before = attrs.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    const start = at + needle.length;
    return attrs.slice(start, attrs.indexOf('"', start));
  }
  return undefined;
}

/** The column of the row's last cell (0 for none), without parsing the others. */
export function lastColumn(xml: string): number {
  const at = Math.max(xml.lastIndexOf('<c '), xml.lastIndexOf(':c '));
  if (at < 0) return 0;
  const ref = attr(xml.slice(at, xml.indexOf('>', at)), 'r');
  return ref ? columnNumber(ref) : 0;
}

/** `AB` of `AB12` → 28. */
export function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const V = /<(?:[\w.-]+:)?v>([^<]*)<\/(?:[\w.-]+:)?v>/;
const T = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>|<(?:[\w.-]+:)?t(?:\s[^>]*)?\/>/g;
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;

/** The text of `<si>` or `<is>` content: plain or rich runs, phonetic guides left out. */
export function stringItemText(inner: string, unescape = true): string {
  const body = inner.indexOf('rPh') >= 0 ? inner.replace(PHONETIC, '') : inner;
  let out = '';
  T.lastIndex = 0;
  for (let m = T.exec(body); m; m = T.exec(body)) out += m[1] ?? '';
  return unescape ? exceljsUnescape(xmlText(out)) : xmlText(out);
}

/** `_xHHHH_` escapes decoded exactly as exceljs's text reader does (upper-case hex, one pass). */
function exceljsUnescape(s: string): string {
  return s.indexOf('_x') < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The cell's value as the .xlsx backend reads it (formulas as their cached result). */
export function cellValue(cell: RawCell, reader: CellReader): Cell {
  const inner = cell.inner;
  if (inner === '') return null;
  switch (cell.t) {
    case 'inlineStr':
      // exceljs reads inline strings without decoding _xHHHH_ (only shared strings): as the backend does.
      return stringItemText(inner, false);
    case 's': {
      const v = V.exec(inner);
      if (!v) return null;
      const s = reader.strings.get(Number(v[1]));
      return s === undefined ? null : s;
    }
    case 'str': {
      const v = V.exec(inner);
      return v ? xmlText(v[1]) : null;
    }
    case 'b': {
      const v = V.exec(inner);
      return v ? v[1].trim() === '1' || v[1].trim() === 'true' : null;
    }
    case 'e': {
      const v = V.exec(inner);
      return v ? xmlText(v[1]) : null;
    }
    case 'd': {
      const v = V.exec(inner);
      return v ? new Date(v[1]) : null;
    }
    default: {
      const v = V.exec(inner);
      if (!v) return null;
      const n = parseFloat(v[1]);
      if (Number.isNaN(n)) return null;
      if (reader.styles.isDate(cell.s))
        return new Date(Math.round((n - 25569 + (reader.date1904 ? 1462 : 0)) * 86_400_000));
      return n;
    }
  }
}

/** XML character data to text. */
export function xmlText(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    }
  });
}

/** Text as XML character data (quotes too, so it also fits in an attribute). */
export function xmlEscape(s: string): string {
  if (!/[<>&"]/.test(s)) return s;
  return s.replace(/[<>&"]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;',
  );
}
