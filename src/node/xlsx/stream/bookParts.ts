/**
 * The workbook-wide parts a sheet's cells depend on, read from the zip without exceljs: the shared strings
 * (streamed, capped), the cell styles (which are dates, which have a number format) and, when new cells need a
 * number format no style has yet, styles.xml with those styles appended (every existing style keeps its index).
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import type { BulkLimits } from '../../bulk/bulkLimits';
import { BulkFileError } from '../../bulk/bulkLimits';
import { stringItemText, xmlEscape, xmlText } from './rowXml';

const SI = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;

/**
 * The book's shared strings, as UTF-8 in one buffer with their offsets: a million-row book has a million or
 * more of them, which as JS strings (each slice keeping its chunk of XML alive) are ~100 MB of heap the
 * collector traces on every full collection; here they are off the heap and decoded when a cell needs one.
 */
export class SharedStrings {
  private data = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private ends = new Uint32Array(1024);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(s: string): void {
    if (s.length * 3 > this.data.length - this.used) {
      const bigger = Buffer.allocUnsafe(Math.max(this.data.length * 2, this.used + s.length * 3));
      this.data.copy(bigger, 0, 0, this.used);
      this.data = bigger;
    }
    this.used += this.data.write(s, this.used, 'utf8');
    if (this.count === this.ends.length) {
      const bigger = new Uint32Array(this.ends.length * 2);
      bigger.set(this.ends);
      this.ends = bigger;
    }
    this.ends[this.count++] = this.used;
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    return this.data.toString('utf8', i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }
}

/** Every shared string, in order, as the backend reads them. */
export async function readSharedStrings(
  xml: Readable,
  label: string,
  limits: BulkLimits,
): Promise<SharedStrings> {
  const out = new SharedStrings();
  const decoder = new StringDecoder('utf8');
  let text = '';
  let chars = 0;
  const take = () => {
    SI.lastIndex = 0;
    let end = 0;
    for (let m = SI.exec(text); m; m = SI.exec(text)) {
      const s = stringItemText(m[1] ?? '');
      out.push(s);
      chars += s.length;
      end = m.index + m[0].length;
    }
    text = text.slice(end);
    if (out.length > limits.maxSharedStrings)
      throw new BulkFileError(
        `${label} has more than ${limits.maxSharedStrings.toLocaleString('en-US')} shared strings; Shipsheet stops there to stay within memory.`,
      );
    if (chars > limits.maxSharedStringChars)
      throw new BulkFileError(
        `${label}'s shared strings hold more than ${limits.maxSharedStringChars.toLocaleString('en-US')} characters; Shipsheet stops there to stay within memory.`,
      );
  };
  for await (const chunk of xml as AsyncIterable<Buffer>) {
    text += decoder.write(chunk);
    // Only whole items: cut at the last close tag.
    const last = text.lastIndexOf('</');
    if (last > 0) {
      const keep = text.slice(last);
      text = text.slice(0, last);
      take();
      text += keep;
    }
  }
  text += decoder.end();
  take();
  return out;
}

/** Excel's built-in number formats that matter here (ids 0-49), as exceljs knows them. */
const BUILTIN: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's test for a date format (what makes it read a number as a Date). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const XF = /<(?:[\w.-]+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?xf>)/g;
const NUMFMT = /<(?:[\w.-]+:)?numFmt\b[^>]*?\/?>/g;

export class BookStyles {
  private readonly xfs: string[];
  private readonly fmtIds: number[];
  private readonly codes = new Map<number, string>();
  private readonly added: string[] = [];
  private readonly addedFormats: { id: number; code: string }[] = [];
  private readonly derived = new Map<string, number>();

