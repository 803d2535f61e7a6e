/**
 * Billable weight of one package for one service: the greater of the rounded actual weight and the
 * dimensional weight, as UPS, FedEx and USPS compute them (reference/carriers.md, section b).
 */
import { ceilClean } from './units';

export interface PackageSize {
  readonly weightOz: number;
  readonly lengthIn: number;
  readonly widthIn: number;
  readonly heightIn: number;
}

export interface WeightRules {
  /** Cubic inches per pound; null: the service has no dim weight. */
  readonly dimDivisor: number | null;
  /** Dim weight only when the rounded volume is more than this (USPS: 1728). */
  readonly dimMinCubicIn: number;
  /** `lb`: actual weight up to the next pound. `oz`: under a pound, up to the next ounce (USPS light parcels). */
  readonly rounding: 'lb' | 'oz';
}

export interface BillableWeight {
  /** What the rate card is looked up with. */
  readonly billableOz: number;
  /** Actual weight after the service's rounding. */
  readonly roundedActualOz: number;
  /** Dimensional weight in ounces (whole pounds), or null when it does not apply. */
  readonly dimOz: number | null;
  /** Volume after each side is rounded to the nearest inch. */
  readonly cubicIn: number;
}

/** Carriers round each side to the nearest inch, halves up (UPS: "x.50 rounds up"). */
export function roundSideIn(inches: number): number {
  return Math.floor(inches + 0.5 + 1e-9);
}

/**
 * Under a pound the USPS bills by the ounce and prices 15.01–15.99 oz as "15.99 oz": a fraction past 15 oz
 * stays in the last ounce tier rather than jumping to 1 lb, which rounding up to 16 oz would do.
 */
export const LAST_OUNCE_TIER = 15.99;

export function roundActualOz(weightOz: number, rounding: 'lb' | 'oz'): number {
  if (rounding === 'oz' && weightOz < 16 - 1e-9) {
    return weightOz > 15 + 1e-9 ? LAST_OUNCE_TIER : Math.max(1, ceilClean(weightOz));
  }
  return Math.max(1, ceilClean(weightOz / 16)) * 16;
}

/**
 * `billableWeight({weightOz: 80, lengthIn: 18, widthIn: 12, heightIn: 12}, {dimDivisor: 139, dimMinCubicIn: 0, rounding: 'lb'})`
 * → 18×12×12 = 2592 in³ / 139 = 18.6 → 19 lb dim; actual 5 lb → billable 19 lb = 304 oz.
 */
export function billableWeight(size: PackageSize, rules: WeightRules): BillableWeight {
  const cubicIn = roundSideIn(size.lengthIn) * roundSideIn(size.widthIn) * roundSideIn(size.heightIn);
  const roundedActualOz = roundActualOz(size.weightOz, rules.rounding);
  const dimOz =
    rules.dimDivisor !== null && rules.dimDivisor > 0 && cubicIn > rules.dimMinCubicIn
      ? Math.max(1, ceilClean(cubicIn / rules.dimDivisor)) * 16
      : null;
  const billableOz = dimOz !== null && dimOz > roundedActualOz ? dimOz : roundedActualOz;
  return { billableOz, roundedActualOz, dimOz, cubicIn };
}

/** Sides sorted longest first, girth = 2 × (the two shorter sides), as carriers measure. */
export function measure(size: PackageSize): {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  girthIn: number;
  lengthGirthIn: number;
} {
  // Three compares instead of an array and a sort: every package is measured twice (rules, then the card).
  let l = size.lengthIn;
  let w = size.widthIn;
  let h = size.heightIn;
  if (w > l) {
    const t = l;
    l = w;
    w = t;
  }
  if (h > w) {
    const t = w;
    w = h;
    h = t;
    if (w > l) {
      const u = l;
      l = w;
      w = u;
    }
  }
  const girthIn = 2 * (w + h);
  return { lengthIn: l, widthIn: w, heightIn: h, girthIn, lengthGirthIn: l + girthIn };
}

/** `billableWeight(size, rules).billableOz` without the breakdown object (quoting calls it per service per package). */
export function billableOunces(size: PackageSize, rules: WeightRules): number {
  const actual = roundActualOz(size.weightOz, rules.rounding);
  if (rules.dimDivisor === null || rules.dimDivisor <= 0) return actual;
  const cubicIn = roundSideIn(size.lengthIn) * roundSideIn(size.widthIn) * roundSideIn(size.heightIn);
  if (cubicIn <= rules.dimMinCubicIn) return actual;
  const dimOz = Math.max(1, ceilClean(cubicIn / rules.dimDivisor)) * 16;
  return dimOz > actual ? dimOz : actual;
}
