/**
 * Check digits of the carriers' tracking numbers (after jkeen/tracking_number_data, MIT): the mod-10 family with
 * carrier weights, FedEx's weighted mod-11, DHL's mod-7. Used to issue well-formed sample numbers.
 */

/** A character's mod-10 value: digits as themselves, letters as (char code − 3) mod 10 (so A=2 … R=9, S=0). */
function mod10Value(ch: string): number {
  const c = ch.toUpperCase();
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  return (c.charCodeAt(0) - 3) % 10;
}

export interface Mod10Weights {
  /** Weight of the characters at 0-based index 0, 2, 4, … (after the optional reversal). */
  readonly evens: number;
  /** Weight of the characters at index 1, 3, 5, …. */
  readonly odds: number;
  /** Count positions from the right (GS1 style: weight `evens` on the digit next to the check digit). */
  readonly reverse?: boolean;
}

/** The mod-10 check digit of a serial: (10 − Σ value × weight mod 10) mod 10, products not digit-summed. */
export function mod10CheckDigit(serial: string, weights: Mod10Weights): number {
  const chars = [...serial];
  if (weights.reverse) chars.reverse();
  let sum = 0;
  chars.forEach((ch, i) => {
    sum += mod10Value(ch) * (i % 2 === 0 ? weights.evens : weights.odds);
  });
  return (10 - (sum % 10)) % 10;
}

/** UPS 1Z: the 15 characters after `1Z`, evens × 1, odds × 2. */
export const UPS_WEIGHTS: Mod10Weights = { evens: 1, odds: 2 };
/** USPS IMpb (GS1 mod 10): from the right, 3 on the digit next to the check digit, then 1, 3, …. */
export const IMPB_WEIGHTS: Mod10Weights = { evens: 3, odds: 1, reverse: true };

/** FedEx Express 12-digit: weights 3, 1, 7 repeating over the 11-digit serial, (Σ mod 11) mod 10. */
export function fedexExpressCheckDigit(serial: string): number {
  const weights = [3, 1, 7];
  let sum = 0;
  [...serial].forEach((d, i) => {
    sum += Number(d) * weights[i % 3];
  });
  return (sum % 11) % 10;
}

/** DHL Express waybill: serial mod 7. Serials pass 2^53, so BigInt. */
export function dhlExpressCheckDigit(serial: string): number {
  return Number(BigInt(serial) % 7n);
}
