/**
 * OOXML's escapes for characters XML cannot carry (ST_Xstring: `_x000D_` for a carriage return, `_x0007_` for a
 * bell), as Excel writes and reads them. exceljs leaves text as it is, so a CR would come back as a line feed
 * and a control character would corrupt the file; the bulk writer and reader apply these instead.
 */

// Control characters are the point of this pattern.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;
const NEEDS_ESCAPE_ALL = new RegExp(NEEDS_ESCAPE.source, 'g');
const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/** `a\rb` → `a_x000D_b`; a literal `_x0041_` → `_x005F_x0041_` so it is not read as an escape. */
export function escapeXlsxText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NEEDS_ESCAPE_ALL, (m) =>
    m.length === 1
      ? `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`
      : `_x005F_${m.slice(1)}`,
  );
}

/** The inverse: every `_xHHHH_` becomes its character. */
export function unescapeXlsxText(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
