/**
 * Fast paths for the cell shapes that fill big files (plain integers and decimals, `YYYY-MM-DD`,
 * `YYYY-MM-DDTHH:MM:SS±HH:MM`): character scans instead of regexes, no allocation. Each returns its answer only
 * when it is certain and `undefined` otherwise, so the caller falls back to the general decoder
 * (`decodeCell`); a property test pins that every answer equals the general decoder's.
 */

/** Char codes used by the scanners. */
const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const COLON = 58;
const LETTER_T = 84;
const LETTER_Z = 90;

const isDigit = (c: number) => c >= ZERO && c <= NINE;

/** Powers of ten that are exact doubles (all of them up to 10^22; we need at most a currency's 3 digits). */
const POW10 = [1, 10, 100, 1000, 10000];

/**
 * `[+-]?\d+` (trimmed text) → its value, as `Number(text)` gives it (so `-0` stays `-0`); else undefined.
 * Up to 15 digits are summed exactly; longer ones go through Number like the general path.
 */
export function fastInteger(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === MINUS || first === PLUS) {
    negative = first === MINUS;
    i = 1;
  }
  if (i >= n) return undefined;
  if (n - i > 15) {
    for (let j = i; j < n; j++) if (!isDigit(text.charCodeAt(j))) return undefined;
    return Number(text);
  }
  let value = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    value = value * 10 + (c - ZERO);
  }
  return negative ? -value : value;
}

/** `[+-]?\d+(\.\d*)?` (trimmed text) → `Number(text)`; else undefined (commas, exponents, `.5`: the general path). */
export function fastDecimal(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  const first = text.charCodeAt(0);
  if (first === MINUS || first === PLUS) i = 1;
  const digitsStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === digitsStart) return undefined;
  if (i === n) return fastInteger(text);
  if (text.charCodeAt(i) !== DOT) return undefined;
  for (i++; i < n; i++) if (!isDigit(text.charCodeAt(i))) return undefined;
  return Number(text);
}

/**
 * Money text `[+-]?\d+(\.\d{0,digits})?` (trimmed) → integer minor units, exactly as parseMoney reads it;
 * else undefined (symbols, separators, parentheses, extra decimals, more than 15 digits: the general path).
 */
export function fastMoneyText(text: string, digits: number): number | undefined {
  const n = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === MINUS || first === PLUS) {
    negative = first === MINUS;
    i = 1;
  }
  let value = 0;
  let significant = 0;
  const wholeStart = i;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) break;
    value = value * 10 + (c - ZERO);
    significant++;
  }
  if (i === wholeStart) return undefined;
  let fraction = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== DOT) return undefined;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!isDigit(c) || fraction === digits) return undefined;
      value = value * 10 + (c - ZERO);
      fraction++;
      significant++;
    }
  }
  if (significant + digits - fraction > 15 || digits >= POW10.length) return undefined;
  const minor = value * POW10[digits - fraction];
  return negative && minor !== 0 ? -minor : minor;
}

/**
 * A number cell as money: `19.99` (USD) → 1999 when the number is, to 15 significant digits, a whole number of
 * minor units — what parseMoney finds through its text. Else undefined (too many decimals, huge, tiny).
 */
export function fastMoneyNumber(value: number, digits: number): number | undefined {
  if (!Number.isFinite(value) || digits >= POW10.length) return undefined;
  if (value === 0) return 0;
  const scale = POW10[digits];
  // Most amounts already are the double nearest a whole number of minor units: then that number, with no text.
  // (Such a double of at most 15 significant digits survives toPrecision(15), so the path below agrees.)
  const direct = Math.round(value * scale);
  if (direct !== 0 && Math.abs(direct) <= 999_999_999_999_999 && direct / scale === value) return direct;
  const rounded = Number(value.toPrecision(15));
  const minor = Math.round(rounded * scale);
  // Two decimals of at most 15 significant digits are never the same double, so when minor / scale is the
  // double parseMoney's text stands for, minor is the number that text spells.
  if (minor === 0 || Math.abs(minor) > 999_999_999_999_999 || minor / scale !== rounded) return undefined;
  return minor;
}

const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - ZERO;
  const b = text.charCodeAt(at + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** True when `YYYY-MM-DD` at the start of `text` is a real calendar date. */
function calendarDate(text: string): boolean {
  const y1 = twoDigits(text, 0);
  const y2 = twoDigits(text, 2);
  if (y1 < 0 || y2 < 0 || text.charCodeAt(4) !== MINUS || text.charCodeAt(7) !== MINUS) return false;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month]) return false;
  if (month === 2 && day === 29) {
    const year = y1 * 100 + y2;
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  }
  return true;
}

/** `YYYY-MM-DD` (trimmed text) that is a real date: true; false means "ask the general parser". */
export function isPlainDate(text: string): boolean {
  return text.length === 10 && calendarDate(text);
}

/**
 * `YYYY-MM-DDTHH:MM:SS` followed by nothing, `Z` or `±HH:MM` (trimmed text), a real date and time of day: true.
 * False means "ask the general parser" (spaces, fractions, lowercase, other zones are left to it).
 */
export function isPlainDateTime(text: string): boolean {
  const n = text.length;
  if (n !== 19 && n !== 20 && n !== 25) return false;
  if (!calendarDate(text) || text.charCodeAt(10) !== LETTER_T) return false;
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return false;
  const h = twoDigits(text, 11);
  const mi = twoDigits(text, 14);
  const s = twoDigits(text, 17);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return false;
  if (n === 19) return true;
  const zone = text.charCodeAt(19);
  if (n === 20) return zone === LETTER_Z;
  return (
    (zone === PLUS || zone === MINUS) &&
    twoDigits(text, 20) >= 0 &&
    text.charCodeAt(22) === COLON &&
    twoDigits(text, 23) >= 0
  );
}
