/**
 * The allocation itself, over plain numbers: stock of SKUs at ranked locations handed to order items in
 * priority order (earliest ship-by, then Prime, then earliest purchase), from the first-ranked location on.
 * Deterministic: the same stock and demand always give the same allocation, whatever order they came in.
 */

import { skuKey } from './skuKey';

export interface StockLot {
  /** SKU as the sheet has it; matched case-insensitively. */
  readonly sku: string;
  readonly location: string;
  /** Units physically there (a whole number ≥ 0). */
  readonly onHand: number;
  /** Picking rank of the location (lower picks first; ties by location name). */
  readonly rank: number;
}

export interface Pick {
  readonly location: string;
  readonly qty: number;
}

export interface Demand {
  /** Unique id of the order item. */
  readonly id: string;
  readonly orderId: string;
  readonly sku: string;
  /** Units still to ship (a whole number ≥ 0). */
  readonly quantity: number;
  /** Ship-by instant in ms since the epoch, or null when unknown (such items go last). */
  readonly shipBy: number | null;
  readonly isPrime: boolean;
  readonly purchasedAt: number | null;
  /**
   * Already picked for a bought label (status Labeled): allocated before anything else and never moved.
   * With `picks`, exactly those units are consumed; without, it is allocated like any other item, first.
   */
  readonly pinned?: boolean;
  readonly picks?: readonly Pick[];
}

export interface ItemAllocation {
  readonly id: string;
  /** Units allocated (≤ quantity). */
  readonly allocated: number;
  /** Where they come from, in picking order. */
  readonly picks: readonly Pick[];
  /** Fully allocated, but another item of the same order is short and the order ships complete. */
  readonly held: boolean;
  /** Units a pinned item's recorded picks wanted but the location no longer has. */
  readonly missing: number;
}

export interface AllocationResult {
  /** One per demand, in the order the demands were given. */
  readonly items: readonly ItemAllocation[];
  /** Units reserved from each lot, index for index with the lots given. */
  readonly reserved: readonly number[];
}

export interface AllocateOptions {
  /** Hold every item of an order while any of its items is short (default true). */
  readonly shipComplete?: boolean;
}

const locKey = (location: string) => location.trim().toUpperCase();

