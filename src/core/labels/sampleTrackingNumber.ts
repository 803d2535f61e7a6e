/**
 * Test tracking numbers the offline sample provider issues: the carrier's real shape and check digit (so a
 * validator accepts them), derived from the label's idempotency key, so the same key always gives the same number.
 */
import {
  IMPB_WEIGHTS,
  UPS_WEIGHTS,
  dhlExpressCheckDigit,
  fedexExpressCheckDigit,
  mod10CheckDigit,
} from './checkDigits';

/** The sample "account" parts: obviously not a real shipper number, still the right shape. */
const UPS_SHIPPER = 'SAMPLE';
const USPS_MAILER_ID = '912345678';

/** A 53-bit string hash (cyrb53): stable across runs and platforms, no crypto needed for test numbers. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `count` decimal digits drawn from the key (more than 15 are drawn in rounds with different seeds). */
export function digitsFromKey(key: string, count: number): string {
  let out = '';
  for (let round = 0; out.length < count; round++)
    out += String(hash53(key, round)).padStart(16, '0').slice(-15);
  return out.slice(0, count);
}

/** UPS service code in the 1Z number (characters 9–10). */
export function upsServiceCode(service: string): string {
  const s = service.toLowerCase();
  if (/next day air saver|nda saver/.test(s)) return '13';
  if (/next day|overnight|nda/.test(s)) return '01';
  if (/2nd day|second day|2 day/.test(s)) return '02';
  if (/3 day/.test(s)) return '12';
  return '03';
}

/** USPS service type code (STC) in the IMpb number. */
export function uspsServiceTypeCode(service: string): string {
  const s = service.toLowerCase();
  if (/express/.test(s)) return '701';
  if (/priority/.test(s)) return '055';
  return '001';
}

export type SampleCarrier = 'UPS' | 'USPS' | 'FedEx' | 'DHL';

/** The carrier as the sample provider names it, or null when it issues no numbers for it. */
export function sampleCarrier(carrier: string): SampleCarrier | null {
  const c = carrier.trim().toLowerCase();
  if (c === 'ups') return 'UPS';
  if (c === 'usps') return 'USPS';
  if (c === 'fedex') return 'FedEx';
  if (c === 'dhl' || c === 'dhl express') return 'DHL';
  return null;
}

/** A well-formed test tracking number for a carrier and service, from a key. */
export function sampleTrackingNumber(carrier: SampleCarrier, service: string, key: string): string {
  switch (carrier) {
    case 'UPS': {
      const serial = UPS_SHIPPER + upsServiceCode(service) + digitsFromKey(key, 7);
      return `1Z${serial}${mod10CheckDigit(serial, UPS_WEIGHTS)}`;
    }
    case 'USPS': {
      // IMpb N: 94 + STC + 9-digit MID + 7-digit serial + check = 22 digits.
      const serial = `94${uspsServiceTypeCode(service)}${USPS_MAILER_ID}${digitsFromKey(key, 7)}`;
      return `${serial}${mod10CheckDigit(serial, IMPB_WEIGHTS)}`;
    }
    case 'FedEx': {
      const serial = `7${digitsFromKey(key, 10)}`;
      return `${serial}${fedexExpressCheckDigit(serial)}`;
    }
    case 'DHL': {
      const serial = `1${digitsFromKey(key, 8)}`;
      return `${serial}${dhlExpressCheckDigit(serial)}`;
    }
  }
}
