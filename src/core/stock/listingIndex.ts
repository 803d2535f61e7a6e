/** Listings by SKU, with what check stock and carrier choice need to know of each: FBA or not, size known or not. */
import type { DecodedTable } from '../tables/decodeTable';
import type { ListingRecord } from '../tables/listings';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { listingsTable } from '../tables/listings';
import { skuKey } from './skuKey';

export { skuKey };

export interface ListedSku {
  readonly rowNumber: number;
  readonly record: ListingRecord;
  /** Fulfilled by Amazon (fulfillment-channel AMAZON_NA, AMAZON_EU, …): never allocated, never exported. */
  readonly isFba: boolean;
}

/** `DEFAULT` (or blank) is merchant-fulfilled; any other channel (AMAZON_NA, AMAZON_EU, AMAZON_JP…) is FBA. */
export function isFbaChannel(channel: string | null): boolean {
  const c = (channel ?? '').trim().toUpperCase();
  return c !== '' && c !== 'DEFAULT' && c !== 'MFN' && c !== 'MERCHANT';
}

export function indexListings(table: DecodedTable<ListingRecord>): {
  bySku: Map<string, ListedSku>;
  problems: Problem[];
} {
  const bySku = new Map<string, ListedSku>();
  const problems: Problem[] = [];
  for (const r of table.rows) {
    if (!r.record.sku) continue;
    const k = skuKey(r.record.sku);
    const earlier = bySku.get(k);
    if (earlier) {
      problems.push(
        problem(
          listingsTable.name,
          r.rowNumber,
          'sku',
          `SKU ${r.record.sku} is also on row ${earlier.rowNumber}; this row is ignored`,
        ),
      );
      continue;
    }
    bySku.set(k, {
      rowNumber: r.rowNumber,
      record: r.record,
      isFba: isFbaChannel(r.record['fulfillment-channel']),
    });
  }
  return { bySku, problems };
}

/** What a merchant-fulfilled listing lacks for carrier choice: weight, its unit, the three sides, their unit. */
export function missingShippingData(l: ListingRecord): { column: string; message: string }[] {
  const out: { column: string; message: string }[] = [];
  if (l.weight === null || l.weight === 0)
    out.push({ column: 'weight', message: 'no weight: carrier choice needs the packed weight of one unit' });
  else if (l['weight-unit'] === null)
    out.push({ column: 'weight-unit', message: 'no weight-unit (oz, lb, g or kg) for the weight' });
  const sides = (['length', 'width', 'height'] as const).filter((s) => l[s] === null || l[s] === 0);
  if (sides.length > 0)
    out.push({
      column: sides[0],
      message: `no ${sides.join(', ')}: carrier choice needs the packed size of one unit`,
    });
  else if (l['dimension-unit'] === null)
    out.push({ column: 'dimension-unit', message: 'no dimension-unit (in or cm) for the sides' });
  return out;
}
