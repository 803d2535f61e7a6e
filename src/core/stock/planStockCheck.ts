/**
 * Check stock as a pure computation over the tables: which order items get which units, what each Inventory
 * row has reserved and free, what is short, and what to reorder. The workflow writes the result; the
 * inventory-loader export reads it. Re-running on the same tables gives the same plan.
 */
import { parseDateTime } from '../dates/parseDateTime';
import type { Settings } from '../settings/readSettings';
import type { DecodedTable } from '../tables/decodeTable';
import type { InventoryRecord } from '../tables/inventory';
import type { ListingRecord } from '../tables/listings';
import { listingsTable } from '../tables/listings';
import type { OrderRecord, OrderStatus } from '../tables/orders';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import type { PurchaseListRecord } from '../tables/purchaseList';
import type { ShortageRecord } from '../tables/shortages';
import type { Demand } from './allocateStock';
import { allocateStock, formatPicks, parsePicks } from './allocateStock';
import type { ListedSku } from './listingIndex';
import { indexListings, missingShippingData, skuKey } from './listingIndex';
import { compareLocations, parseLocationRank } from './locationRank';
import type { RowUpdate, UsableLot } from './selectLots';
import { localDateIn, lotKey, selectLots } from './selectLots';
import type { StockOrder } from './stockOrderColumns';
import { suggestReorders } from './suggestReorders';

/** Statuses check stock allocates from scratch each run. */
const OPEN: ReadonlySet<OrderStatus | null> = new Set<OrderStatus | null>([
  null,
  'New',
  'Allocated',
  'Short',
  'Rated',
]);

export type { RowUpdate };

/** A merchant-fulfilled SKU's free stock, for the quantity sent back to Amazon. */
export interface SkuAvailability {
  readonly sku: string;
  readonly available: number;
  readonly listing: ListingRecord;
}

export interface StockCheckPlan {
  readonly orderUpdates: RowUpdate<OrderRecord>[];
  /** reserved and available of every Inventory row check stock accounts for (blank for rows it cannot use). */
  readonly inventoryUpdates: RowUpdate<InventoryRecord>[];
  readonly shortages: ShortageRecord[];
  readonly purchases: PurchaseListRecord[];
  /** Merchant-fulfilled listed SKUs with Inventory rows, in SKU order. */
  readonly availability: SkuAvailability[];
  readonly problems: Problem[];
  readonly stats: {
    itemsConsidered: number;
    allocated: number;
    short: number;
    held: number;
    released: number;
    unitsReserved: number;
    listingsWithoutSize: number;
    /** Units of Shipped items shipped on or after their location's counted-at, taken off on-hand. */
    shippedSinceCount: number;
  };
}

export interface StockCheckInput {
  readonly orders: DecodedTable<StockOrder>;
  readonly inventory: DecodedTable<InventoryRecord>;
  readonly listings: DecodedTable<ListingRecord>;
  readonly settings: Settings;
}

/** ISO text to ms since the epoch; memoised, since a day's items share a handful of ship-by times. */
function instants(): (iso: string | null) => number | null {
  const seen = new Map<string, number | null>();
  return (iso) => {
    if (iso === null) return null;
    let t = seen.get(iso);
    if (t === undefined) {
      const d = parseDateTime(iso);
      t = d.ok ? d.date.getTime() : null;
      seen.set(iso, t);
    }
    return t;
  };
}

/** Units an order item still needs: quantity-to-ship when given, else purchased minus shipped. */
export function unitsToShip(o: StockOrder): number {
  if (o['quantity-to-ship'] !== null) return o['quantity-to-ship'];
  return Math.max(0, o['quantity-purchased'] - (o['quantity-shipped'] ?? 0));
}

