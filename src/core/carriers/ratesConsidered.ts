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

/**
 * Entries already made, for one run: it writes tens of thousands of cells from a few hundred distinct entries
 * (a service, a price, a delivery date). Per run, so nothing carries over from one run to the next.
 */
export type RatesConsideredMemo = Map<
  string,
  Map<string, Map<string, Map<string | null, Map<number, string>>>>
>;

export function formatRatesConsidered(rates: readonly ConsideredRate[], memo?: RatesConsideredMemo): string {
  let text = '';
  for (let i = 0; i < rates.length; i++) {
    const r = rates[i];
    text += (i === 0 ? '' : '; ') + (memo ? memoEntry(r, memo) : entry(r));
  }
  return text;
}

/** One `CARRIER/SERVICE PRICE CURRENCY DELIVERY` entry. */
function entry(r: ConsideredRate): string {
  return `${clean(r.carrier)}/${clean(r.service)} ${formatMoneyPlain(r.priceMinor, r.currency)} ${r.currency} ${r.expectedDelivery ?? '-'}`;
}

function memoEntry(r: ConsideredRate, memo: RatesConsideredMemo): string {
  // Nested maps, not a joined key: looking up five existing strings and a number allocates nothing.
  const byPrice = child(child(child(child(memo, r.carrier), r.service), r.currency), r.expectedDelivery);
  let e = byPrice.get(r.priceMinor);
  if (e === undefined) byPrice.set(r.priceMinor, (e = entry(r)));
  return e;
}

function child<K, K2, V>(m: Map<K, Map<K2, V>>, k: K): Map<K2, V> {
  let c = m.get(k);
  if (!c) m.set(k, (c = new Map()));
  return c;
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