  constructor(private readonly xml: string | null) {
    const cellXfs = xml ? /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml) : null;
    this.xfs = cellXfs ? (cellXfs[1].match(XF) ?? []) : [];
    this.fmtIds = this.xfs.map((x) => Number(/\snumFmtId="(\d+)"/.exec(x)?.[1] ?? 0));
    const numFmts = xml ? /<(?:[\w.-]+:)?numFmts\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?numFmts>/.exec(xml) : null;
    for (const m of numFmts?.[1].match(NUMFMT) ?? []) {
      const id = /\snumFmtId="(\d+)"/.exec(m)?.[1];
      const code = /\sformatCode="([^"]*)"/.exec(m)?.[1];
      if (id !== undefined && code !== undefined) this.codes.set(Number(id), xmlText(code));
    }
  }

  private code(s: number): string | undefined {
    const id = this.fmtIds[s] ?? 0;
    return id === 0 ? undefined : (this.codes.get(id) ?? BUILTIN[id]);
  }

  private readonly dates: (boolean | undefined)[] = [];

  isDate(s: number): boolean {
    return (this.dates[s] ??= isDateFormat(this.code(s)));
  }

  private readonly hasFormat: (boolean | undefined)[] = [];

  /** True when the style carries a number format other than General (exceljs: `cell.numFmt` is set). */
  hasNumberFormat(s: number): boolean {
    return (this.hasFormat[s] ??= this.code(s) !== undefined);
  }

  /** format code → style → the style with that format (a lookup per written cell, so no string keys). */
  private readonly withFormat = new Map<string, number[]>();

  /** A style like `s` with number format `code`, added when no such style exists yet. */
  withNumberFormat(s: number, code: string): number {
    let byStyle = this.withFormat.get(code);
    if (!byStyle) this.withFormat.set(code, (byStyle = []));
    return (byStyle[s] ??= this.deriveStyle(s, code));
  }

  private deriveStyle(s: number, code: string): number {
    if (this.code(s) === code) return s;
    const cacheKey = `${s}\u0000${code}`;
    const known = this.derived.get(cacheKey);
    if (known !== undefined) return known;
    if (this.xml === null || this.xfs.length === 0) return s;
    const fmtId = this.formatId(code);
    const base = this.xfs[s] ?? this.xfs[0];
    let xf = /\snumFmtId="\d+"/.test(base)
      ? base.replace(/\snumFmtId="\d+"/, ` numFmtId="${fmtId}"`)
      : base.replace(/^<([\w.:-]+)/, `<$1 numFmtId="${fmtId}"`);
    xf = /\sapplyNumberFormat="[^"]*"/.test(xf)
      ? xf.replace(/\sapplyNumberFormat="[^"]*"/, ' applyNumberFormat="1"')
      : xf.replace(/^<([\w.:-]+)/, '<$1 applyNumberFormat="1"');
    const index = this.xfs.length + this.added.length;
    this.added.push(xf);
    this.derived.set(cacheKey, index);
    return index;
  }

  private formatId(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN)) if (c === code) return Number(id);
    for (const [id, c] of this.codes) if (c === code) return id;
    for (const f of this.addedFormats) if (f.code === code) return f.id;
    const id = Math.max(163, ...this.codes.keys(), ...this.addedFormats.map((f) => f.id)) + 1;
    this.addedFormats.push({ id, code });
    return id;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** styles.xml with the added styles and formats (call only when `changed`). */
  patchedXml(): string {
    let xml = this.xml!;
    if (this.addedFormats.length > 0) {
      const items = this.addedFormats
        .map((f) => `<numFmt numFmtId="${f.id}" formatCode="${xmlEscape(f.code)}"/>`)
        .join('');
      const numFmts = /(<(?:[\w.-]+:)?numFmts\b[^>]*>)([\s\S]*?)(<\/(?:[\w.-]+:)?numFmts>)/.exec(xml);
      if (numFmts) {
        const count = this.codes.size + this.addedFormats.length;
        const open = /\scount="\d+"/.test(numFmts[1])
          ? numFmts[1].replace(/\scount="\d+"/, ` count="${count}"`)
          : numFmts[1];
        xml =
          xml.slice(0, numFmts.index) +
          open +
          numFmts[2] +
          items +
          numFmts[3] +
          xml.slice(numFmts.index + numFmts[0].length);
      } else {
        const sheet = /<(?:([\w.-]+):)?styleSheet\b[^>]*>/.exec(xml);
        if (!sheet) throw new Error('styles.xml has no styleSheet');
        const p = sheet[1] ? `${sheet[1]}:` : '';
        const at = sheet.index + sheet[0].length;
        xml =
          xml.slice(0, at) +
          `<${p}numFmts count="${this.addedFormats.length}">${items.replace(/<numFmt/g, `<${p}numFmt`)}</${p}numFmts>` +
          xml.slice(at);
      }
    }
    const cellXfs = /(<(?:[\w.-]+:)?cellXfs\b[^>]*>)([\s\S]*?)(<\/(?:[\w.-]+:)?cellXfs>)/.exec(xml)!;
    const count = this.xfs.length + this.added.length;
    const open = /\scount="\d+"/.test(cellXfs[1])
      ? cellXfs[1].replace(/\scount="\d+"/, ` count="${count}"`)
      : cellXfs[1];
    return (
      xml.slice(0, cellXfs.index) +
      open +
      cellXfs[2] +
      this.added.join('') +
      cellXfs[3] +
      xml.slice(cellXfs.index + cellXfs[0].length)
    );
  }
}

/** `<workbookPr date1904="1"/>`: serial dates count from 1904. */
export function isDate1904(workbookXml: string): boolean {
  return /<(?:[\w.-]+:)?workbookPr\b[^>]*\sdate1904="(?:1|true)"/.test(workbookXml);
}
