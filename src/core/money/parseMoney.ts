/** Exact money parsing: decimal text to integer minor units, never through float arithmetic. */
import { minorUnits } from './currencies';

export type ParsedMoney = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * `parseMoney('10.59', 'USD')` → `{ ok: true, minor: 1059 }`; `parseMoney('1,234', 'JPY')` → 1234.
 * Accepts a leading sign, thousands separators, a currency symbol, and a number cell.
 */
export function parseMoney(input: string | number, currency: string | null | undefined): ParsedMoney {
  const digits = minorUnits(currency);
  let text = typeof input === 'number' ? numberToPlainText(input) : input.trim();
  text = text.replace(/^[$€£¥₹]|[$€£¥₹]$/g, '').replace(/\s/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, reason: 'is not an amount' };
  const whole = m[1] === '' ? '0' : m[1];
  let frac = m[2] ?? '';
  if (frac.length > digits) {
    if (/^0*$/.test(frac.slice(digits))) frac = frac.slice(0, digits);
    else
      return {
        ok: false,
        reason: `has more than ${digits} decimal places for ${currency || 'this currency'}`,
      };
  }
  frac = frac.padEnd(digits, '0');
  const minor = Number(whole + frac);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'is too large' };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

/**
 * A number as plain decimal text without exponent, rounded to 15 significant digits (all a double holds) to
 * undo float noise: 9999999999.99 stays 9999999999.99, where fixed decimals would show noise past the cents.
 */
function numberToPlainText(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  const rounded = Number(n.toPrecision(15));
  const text = String(rounded);
  return /e/i.test(text) ? rounded.toFixed(20).replace(/\.?0+$/, '') : text;
}

/** Minor units back to a number of major units for a money cell: `toMajor(1059, 'USD')` → 10.59. */
export function toMajor(minor: number, currency: string | null | undefined): number {
  const digits = minorUnits(currency);
  return digits === 0 ? minor : Number(formatMoneyPlain(minor, currency));
}

/** Minor units as plain decimal text: `formatMoneyPlain(-5, 'USD')` → `-0.05`. For files and cells. */
export function formatMoneyPlain(minor: number, currency: string | null | undefined): string {
  const digits = minorUnits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
