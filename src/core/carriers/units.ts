/** Weight and length units to ounces and inches, the units carrier rules are written in. */

export type WeightUnit = 'oz' | 'lb' | 'g' | 'kg';
export type LengthUnit = 'in' | 'cm';

const OZ_PER: Readonly<Record<WeightUnit, number>> = {
  oz: 1,
  lb: 16,
  // avoirdupois: 1 oz = 28.349523125 g exactly
  g: 1 / 28.349523125,
  kg: 1000 / 28.349523125,
};

/** `toOunces(1.1, 'lb')` → 17.6; `toOunces(500, 'g')` → 17.637… */
export function toOunces(value: number, unit: WeightUnit): number {
  return value * OZ_PER[unit];
}

/** `toInches(30.48, 'cm')` → 12. */
export function toInches(value: number, unit: LengthUnit): number {
  return unit === 'cm' ? value / 2.54 : value;
}

/** Round up without float noise: `ceilClean(16.000000001)` → 16, `ceilClean(16.01)` → 17. */
export function ceilClean(n: number): number {
  return Math.ceil(n - 1e-9);
}
