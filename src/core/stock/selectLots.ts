/**
 * The Inventory rows check stock may allocate from: valid, one per sku + location, at a location Settings
 * ranks, and not Amazon's (FBA) stock. Every other row is reported and gets its reserved/available cleared.
 */
import { parseDateTime } from '../dates/parseDateTime';
import type { DecodedTable } from '../tables/decodeTable';
import type { InventoryRecord } from '../tables/inventory';
import { inventoryTable } from '../tables/inventory';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import type { StockLot } from './allocateStock';
import type { LocationRank } from './locationRank';
import { skuKey } from './skuKey';

export interface RowUpdate<R> {
  readonly rowNumber: number;
  readonly fields: Partial<R>;
}

export interface UsableLot {
  readonly rowNumber: number;
  readonly record: InventoryRecord;
}

export interface SelectedLots {
  /** For the allocator, index for index with `usable`. */
  readonly lots: StockLot[];
  readonly usable: UsableLot[];
  /** Rows check stock cannot allocate from, with what to write in them. */
  readonly inventoryUpdates: RowUpdate<InventoryRecord>[];
  /** sku + location key → local date of its count (null when the row has no counted-at). */
  readonly countedOn: Map<string, string | null>;
  readonly problems: Problem[];
}

/** The key `countedOn` uses. */
export function lotKey(sku: string, location: string): string {
  return `${skuKey(sku)}\u0000${location.trim().toUpperCase()}`;
}

/**
 * ISO instant → `yyyy-mm-dd` in the warehouse's time zone (ship dates are local dates). Intl is in every
 * runtime the core runs in; an unknown zone falls back to UTC.
 */
export function localDateIn(timeZone: string): (iso: string) => string | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }
  return (iso) => {
    const d = parseDateTime(iso);
    return d.ok ? format.format(d.date) : null;
  };
}

export function selectLots(
  inventory: DecodedTable<InventoryRecord>,
  options: {
    readonly rank: LocationRank;
    readonly isFba: (sku: string) => boolean;
    readonly localDate: (iso: string) => string | null;
  },
): SelectedLots {
  const { rank, isFba, localDate } = options;
  const problems: Problem[] = [];
  const inventoryUpdates: RowUpdate<InventoryRecord>[] = [];
  const lots: StockLot[] = [];
  const usable: UsableLot[] = [];
  // Local date of each usable lot's count: units shipped on or after it are not yet off its on-hand.
  const countedOn = new Map<string, string | null>();
  const seen = new Map<string, number>();
  for (const r of inventory.rows) {
    const rec = r.record;
    const blank = () =>
      inventoryUpdates.push({ rowNumber: r.rowNumber, fields: { reserved: null, available: null } });
    if (!r.valid || !rec.sku || !rec.location) {
      blank();
      continue;
    }
    const key = lotKey(rec.sku, rec.location);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        problem(
          inventoryTable.name,
          r.rowNumber,
          'location',
          `${rec.sku} at ${rec.location} is also on row ${earlier}; this row is not counted (merge the two counts into one row)`,
        ),
      );
      blank();
      continue;
    }
    seen.set(key, r.rowNumber);
    const locationRank = rank.rankOf(rec.location);
    if (locationRank === null) {
      problems.push(
        problem(
          inventoryTable.name,
          r.rowNumber,
          'location',
          `location ${rec.location} is not in Settings location-rank (${rank.entries.join(', ') || 'empty'}); its stock is not allocated until it is added there`,
          rec.location,
        ),
      );
      blank();
      continue;
    }
    if (isFba(rec.sku)) {
      // Amazon's stock, tracked here for information only.
      inventoryUpdates.push({ rowNumber: r.rowNumber, fields: { reserved: 0, available: rec['on-hand'] } });
      continue;
    }
    lots.push({ sku: rec.sku, location: rec.location, onHand: rec['on-hand'], rank: locationRank });
    countedOn.set(key, rec['counted-at'] === null ? null : localDate(rec['counted-at']));
    usable.push({ rowNumber: r.rowNumber, record: rec });
  }

  return { lots, usable, inventoryUpdates, countedOn, problems };
}
