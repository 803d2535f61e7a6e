/** Carrier names as sellers and tools write them ("fedex ground", "U.S.P.S.") to one spelling, and which formats each accepts. */
import type { TrackingCheck, TrackingMatch } from './validateTracking';
import { validateTrackingNumber } from './validateTracking';

/** Spellings (lower-case, letters and digits only) → the canonical carrier name. */
const ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(usps|unitedstatespostalservice|uspostalservice|uspost|stamps(com)?)/, 'USPS'],
  [/^(fedexsmartpost|fedexgroundeconomy|smartpost)/, 'FedEx SmartPost'],
  [/^(ups|unitedparcelservice)(?!mi|mailinnovations)/, 'UPS'],
  [/^(upsmi|upsmailinnovations)/, 'UPS Mail Innovations'],
  [/^(fedex|federalexpress)/, 'FedEx'],
  [/^dhlecommerce|^dhlglobalmail/, 'DHL eCommerce'],
  [/^dhl/, 'DHL'],
  [/^(amazon|amzl|tba)/, 'Amazon'],
  [/^ontrac/, 'OnTrac'],
  [/^lasership/, 'Lasership'],
  [/^canadapost|^postescanada/, 'Canada Post'],
  [/^royalmail/, 'Royal Mail'],
];

/** `canonicalCarrier('Fedex Home Delivery')` → `FedEx`; an unknown name comes back trimmed as typed. */
export function canonicalCarrier(name: string): string {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const [pattern, canonical] of ALIASES) if (pattern.test(key)) return canonical;
  return name.trim();
}

/** The format carriers a carrier's numbers may come in: FedEx SmartPost and UPS Mail Innovations hand over to USPS. */
const ACCEPTS: Readonly<Record<string, readonly string[]>> = {
  USPS: ['USPS'],
  UPS: ['UPS'],
  FedEx: ['FedEx'],
  'FedEx SmartPost': ['USPS', 'FedEx'],
  'UPS Mail Innovations': ['USPS', 'UPS'],
  DHL: ['DHL'],
  Amazon: ['Amazon'],
};

export type CarrierCheck =
  | {
      readonly ok: true;
      readonly checked: boolean;
      readonly match?: TrackingMatch;
      readonly normalized: string;
    }
  | { readonly ok: false; readonly message: string; readonly normalized: string };

/**
 * Whether a tracking number is right for the carrier chosen for it. Carriers Shipsheet has no format for
 * (OnTrac, Royal Mail domestic, …) pass unchecked (`checked: false`), since a wrong refusal would block shipping.
 */
export function checkTrackingForCarrier(number: string, carrier: string): CarrierCheck {
  const check: TrackingCheck = validateTrackingNumber(number);
  const canonical = canonicalCarrier(carrier);
  const normalized = check.normalized;
  if (!/^[A-Z0-9]+$/.test(normalized))
    return { ok: false, normalized, message: `tracking number ${number} holds characters no carrier uses` };
  const accepts = ACCEPTS[canonical];
  if (!accepts) {
    // S10 numbers name their postal operator (…GB = Royal Mail): that much can be checked for any post.
    const postal = check.matches.find((m) => m.format === 's10' && m.carrier === canonical);
    if (postal && !postal.valid)
      return {
        ok: false,
        normalized,
        message: `${number} is not a valid ${canonical} number: ${postal.reason}`,
      };
    return { ok: true, checked: postal !== undefined, match: postal, normalized };
  }
  const mine = check.matches.filter((m) => accepts.includes(m.carrier));
  const good = mine.find((m) => m.valid);
  if (good) return { ok: true, checked: true, match: good, normalized };
  if (mine.length > 0)
    return {
      ok: false,
      normalized,
      message: `${number} is not a valid ${canonical} tracking number: ${mine[0].reason}`,
    };
  const others = [...new Set(check.matches.filter((m) => m.valid).map((m) => m.carrier))];
  return {
    ok: false,
    normalized,
    message:
      others.length > 0
        ? `${number} looks like a ${others.join(' or ')} tracking number, not ${canonical}`
        : `${number} does not match any ${canonical} tracking number format`,
  };
}
