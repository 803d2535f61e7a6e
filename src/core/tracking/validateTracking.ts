/** What a tracking number is: every carrier format it fits, and whether its check digit is right in each. */
import type { TrackingCarrier } from './formats';
import { TRACKING_FORMATS } from './formats';

export interface TrackingMatch {
  readonly format: string;
  readonly formatName: string;
  readonly carrier: TrackingCarrier;
  /** `valid`: the check digit is right; `invalid`: wrong; `none`: the format has no check digit. */
  readonly checkDigit: 'valid' | 'invalid' | 'none';
  /** The check digit the number should end with, when it is wrong. */
  readonly expectedCheckDigit?: string;
  /** True when the check digit is right (or the format has none) and nothing else is wrong. */
  readonly valid: boolean;
  /** Why it is invalid, in plain words. */
  readonly reason?: string;
}

export interface TrackingCheck {
  /** As given. */
  readonly input: string;
  /** Spaces and hyphens removed, letters upper-cased: the form to store and send to Amazon. */
  readonly normalized: string;
  /** Every format whose shape the number fits, valid ones first. Empty: no known format. */
  readonly matches: readonly TrackingMatch[];
  /** True when at least one match is valid. */
  readonly valid: boolean;
}

/** `normalizeTrackingNumber(' 1z 5r89 3903-5756 7127 ')` → `1Z5R89390357567127`. */
export function normalizeTrackingNumber(input: string): string {
  return input.replace(/[\s\u00a0\u2007\u202f-]+/g, '').toUpperCase();
}

/**
 * `validateTrackingNumber('1Z5R89390357567127')` → one match, UPS 1Z, check digit valid.
 * `validateTrackingNumber('4201028200009261290113185417468510')` → USPS IMpb and FedEx Express 34, both valid.
 */
export function validateTrackingNumber(input: string): TrackingCheck {
  const normalized = normalizeTrackingNumber(input);
  const matches: TrackingMatch[] = [];
  for (const format of TRACKING_FORMATS) {
    const readings = format.read(normalized);
    if (readings.length === 0) continue;
    // Of several readings (optional prefixes), the first that passes wins; else the first tells why not.
    const best = readings.find((r) => r.expected === r.actual && !r.defect) ?? readings[0];
    const checkDigit = best.expected === null ? 'none' : best.expected === best.actual ? 'valid' : 'invalid';
    const valid = checkDigit !== 'invalid' && !best.defect;
    const reasons: string[] = [];
    if (checkDigit === 'invalid')
      reasons.push(`the check digit is ${best.actual}, the ${format.name} rule gives ${best.expected}`);
    if (best.defect) reasons.push(best.defect);
    matches.push({
      format: format.id,
      formatName: format.name,
      carrier: best.carrier ?? format.carrier,
      checkDigit,
      ...(checkDigit === 'invalid' ? { expectedCheckDigit: best.expected ?? undefined } : {}),
      valid,
      ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
    });
  }
  matches.sort((a, b) => Number(b.valid) - Number(a.valid));
  return { input, normalized, matches, valid: matches.some((m) => m.valid) };
}

/** Carriers whose valid formats a number fits, in order, without repeats. */
export function carriersOf(check: TrackingCheck): TrackingCarrier[] {
  return [...new Set(check.matches.filter((m) => m.valid).map((m) => m.carrier))];
}
