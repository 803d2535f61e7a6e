/**
 * Break text into lines that fit a width, without font files: widths are estimated per character (generous, so a
 * renderer's real measurement rarely needs to shrink a line). Text that does not fit in the lines allowed ends in
 * a visible "…" — never a silent cut.
 */

function asciiWidthEm(ch: string): number {
  if (ch === ' ') return 0.27;
  if ("il.,:;|!'`".includes(ch)) return 0.3;
  if ('MWmw@%'.includes(ch)) return 0.92;
  if (ch >= 'A' && ch <= 'Z') return 0.7;
  if (ch >= '0' && ch <= '9') return 0.6;
  if (ch >= 'a' && ch <= 'z') return 0.58;
  return 0.62;
}

/** ASCII widths looked up, not recomputed: labels and slips measure every character of every line. */
const ASCII_EM = Array.from({ length: 128 }, (_, i) => asciiWidthEm(String.fromCharCode(i)));

/** Estimated advance of a character in em (Noto Sans proportions, rounded up). */
export function charWidthEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 128) return ASCII_EM[cp];
  return isWide(cp) ? 1.0 : 0.62;
}

/** East Asian wide and full-width characters (CJK, kana, Hangul, full-width forms). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Estimated width of a string in points. */
export function textWidth(text: string, size: number, bold = false): number {
  return emWidth(text) * size * (bold ? 1.06 : 1);
}

/** Width in em of a string, by code point. */
function emWidth(text: string): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) em += ASCII_EM[c];
    else {
      const cp = text.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      em += isWide(cp) ? 1.0 : 0.62;
    }
  }
  return em;
}

/** No leading, trailing or repeated white space, no tabs or newlines: the text is its own single line. */
function isSingleSpaced(text: string): boolean {
  return text === '' || SINGLE_SPACED.test(text);
}

const SINGLE_SPACED = /^\S+(?: \S+)*$/;

export interface FittedText {
  readonly lines: string[];
  /** True when text was left out (the last line ends in "…"). */
  readonly truncated: boolean;
}

export interface FitOptions {
  readonly maxLines?: number;
  readonly bold?: boolean;
}

const ELLIPSIS = '…';

/**
 * Word-wrap `text` into lines at most `width` points wide at `size`; words longer than a line are split (after a
 * hyphen when there is one). Linear in the length of the text: widths are summed as it goes.
 */
export function fitText(text: string, width: number, size: number, options: FitOptions = {}): FittedText {
  const maxLines = options.maxLines ?? Number.POSITIVE_INFINITY;
  const scale = size * ((options.bold ?? false) ? 1.06 : 1);
  // Most label and slip text fits on one line: measure it in one pass, without splitting or allocating.
  if (maxLines >= 1 && isSingleSpaced(text) && emWidth(text) * scale <= width)
    return { lines: text === '' ? [] : [text], truncated: false };
  const w = (ch: string) => charWidthEm(ch) * scale;
  const space = w(' ');
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const chars = [...word];
    const widths = chars.map(w);
    const wordWidth = widths.reduce((a, b) => a + b, 0);
    const joined = current === '' ? wordWidth : currentWidth + space + wordWidth;
    if (joined <= width) {
      current = current === '' ? word : `${current} ${word}`;
      currentWidth = joined;
      continue;
    }
    if (current !== '') lines.push(current);
    // A word wider than the line (long ids, CJK runs without spaces): break it by characters.
    let start = 0;
    let restWidth = wordWidth;
    while (restWidth > width && start < chars.length) {
      let end = start;
      let taken = 0;
      while (end < chars.length && taken + widths[end] <= width) taken += widths[end++];
      if (end === start) taken = widths[end++];
      const hyphen = chars.lastIndexOf('-', end - 2);
      if (hyphen >= start && hyphen < end - 1) {
        for (let k = hyphen + 1; k < end; k++) taken -= widths[k];
        end = hyphen + 1;
      }
      lines.push(chars.slice(start, end).join(''));
      restWidth -= taken;
      start = end;
    }
    current = chars.slice(start).join('');
    currentWidth = Math.max(0, restWidth);
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  const last = [...kept[maxLines - 1]];
  let lastWidth = last.reduce((a, ch) => a + w(ch), 0);
  const ellipsis = w(ELLIPSIS);
  while (last.length > 0 && lastWidth + ellipsis > width) lastWidth -= w(last.pop() as string);
  kept[maxLines - 1] = last.join('').trimEnd() + ELLIPSIS;
  return { lines: kept, truncated: true };
}
