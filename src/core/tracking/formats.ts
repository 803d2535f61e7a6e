/**
 * The tracking-number formats Shipsheet recognises: shape, check-digit rule and carrier of each, after the
 * jkeen/tracking_number_data set (MIT, data v2.0.0; see docs/tracking.md for what was taken and why).
 */
import { gs1Mod10, mod10, mod7, s10CheckDigit, weightedMod11Mod10 } from './checksums';
import { POSTAL_OPERATOR_BY_COUNTRY, S10_COUNTRIES } from './s10Countries';

/** A carrier as Shipsheet names it (the Amazon carrier-code spelling where there is one). */
export type TrackingCarrier = string;

/** How one reading of a number fared: its check digit as computed and as written, and any other defect. */
export interface FormatReading {
  /** The check digit the algorithm computes, or null for formats without one (Amazon TBA). */
  readonly expected: string | null;
  /** The check digit the number carries (null without one). */
  readonly actual: string | null;
  /** A defect other than the check digit, e.g. an S10 suffix that is no country. */
  readonly defect?: string;
  /** The carrier when the number itself says (S10: the postal operator of its country suffix). */
  readonly carrier?: TrackingCarrier;
}

export interface TrackingFormat {
  /** Stable id, the data set's where it has one (`ups`, `usps_20`, `fedex_12`, …). */
  readonly id: string;
  readonly name: string;
  readonly carrier: TrackingCarrier;
  /** Every way to read a normalised number in this format (one, or several when a prefix is optional). */
  read(n: string): FormatReading[];
}

const digit = (d: number) => String(d);

/** A format with one fixed shape: `pattern` captures the serial and the check digit. */
function simple(
  id: string,
  name: string,
  carrier: TrackingCarrier,
  pattern: RegExp,
  check: ((serial: string) => number) | null,
): TrackingFormat {
  return {
    id,
    name,
    carrier,
    read(n) {
      const m = pattern.exec(n);
      if (!m) return [];
      const { serial, check: actual } = m.groups as { serial: string; check?: string };
      return [{ expected: check ? digit(check(serial)) : null, actual: actual ?? null }];
    },
  };
}

const FEDEX_EXPRESS_WEIGHTS = [3, 1, 7];
const FEDEX_34_WEIGHTS = [1, 7, 3];

/**
 * USPS Intelligent Mail package barcode (Publication 199): `9[1-5]` + service type + mailer id + serial + a GS1
 * mod-10 check digit, 22 or 26 digits; printed barcodes may carry a `420` + ZIP5 or ZIP+4 routing prefix.
 * A 34-digit number reads both as ZIP+4 + 22 and ZIP5 + 26: every reading is tried.
 */
const uspsImpb: TrackingFormat = {
  id: 'usps_impb',
  name: 'USPS IMpb',
  carrier: 'USPS',
  read(n) {
    if (!/^\d+$/.test(n)) return [];
    const bodies = [n];
    if (n.startsWith('420')) bodies.push(n.slice(8), n.slice(12));
    return bodies
      .filter((b) => (b.length === 22 || b.length === 26) && /^9[1-5]/.test(b))
      .map((b) => ({ expected: digit(gs1Mod10(b.slice(0, -1))), actual: b.slice(-1) }));
  },
};

/**
 * Older 20- and 24-digit USPS numbers (certified mail, `71…`): an IMpb without its `91` application identifier,
 * so the check digit is computed with `91` put back in front (the data set's `prepend_if`).
 */
const uspsLegacy: TrackingFormat = {
  id: 'usps_legacy',
  name: 'USPS legacy (91)',
  carrier: 'USPS',
  read(n) {
    if (!/^\d{20}$|^\d{24}$/.test(n) || /^9[1-5]/.test(n)) return [];
    return [{ expected: digit(gs1Mod10('91' + n.slice(0, -1))), actual: n.slice(-1) }];
  },
};

/** UPU S10 international item: 2 letters, 8 digits, mod-11 check digit, the country of the postal operator. */
const s10: TrackingFormat = {
  id: 's10',
  name: 'S10 international (UPU)',
  carrier: 'Postal',
  read(n) {
    const m = /^[A-Z]{2}(?<serial>\d{8})(?<check>\d)(?<country>[A-Z]{2})$/.exec(n);
    if (!m) return [];
    const { serial, check, country } = m.groups as { serial: string; check: string; country: string };
    const known = S10_COUNTRIES.has(country);
    return [
      {
        expected: digit(s10CheckDigit(serial)),
        actual: check,
        defect: known ? undefined : `${country} is not a country code, so no postal operator issued it`,
        carrier: POSTAL_OPERATOR_BY_COUNTRY[country] ?? `Postal (${country})`,
      },
    ];
  },
};

export const TRACKING_FORMATS: readonly TrackingFormat[] = [
  simple('ups', 'UPS 1Z', 'UPS', /^1Z(?<serial>[0-9A-Z]{15})(?<check>[0-9A-Z])$/, (s) => mod10(s, 1, 2)),
  simple('usps_20', 'USPS 20-digit', 'USPS', /^(?<serial>\d{19})(?<check>\d)$/, gs1Mod10),
  uspsImpb,
  uspsLegacy,
  s10,
  simple('fedex_12', 'FedEx Express 12-digit', 'FedEx', /^(?<serial>\d{11})(?<check>\d)$/, (s) =>
    weightedMod11Mod10(s, FEDEX_EXPRESS_WEIGHTS),
  ),
  simple('fedex_ground', 'FedEx Ground 15-digit', 'FedEx', /^(?<serial>\d{14})(?<check>\d)$/, gs1Mod10),
  simple(
    'fedex_ground_sscc_18',
    'FedEx Ground SSCC-18',
    'FedEx',
    /^0[0124](?<serial>\d{15})(?<check>\d)$/,
    gs1Mod10,
  ),
  simple(
    'fedex_ground_96',
    'FedEx Ground 96 (22-digit)',
    'FedEx',
    /^96\d{5}(?<serial>\d{14})(?<check>\d)$/,
    gs1Mod10,
  ),
  simple('fedex_34', 'FedEx Express 34-digit', 'FedEx', /^[0-8]\d{19}(?<serial>\d{13})(?<check>\d)$/, (s) =>
    weightedMod11Mod10(s, FEDEX_34_WEIGHTS),
  ),
  simple(
    'fedex_ground_gsn',
    'FedEx Ground GSN 34-digit',
    'FedEx',
    /^96[23]2\d{16}(?<serial>\d{13})(?<check>\d)$/,
    (s) => weightedMod11Mod10(s, FEDEX_34_WEIGHTS),
  ),
  simple('dhl_express', 'DHL Express', 'DHL', /^(?<serial>\d{9,10})(?<check>\d)$/, mod7),
  simple('amazon_logistics', 'Amazon Logistics TBA', 'Amazon', /^(?<serial>TB[ACM]\d{12})$/, null),
];
