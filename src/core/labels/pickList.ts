/**
 * The pick list of a batch: one line per location and SKU, sorted by location then SKU (the walk through the
 * shelves), with the units to pick, the orders each line serves, and totals.
 */
import { parseAllocatedFrom } from './allocatedFrom';

export interface PickItem {
  readonly orderId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  /** The Orders `allocated-from` cell. */
  readonly allocatedFrom: string | null;
  /** For problems: the Orders row. */
  readonly row: number;
}

export interface PickLine {
  readonly location: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  /** Order ids, in the order first met. */
  readonly orders: readonly string[];
}

export interface PickList {
  readonly lines: readonly PickLine[];
  readonly totalUnits: number;
  readonly totalOrders: number;
  /** Items whose allocated-from could not be read (they are listed under UNALLOCATED). */
  readonly problems: readonly { row: number; message: string }[];
}

/** Where items without an allocation are listed: after every real location. */
export const UNALLOCATED = '(unallocated)';

/** Natural order of locations: A-2 before A-10, so the list follows the shelves. */
export function comparePickLocations(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNALLOCATED) return 1;
  if (b === UNALLOCATED) return -1;
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

export function buildPickList(items: readonly PickItem[]): PickList {
  const byKey = new Map<
    string,
    { location: string; sku: string; title: string; quantity: number; orders: string[] }
  >();
  const problems: { row: number; message: string }[] = [];
  const add = (location: string, item: PickItem, quantity: number) => {
    const key = `${location}\u0000${item.sku}`;
    let line = byKey.get(key);
    if (!line)
      byKey.set(key, (line = { location, sku: item.sku, title: item.title, quantity: 0, orders: [] }));
    line.quantity += quantity;
    if (!line.orders.includes(item.orderId)) line.orders.push(item.orderId);
  };
  for (const item of items) {
    const parsed = parseAllocatedFrom(item.allocatedFrom, item.quantity);
    if (!parsed.ok) {
      problems.push({ row: item.row, message: `allocated-from ${parsed.reason}; listed as ${UNALLOCATED}` });
      add(UNALLOCATED, item, item.quantity);
      continue;
    }
    let placed = 0;
    for (const pick of parsed.picks) {
      add(pick.location, item, pick.quantity);
      placed += pick.quantity;
    }
    if (placed < item.quantity) add(UNALLOCATED, item, item.quantity - placed);
  }
  const lines = [...byKey.values()].sort(
    (a, b) =>
      comparePickLocations(a.location, b.location) || a.sku.localeCompare(b.sku, 'en', { numeric: true }),
  );
  return {
    lines,
    totalUnits: lines.reduce((n, l) => n + l.quantity, 0),
    totalOrders: new Set(items.map((i) => i.orderId)).size,
    problems,
  };
}

/**
 * Orders in pick order: by the first pick line that serves them (so labels and slips come off the printer in the
 * order the boxes are packed), ties by order id.
 */
export function ordersInPickOrder(list: PickList, orderIds: readonly string[]): string[] {
  const first = new Map<string, number>();
  list.lines.forEach((line, i) => {
    for (const o of line.orders) if (!first.has(o)) first.set(o, i);
  });
  return [...orderIds].sort(
    (a, b) =>
      (first.get(a) ?? Number.MAX_SAFE_INTEGER) - (first.get(b) ?? Number.MAX_SAFE_INTEGER) ||
      a.localeCompare(b),
  );
}
