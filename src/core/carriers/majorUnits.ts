/**
 * Money in major units (what a rule compares: `order value > 200`) for code that converts once per package:
 * the same number as toMajor, without its text round trip. For an integer amount of minor units, minor / 10^d
 * and Number('<decimal text>') are both the correctly rounded double of the same exact decimal, so they are
 * equal; the digits are looked up once per currency.
 */
import { minorUnits } from '../money/currencies';
import { toMajor } from '../money/parseMoney';

export type ToMajor = (minor: number, currency: string | null | undefined) => number;

export function majorUnitsConverter(): ToMajor {
  const scales = new Map<string | null | undefined, number>();
  return (minor, currency) => {
    if (!Number.isSafeInteger(minor)) return toMajor(minor, currency);
    let scale = scales.get(currency);
    if (scale === undefined) scales.set(currency, (scale = 10 ** minorUnits(currency)));
    return scale === 1 ? minor : minor / scale;
  };
}