/** Priority of two demands: earlier ship-by, Prime, earlier purchase, then ids (a total order). */
export function compareDemand(a: Demand, b: Demand): number {
  if (a.shipBy !== b.shipBy) {
    if (a.shipBy === null) return 1;
    if (b.shipBy === null) return -1;
    return a.shipBy - b.shipBy;
  }
  if (a.isPrime !== b.isPrime) return a.isPrime ? -1 : 1;
  if (a.purchasedAt !== b.purchasedAt) {
    if (a.purchasedAt === null) return 1;
    if (b.purchasedAt === null) return -1;
    return a.purchasedAt - b.purchasedAt;
  }
  if (a.orderId !== b.orderId) return a.orderId < b.orderId ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function allocateStock(
  lots: readonly StockLot[],
  demands: readonly Demand[],
  options: AllocateOptions = {},
): AllocationResult {
  const shipComplete = options.shipComplete ?? true;
  const remaining = lots.map((l) => Math.max(0, l.onHand));
  // Each SKU's lots in picking order, and a cursor past the lots already emptied (remaining never grows).
  const bySku = new Map<string, { order: number[]; cursor: number }>();
  lots.forEach((l, i) => {
    const k = skuKey(l.sku);
    const entry = bySku.get(k);
    if (entry) entry.order.push(i);
    else bySku.set(k, { order: [i], cursor: 0 });
  });
  for (const entry of bySku.values())
    entry.order.sort((a, b) => {
      const la = lots[a];
      const lb = lots[b];
      if (la.rank !== lb.rank) return la.rank - lb.rank;
      const na = locKey(la.location);
      const nb = locKey(lb.location);
      return na < nb ? -1 : na > nb ? 1 : a - b;
    });
  const lotAt = new Map<string, number>();
  lots.forEach((l, i) => {
    const k = `${skuKey(l.sku)}\u0000${locKey(l.location)}`;
    if (!lotAt.has(k)) lotAt.set(k, i);
  });

  const allocated = new Array<number>(demands.length).fill(0);
  const picks: Pick[][] = demands.map(() => []);
  const missing = new Array<number>(demands.length).fill(0);

  const demandSku = demands.map((dem) => skuKey(dem.sku));
  const greedy = (d: number) => {
    const entry = bySku.get(demandSku[d]);
    let need = Math.max(0, demands[d].quantity) - allocated[d];
    if (!entry || need <= 0) return;
    while (entry.cursor < entry.order.length && remaining[entry.order[entry.cursor]] === 0) entry.cursor++;
    for (let j = entry.cursor; j < entry.order.length && need > 0; j++) {
      const lot = entry.order[j];
      const take = Math.min(need, remaining[lot]);
      if (take === 0) continue;
      remaining[lot] -= take;
      need -= take;
      allocated[d] += take;
      picks[d].push({ location: lots[lot].location, qty: take });
    }
  };

  // Sort keys pulled into typed arrays first: the comparator then touches numbers, not objects (the sort is
  // most of the cost at 50,000 items). Ties fall back to compareDemand, so the order is the same total order.
  const n = demands.length;
  const shipBy = new Float64Array(n);
  const prime = new Uint8Array(n);
  const bought = new Float64Array(n);
  demands.forEach((dem, i) => {
    shipBy[i] = dem.shipBy ?? Number.POSITIVE_INFINITY;
    prime[i] = dem.isPrime ? 0 : 1;
    bought[i] = dem.purchasedAt ?? Number.POSITIVE_INFINITY;
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (a, b) =>
      shipBy[a] - shipBy[b] ||
      prime[a] - prime[b] ||
      bought[a] - bought[b] ||
      compareDemand(demands[a], demands[b]),
  );
  // Pinned items (labels bought) first: their units are already off the free stock.
  for (const d of order) {
    const dem = demands[d];
    if (!dem.pinned) continue;
    if (dem.picks && dem.picks.length > 0) {
      for (const p of dem.picks) {
        const lot = lotAt.get(`${demandSku[d]}\u0000${locKey(p.location)}`);
        const take = lot === undefined ? 0 : Math.min(p.qty, remaining[lot]);
        if (lot !== undefined && take > 0) {
          remaining[lot] -= take;
          allocated[d] += take;
          picks[d].push({ location: lots[lot].location, qty: take });
        }
        missing[d] += p.qty - take;
      }
    } else greedy(d);
  }
  for (const d of order) if (!demands[d].pinned) greedy(d);

  const shortOrders = new Set<string>();
  if (shipComplete)
    demands.forEach((dem, d) => {
      // A pinned item's shortfall is a recount problem, not a reason to hold its order's other items.
      if (!dem.pinned && allocated[d] < Math.max(0, dem.quantity)) shortOrders.add(dem.orderId);
    });
  const reserved = lots.map((l, i) => Math.max(0, l.onHand) - remaining[i]);
  const items = demands.map((dem, d) => ({
    id: dem.id,
    allocated: allocated[d],
    picks: picks[d],
    held: shipComplete && allocated[d] >= Math.max(0, dem.quantity) && shortOrders.has(dem.orderId),
    missing: missing[d],
  }));
  return { items, reserved };
}

/** `A-01:2; B-STORE:1` — the Orders sheet's allocated-from text. */
export function formatPicks(picks: readonly Pick[]): string {
  return picks.map((p) => `${p.location}:${p.qty}`).join('; ');
}

/** The allocated-from text back to picks, or null when it is not in that form. */
export function parsePicks(text: string): Pick[] | null {
  const parts = text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const out: Pick[] = [];
  for (const part of parts) {
    const m = /^(.+?)\s*:\s*(\d+)$/.exec(part);
    if (!m) return null;
    out.push({ location: m[1].trim(), qty: Number(m[2]) });
  }
  return out.length > 0 ? out : null;
}