export function planStockCheck(input: StockCheckInput): StockCheckPlan {
  const { settings } = input;
  const instant = instants();
  const problems: Problem[] = [];
  const rank = parseLocationRank(settings.list('location-rank'));
  const shipComplete = settings.bool('ship-complete');
  const listings = indexListings(input.listings);
  problems.push(...input.listings.problems, ...listings.problems);
  const listingOf = (sku: string): ListedSku | undefined => listings.bySku.get(skuKey(sku));

  const { lots, usable, inventoryUpdates, countedOn, ...selected } = selectLots(input.inventory, {
    rank,
    isFba: (sku) => listingOf(sku)?.isFba === true,
    localDate: localDateIn(settings.text('timezone')),
  });
  problems.push(...input.inventory.problems, ...selected.problems);

  // Order items: open ones allocated from scratch, Labeled ones pinned to their picks, the rest left alone.
  problems.push(...input.orders.problems);
  const orderUpdates: RowUpdate<OrderRecord>[] = [];
  const demands: Demand[] = [];
  const demandRows: { rowNumber: number; record: StockOrder; notes: string[]; shipped: boolean }[] = [];
  let shippedSinceCount = 0;
  const sizeProblemRows = new Set<number>();
  const missingOf = new Map<number, ReturnType<typeof missingShippingData>>();
  let released = 0;
  for (const r of input.orders.rows) {
    const o = r.record;
    const status = o.status;
    if (status === 'Cancelled') {
      if (o['allocated-qty'] !== null || o['allocated-from'] !== null) released++;
      orderUpdates.push({
        rowNumber: r.rowNumber,
        fields: { 'allocated-qty': null, 'allocated-from': null },
      });
      continue;
    }
    if (status === 'Shipped' || status === 'Confirmed') {
      // Shipped after the shelf was counted: those units are gone but still in on-hand, so they stay consumed.
      const shipDate = o['ship-date'];
      const picks = shipDate && o['allocated-from'] ? parsePicks(o['allocated-from']) : null;
      const since = (picks ?? []).filter((p) => {
        const counted = countedOn.get(lotKey(o.sku, p.location));
        return counted !== undefined && counted !== null && shipDate !== null && shipDate >= counted;
      });
      const units = since.reduce((n, p) => n + p.qty, 0);
      if (units > 0) {
        shippedSinceCount += units;
        demands.push({
          id: o['order-item-id'],
          orderId: o['order-id'],
          sku: o.sku,
          quantity: units,
          shipBy: null,
          isPrime: false,
          purchasedAt: null,
          pinned: true,
          picks: since,
        });
        demandRows.push({ rowNumber: r.rowNumber, record: o, notes: [], shipped: true });
      }
      continue;
    }
    if (!r.valid) continue;
    const pinned = status === 'Labeled';
    if (!pinned && !OPEN.has(status)) continue;
    const notes: string[] = [];
    const listed = listingOf(o.sku);
    if (!listed) {
      notes.push(`SKU ${o.sku} has no Listings row: import listings and give it weight and dimensions`);
      problems.push(
        problem(
          ordersTable.name,
          r.rowNumber,
          'sku',
          `SKU ${o.sku} has no Listings row, so carrier choice has no weight or size for it`,
          o.sku,
        ),
      );
    } else if (listed.isFba) {
      notes.push(
        `SKU ${o.sku} is fulfilled by Amazon (${listed.record['fulfillment-channel']}): no merchant stock is allocated to it`,
      );
      problems.push(
        problem(
          ordersTable.name,
          r.rowNumber,
          'sku',
          `SKU ${o.sku} is an FBA listing (Listings row ${listed.rowNumber}); Shipsheet does not allocate Amazon's stock`,
          o.sku,
        ),
      );
    } else {
      let missing = missingOf.get(listed.rowNumber);
      if (missing === undefined)
        missingOf.set(listed.rowNumber, (missing = missingShippingData(listed.record)));
      if (missing.length > 0) {
        notes.push(`listing ${o.sku}: ${missing.map((m) => m.message.split(':')[0]).join(', ')}`);
        if (!sizeProblemRows.has(listed.rowNumber)) {
          sizeProblemRows.add(listed.rowNumber);
          for (const m of missing)
            problems.push(
              problem(listingsTable.name, listed.rowNumber, m.column, `${listed.record.sku}: ${m.message}`),
            );
        }
      }
    }
    const quantity = listed?.isFba ? 0 : unitsToShip(o);
    const picks = pinned && o['allocated-from'] ? parsePicks(o['allocated-from']) : null;
    demands.push({
      id: o['order-item-id'],
      orderId: o['order-id'],
      sku: o.sku,
      quantity,
      shipBy: instant(o['promise-date']),
      isPrime: o['is-prime'] === true,
      purchasedAt: instant(o['purchase-date']),
      pinned,
      picks: picks ?? undefined,
    });
    demandRows.push({ rowNumber: r.rowNumber, record: o, notes, shipped: false });
  }

  const result = allocateStock(lots, demands, { shipComplete });

  const stats = {
    itemsConsidered: demands.length - demandRows.filter((r) => r.shipped).length,
    allocated: 0,
    short: 0,
    held: 0,
    released,
    unitsReserved: 0,
    listingsWithoutSize: 0,
    shippedSinceCount,
  };
  // What each SKU is short of, for the shortage list (SKU key → totals).
  const bySku = new Map<
    string,
    {
      sku: string;
      needed: number;
      allocated: number;
      itemsShort: number;
      oldest: number | null;
      oldestIso: string | null;
    }
  >();
  const shortSkusOfOrder = new Map<string, Set<string>>();
  result.items.forEach((a, i) => {
    if (demandRows[i].shipped) return;
    const d = demands[i];
    const k = skuKey(d.sku);
    const t = bySku.get(k) ?? {
      sku: d.sku,
      needed: 0,
      allocated: 0,
      itemsShort: 0,
      oldest: null,
      oldestIso: null,
    };
    bySku.set(k, t);
    t.needed += d.quantity;
    t.allocated += a.allocated;
    if (a.allocated < d.quantity) {
      t.itemsShort++;
      if (d.shipBy !== null && (t.oldest === null || d.shipBy < t.oldest)) {
        t.oldest = d.shipBy;
        t.oldestIso = demandRows[i].record['promise-date'];
      }
      const s = shortSkusOfOrder.get(d.orderId) ?? new Set<string>();
      s.add(d.sku);
      shortSkusOfOrder.set(d.orderId, s);
    }
  });

  result.items.forEach((a, i) => {
    if (demandRows[i].shipped) return;
    const d = demands[i];
    const { rowNumber, record, notes } = demandRows[i];
    const from = a.picks.length > 0 ? formatPicks(a.picks) : null;
    if (d.pinned) {
      // A bought label: its units stay picked and its status stays; only an unrecorded allocation is filled in.
      const fields: Partial<OrderRecord> = {};
      if (record['allocated-from'] === null || record['allocated-qty'] === null) {
        fields['allocated-qty'] = a.allocated;
        fields['allocated-from'] = from;
      }
      if (a.missing > 0 || a.allocated < d.quantity) {
        const msg = `labeled, but ${Math.max(a.missing, d.quantity - a.allocated)} of ${d.quantity} units are not on hand where recorded (${record['allocated-from'] ?? 'nothing recorded'}): recount ${d.sku}`;
        problems.push(problem(ordersTable.name, rowNumber, 'allocated-from', msg));
      }
      if (Object.keys(fields).length > 0) orderUpdates.push({ rowNumber, fields });
      return;
    }
    if (d.quantity === 0 && !listingOf(d.sku)?.isFba) {
      // Amazon says nothing is left to ship: no stock for it, and no status guessed for it either.
      notes.push('nothing left to ship (quantity-to-ship is 0): mark it Shipped or Cancelled');
      orderUpdates.push({
        rowNumber,
        fields: { 'allocated-qty': 0, 'allocated-from': null, problem: notes.join('; ') },
      });
      return;
    }
    let status: OrderStatus;
    const full = a.allocated >= d.quantity && d.quantity > 0;
    if (full && !a.held) {
      status = record.status === 'Rated' ? 'Rated' : 'Allocated';
      stats.allocated++;
    } else if (full) {
      status = 'Short';
      stats.held++;
      const waiting = [...(shortSkusOfOrder.get(d.orderId) ?? [])].sort().join(', ');
      notes.unshift(`held: order ${d.orderId} ships complete and waits for ${waiting}`);
    } else {
      status = 'Short';
      stats.short++;
      if (d.quantity > 0)
        notes.unshift(
          `short ${d.quantity - a.allocated} of ${d.quantity} ${d.sku}${a.allocated > 0 ? ` (${a.allocated} reserved)` : ''}`,
        );
    }
    orderUpdates.push({
      rowNumber,
      fields: {
        status,
        'allocated-qty': a.allocated,
        'allocated-from': from,
        problem: notes.length > 0 ? notes.join('; ') : null,
      },
    });
  });

  // Inventory: what each usable row has reserved and free.
  const availableBySku = new Map<string, number>();
  usable.forEach((u, i) => {
    const reserved = result.reserved[i];
    stats.unitsReserved += reserved;
    const available = u.record['on-hand'] - reserved;
    const k = skuKey(u.record.sku);
    availableBySku.set(k, (availableBySku.get(k) ?? 0) + available);
    inventoryUpdates.push({ rowNumber: u.rowNumber, fields: { reserved, available } });
  });
  inventoryUpdates.sort((a, b) => a.rowNumber - b.rowNumber);

  const titleOf = (sku: string) => listingOf(sku)?.record.title ?? null;
  const lotsOfSku = new Map<string, UsableLot[]>();
  usable
    .map((u, i) => ({ u, lot: lots[i] }))
    .sort((a, b) => compareLocations(rank, a.lot.location, b.lot.location))
    .forEach(({ u }) => {
      const k = skuKey(u.record.sku);
      const list = lotsOfSku.get(k);
      if (list) list.push(u);
      else lotsOfSku.set(k, [u]);
    });
  // Units physically there: the count less what has shipped since it.
  const shippedBySku = new Map<string, number>();
  result.items.forEach((a, i) => {
    if (!demandRows[i].shipped) return;
    const k = skuKey(demands[i].sku);
    shippedBySku.set(k, (shippedBySku.get(k) ?? 0) + a.allocated);
  });
  const onHandOf = (k: string) =>
    (lotsOfSku.get(k) ?? []).reduce((s, u) => s + u.record['on-hand'], 0) - (shippedBySku.get(k) ?? 0);
  const supplierOf = (k: string) =>
    (lotsOfSku.get(k) ?? []).map((u) => u.record.supplier).find((s) => s !== null) ?? null;

  const shortages: ShortageRecord[] = [...bySku.entries()]
    .filter(([, t]) => t.itemsShort > 0 && t.needed > t.allocated)
    .map(([k, t]) => ({
      sku: t.sku,
      title: titleOf(t.sku),
      needed: t.needed,
      'on-hand': onHandOf(k),
      allocated: t.allocated,
      short: t.needed - t.allocated,
      'items-short': t.itemsShort,
      'oldest-ship-by': t.oldestIso,
      supplier: supplierOf(k),
      oldest: t.oldest,
    }))
    .sort((a, b) => {
      if (a.oldest !== b.oldest) {
        if (a.oldest === null) return 1;
        if (b.oldest === null) return -1;
        return a.oldest - b.oldest;
      }
      return a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
    })
    .map(({ oldest: _oldest, ...rest }) => rest);

  const shortBySku = new Map<string, number>();
  for (const s of shortages) shortBySku.set(skuKey(s.sku), s.short ?? 0);
  const purchases = suggestReorders({
    skus: [...new Set([...lotsOfSku.keys(), ...shortBySku.keys()])],
    lotsOf: (k) => (lotsOfSku.get(k) ?? []).map((u) => u.record),
    availableOf: (k) => availableBySku.get(k) ?? 0,
    shortOf: (k) => shortBySku.get(k) ?? 0,
    skuOf: (k) => lotsOfSku.get(k)?.[0]?.record.sku ?? bySku.get(k)?.sku ?? k,
    titleOf,
    defaultCurrency: settings.text('currency'),
  });

  for (const l of listings.bySku.values())
    if (!l.isFba && (missingOf.get(l.rowNumber) ?? missingShippingData(l.record)).length > 0)
      stats.listingsWithoutSize++;

  const availability: SkuAvailability[] = [...listings.bySku.entries()]
    .filter(([k, l]) => !l.isFba && lotsOfSku.has(k))
    .map(([k, l]) => ({ sku: l.record.sku, available: availableBySku.get(k) ?? 0, listing: l.record }))
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));

  return { orderUpdates, inventoryUpdates, shortages, purchases, availability, problems, stats };
}
