/**
 * Break text into lines that fit a width, without font files: widths are estimated per character (generous, so a
 * renderer's real measurement rarely needs to shrink a line). Text that does not fit in the lines allowed ends in
 * a visible "…" — never a silent cut.
 */

/** Estimated advance of a character in em (Noto Sans proportions, rounded up). */
export function charWidthEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (isWide(cp)) return 1.0;
  if (ch === ' ') return 0.27;
  if ('il.,:;|!\'`'.includes(ch)) return 0.3;
  if ('MWmw@%'.includes(ch)) return 0.92;
  if (ch >= 'A' && ch <= 'Z') return 0.7;
  if (ch >= '0' && ch <= '9') return 0.6;
  if (ch >= 'a' && ch <= 'z') return 0.58;
  return 0.62;
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
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  return em * size * (bold ? 1.06 : 1);
}

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

/** Word-wrap `text` into lines at most `width` points wide at `size`; words longer than a line are split. */
export function fitText(text: string, width: number, size: number, options: FitOptions = {}): FittedText {
  const maxLines = options.maxLines ?? Number.POSITIVE_INFINITY;
  const bold = options.bold ?? false;
  const fits = (s: string) => textWidth(s, size, bold) <= width;
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  const push = (line: string) => {
    lines.push(line);
  };
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== '') push(current);
    current = '';
    // A word wider than the line (long ids, CJK runs without spaces): break it by characters.
    let rest = word;
    while (!fits(rest)) {
      let cut = 0;
      let taken = '';
      for (const ch of rest) {
        if (!fits(taken + ch)) break;
        taken += ch;
        cut += ch.length;
      }
      // Prefer a break after a hyphen (Fitzgerald-|Montgomery) to one mid-word.
      const hyphen = taken.lastIndexOf('-');
      if (hyphen > 0 && hyphen < taken.length - 1) {
        taken = taken.slice(0, hyphen + 1);
        cut = taken.length;
      }
      if (cut === 0) {
        taken = [...rest][0];
        cut = taken.length;
      }
      push(taken);
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current !== '') push(current);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last !== '' && !fits(last + ELLIPSIS)) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = last.trimEnd() + ELLIPSIS;
  return { lines: kept, truncated: true };
}
