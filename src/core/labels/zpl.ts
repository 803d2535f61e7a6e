/**
 * Layout pages to ZPL II for 203 dpi thermal printers (4×6 in = ^PW812 ^LL1218). Field data goes through ^FH
 * hex escapes (`^`, `~`, `_`, control and non-ASCII characters as UTF-8 bytes under ^CI28), so no name or
 * address can break the format or inject commands.
 */
import { code128Modules } from './code128Width';
import type { BarcodeElement, LayoutElement, LayoutPage, TextElement } from './layout';
import { lineHeight } from './layout';

export const ZPL_DPI = 203;

/** Points to printer dots at 203 dpi. */
export function dots(pt: number): number {
  return Math.round((pt * ZPL_DPI) / 72);
}

/** Field data for ^FH (indicator `_`): printable ASCII kept, everything that could be read as a command escaped. */
export function escapeFieldData(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x20 && cp < 0x7f && ch !== '^' && ch !== '~' && ch !== '_' && ch !== '\\') out += ch;
    else for (const byte of utf8(ch)) out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function utf8(ch: string): number[] {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

export class ZplLayoutError extends Error {}

function textZpl(e: TextElement): string[] {
  const h = dots(e.size);
  const justify = e.align === 'center' ? 'C' : e.align === 'right' ? 'R' : 'L';
  // ^A0 is the printer's scalable font; bold is approximated by a wider cell.
  const w = e.bold ? Math.round(h * 1.05) : Math.round(h * 0.9);
  return e.lines.map((line, i) => {
    const y = dots(e.y + i * lineHeight(e.size) + (lineHeight(e.size) - e.size) / 2);
    return `^FO${dots(e.x)},${y}^A0N,${h},${w}^FB${dots(e.width)},1,0,${justify},0${e.inverse ? '^FR' : ''}^FH^FD${escapeFieldData(line)}^FS`;
  });
}

function barcodeZpl(e: BarcodeElement): string {
  const available = dots(e.width);
  const modules = code128Modules(e.data);
  let module = 4;
  while (module > 1 && modules * module > available) module--;
  if (modules * module > available)
    throw new ZplLayoutError(`barcode ${e.data} needs ${modules} dots but the label has ${available}`);
  const x = dots(e.x) + (e.center ? Math.floor((available - modules * module) / 2) : 0);
  const h = dots(e.height);
  // Mode A: the printer picks code sets; mode D: GS1-128 with FNC1, AIs in parentheses.
  const mode = e.symbology === 'gs1-128' ? 'D' : 'A';
  return `^FO${x},${dots(e.y)}^BY${module},3,${h}^BCN,${h},N,N,N,${mode}^FH^FD${escapeFieldData(e.data)}^FS`;
}

function elementZpl(e: LayoutElement): string[] {
  switch (e.kind) {
    case 'text':
      return textZpl(e);
    case 'rule': {
      const w = Math.max(1, dots(e.width));
      const h = Math.max(1, dots(e.height));
      return [`^FO${dots(e.x)},${dots(e.y)}^GB${w},${h},${Math.min(w, h)}^FS`];
    }
    case 'frame':
      return [
        `^FO${dots(e.x)},${dots(e.y)}^GB${dots(e.width)},${dots(e.height)},${Math.max(1, dots(e.lineWidth))}^FS`,
      ];
    case 'barcode':
      return [barcodeZpl(e)];
  }
}

/** One label format (^XA … ^XZ) for a page. */
export function pageToZpl(page: LayoutPage): string {
  const body = page.elements.flatMap(elementZpl);
  return [
    '^XA',
    '^CI28',
    `^PW${dots(page.widthPt)}`,
    `^LL${dots(page.heightPt)}`,
    '^LH0,0',
    ...body,
    '^XZ',
  ].join('\n');
}

/** A batch: the formats one after another, as a printer takes them over a raw socket. */
export function pagesToZpl(pages: readonly LayoutPage[]): string {
  return pages.map(pageToZpl).join('\n') + '\n';
}
