/**
 * Check-digit algorithms of parcel tracking numbers, as the jkeen/tracking_number_data set (MIT) names them:
 * mod10 (weighted, UPS letters mapped), GS1 mod10, weighted sum mod 11 mod 10, mod7 and UPU S10 mod 11.
 */

/** A character's value for mod10: digits as they are, letters as `(charCode - 3) % 10` (UPS: A=2 … R=9, S=0). */
function charValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  return (code - 3) % 10;
}

/**
 * Weighted mod 10 from the left: `evens` weighs 0-based positions 0, 2, 4…, `odds` positions 1, 3, 5…;
 * the check digit is `(10 − sum % 10) % 10`. Products are not digit-summed (this is not Luhn).
 * `mod10('5R89390357567', 1, 2)`-style for UPS 1Z (serial = the 15 characters after `1Z`).
 */
export function mod10(serial: string, evens: number, odds: number): number {
  let sum = 0;
  for (let i = 0; i < serial.length; i++) sum += charValue(serial[i]) * (i % 2 === 0 ? evens : odds);
  return (10 - (sum % 10)) % 10;
}

/**
 * GS1 mod 10 (USPS IMpb, SSCC-18, FedEx Ground): weight 3 on the digit next to the check digit, then 1, 3, …
 * going left. The same as the data set's mod10 3/1 on odd-length serials and 1/3 on even-length ones.
 */
export function gs1Mod10(serial: string): number {
  let sum = 0;
  for (let i = 0; i < serial.length; i++) {
    const fromRight = serial.length - 1 - i;
    sum += charValue(serial[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** FedEx Express: Σ digit × weight (weights repeat), then `% 11 % 10`. */
export function weightedMod11Mod10(serial: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < serial.length; i++) sum += charValue(serial[i]) * weights[i % weights.length];
  return (sum % 11) % 10;
}

/** DHL Express: the serial read as one integer, modulo 7. BigInt, because serials pass 2^53 on long formats. */
export function mod7(serial: string): number {
  return Number(BigInt(serial) % 7n);
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10: Σ digit × [8,6,4,2,3,5,9,7], r = sum % 11; check = 5 when r = 0, 0 when r = 1, else 11 − r. */
export function s10CheckDigit(serial8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(serial8[i]) * S10_WEIGHTS[i];
  const r = sum % 11;
  if (r === 0) return 5;
  if (r === 1) return 0;
  return 11 - r;
}
