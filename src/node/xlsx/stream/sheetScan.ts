/**
 * One worksheet's XML read as a stream of pieces: everything before the rows (`head`), each `<row>` element as
 * its own text, and everything after the rows (`tail`). The rows are then patched or copied as text, so every
 * attribute and cell Shipsheet does not change is written back exactly as it was.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

export interface ScannedRow {
  /** 1-based row number (the `r` attribute, or the one after the previous row). */
  readonly r: number;
  readonly xml: string;
}

export type SheetPiece =
  | { readonly kind: 'head'; readonly xml: string }
  | { readonly kind: 'rows'; readonly rows: readonly ScannedRow[] }
  | { readonly kind: 'tail'; readonly xml: string };

const SHEET_DATA = /<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(\/?)>/g;
const ROW = /<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?row>)/g;
const ROW_START = /<(?:[A-Za-z_][\w.-]*:)?row\b/g;
const ROW_NUMBER = /^<(?:[\w.-]+:)?row\b[^>]*?\sr="(\d+)"/;

/**
 * Pieces of a sheet: `head` (ending with the `<sheetData>` open tag), batches of rows, `tail` (from
 * `</sheetData>`). A self-closing `<sheetData/>` is split into an open and a close tag.
 */
export async function* scanSheet(xml: Readable, label: string): AsyncGenerator<SheetPiece> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  let state: 'head' | 'rows' | 'tail' = 'head';
  let prefix = '';
  let lastRow = 0;
  let tail = '';
  const take = (final: boolean): ScannedRow[] => {
    const rows: ScannedRow[] = [];
    let at = 0;
    for (;;) {
      ROW_START.lastIndex = at;
      const start = ROW_START.exec(text);
      const close = text.indexOf(`</${prefix}sheetData`, at);
      if (close >= 0 && (!start || close < start.index)) {
        tail = text.slice(close);
        text = '';
        state = 'tail';
        break;
      }
      if (!start) {
        // Keep a possible partial tag for the next chunk.
        const lt = text.lastIndexOf('<');
        text = lt >= at ? text.slice(lt) : '';
        break;
      }
      ROW.lastIndex = start.index;
      const m = ROW.exec(text);
      if (!m || m.index !== start.index) {
        if (final) throw new Error(`${label}: a <row> element is not closed`);
        text = text.slice(start.index);
        break;
      }
      const n = ROW_NUMBER.exec(m[0]);
      const r = n ? Number(n[1]) : lastRow + 1;
      lastRow = r;
      rows.push({ r, xml: m[0] });
      at = m.index + m[0].length;
    }
    return rows;
  };
  const feed = function* (final: boolean): Generator<SheetPiece> {
    if (state === 'head') {
      SHEET_DATA.lastIndex = 0;
      const m = SHEET_DATA.exec(text);
      if (!m) {
        if (final) throw new Error(`${label}: the sheet has no <sheetData>`);
        return;
      }
      prefix = m[1];
      const end = m.index + m[0].length;
      if (m[2] === '/') {
        yield { kind: 'head', xml: text.slice(0, m.index) + `<${prefix}sheetData>` };
        text = `</${prefix}sheetData>` + text.slice(end);
      } else {
        yield { kind: 'head', xml: text.slice(0, end) };
        text = text.slice(end);
      }
      state = 'rows';
    }
    if ((state as string) === 'rows') {
      const rows = take(final);
      if (rows.length > 0) yield { kind: 'rows', rows };
    }
    if ((state as string) === 'tail') {
      tail += text;
      text = '';
    }
  };
  for await (const chunk of xml as AsyncIterable<Buffer>) {
    text += decoder.write(chunk);
    yield* feed(false);
  }
  text += decoder.end();
  yield* feed(true);
  if ((state as string) !== 'tail') throw new Error(`${label}: the sheet XML ends inside <sheetData>`);
  yield { kind: 'tail', xml: tail };
}
