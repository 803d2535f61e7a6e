/**
 * The `rates-considered` cell: the best rates found for a package, readable in the sheet and parsable by the
 * add-on sidebar. Entries are separated by `; `, each `CARRIER/SERVICE PRICE CURRENCY DELIVERY`, e.g.
 * `USPS/Ground Advantage 7.45 USD 2026-12-04; UPS/Ground 11.20 USD 2026-12-07` (DELIVERY is `-` when unknown).
 */
import { formatMoneyPlain, parseMoney } from '../money/parseMoney';

export interface ConsideredRate {
  readonly carrier: string;
  readonly service: string;
  readonly priceMinor: number;
  readonly currency: string;
  /** yyyy-mm-dd, or null when the service has no transit days for the zone. */
  readonly expectedDelivery: string | null;
}

const cleaned = new Map<string, string>();
/** A name without the separators; memoised, since a run writes the same few names tens of thousands of times. */
const clean = (s: string): string => {
  let c = cleaned.get(s);
  if (c === undefined) {
    c = s.replace(/[;/]/g, ' ').replace(/\s+/g, ' ').trim();
    if (cleaned.size < 1000) cleaned.set(s, c);
  }
  return c;
};

export function formatRatesConsidered(rates: readonly ConsideredRate[]): string {
  return rates
    .map(
      (r) =>
        `${clean(r.carrier)}/${clean(r.service)} ${formatMoneyPlain(r.priceMinor, r.currency)} ${r.currency} ${r.expectedDelivery ?? '-'}`,
    )
    .join('; ');
}

const ENTRY = /^([^/]+)\/(.+) (-?\d+(?:\.\d+)?) ([A-Z]{3}) (\d{4}-\d{2}-\d{2}|-)$/;

/** The inverse of formatRatesConsidered; entries that do not parse are skipped (a seller may have typed there). */
export function parseRatesConsidered(text: string): ConsideredRate[] {
  const out: ConsideredRate[] = [];
  for (const entry of text.split(';')) {
    const m = ENTRY.exec(entry.trim());
    if (!m) continue;
    const money = parseMoney(m[3], m[4]);
    if (!money.ok) continue;
    out.push({
      carrier: m[1].trim(),
      service: m[2].trim(),
      priceMinor: money.minor,
      currency: m[4],
      expectedDelivery: m[5] === '-' ? null : m[5],
    });
  }
  return out;
}
