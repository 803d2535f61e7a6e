/**
 * Reorder suggestions: a SKU whose free stock after allocation, less what open orders still lack, is at or below
 * its reorder point (or that open orders are short of) gets an order quantity — whole multiples of its
 * reorder-qty until the position is above the reorder point — grouped by supplier for the Purchase List.
 */
import type { InventoryRecord } from '../tables/inventory';
import type { PurchaseListRecord } from '../tables/purchaseList';

export interface ReorderInput {
  /** SKU keys to consider. */
  readonly skus: readonly string[];
  /** The SKU's Inventory rows, first-ranked location first. */
  lotsOf(key: string): readonly InventoryRecord[];
  availableOf(key: string): number;
  shortOf(key: string): number;
  skuOf(key: string): string;
  titleOf(sku: string): string | null;
  readonly defaultCurrency: string;
}

/** Suppliers' names as the sheet shows them when none is given. */
export const NO_SUPPLIER = '(no supplier)';

/** The largest value a SKU's rows give: sellers repeat a SKU's reorder settings on each location's row. */
function largest(values: readonly (number | null)[]): number | null {
  const given = values.filter((v): v is number => v !== null);
  return given.length === 0 ? null : Math.max(...given);
}

/**
 * Units to order: `orderQuantity({ position: 2, reorderPoint: 5, reorderQty: 24 })` → 24;
 * with position −30 → 48 (two lots, so the position ends above the reorder point).
 * Without a reorder-qty, exactly what lifts the position above the point (or to zero when no point is set).
 */
export function orderQuantity(p: {
  position: number;
  reorderPoint: number | null;
  reorderQty: number | null;
}): number {
  const deficit = p.reorderPoint !== null ? p.reorderPoint - p.position + 1 : -p.position;
  if (deficit <= 0) return 0;
  if (p.reorderQty === null || p.reorderQty <= 0) return deficit;
  return Math.ceil(deficit / p.reorderQty) * p.reorderQty;
}

export function suggestReorders(input: ReorderInput): PurchaseListRecord[] {
  const out: PurchaseListRecord[] = [];
  for (const k of input.skus) {
    const rows = input.lotsOf(k);
    const available = input.availableOf(k);
    const short = input.shortOf(k);
    const reorderPoint = largest(rows.map((r) => r['reorder-point']));
    const reorderQty = largest(rows.map((r) => r['reorder-qty']));
    const position = available - short;
    const due = short > 0 || (reorderPoint !== null && position <= reorderPoint);
    if (!due) continue;
    const qty = orderQuantity({ position, reorderPoint, reorderQty });
    if (qty <= 0) continue;
    const costRow = rows.find((r) => r['unit-cost'] !== null);
    const unitCost = costRow?.['unit-cost'] ?? null;
    const sku = input.skuOf(k);
    out.push({
      supplier: rows.map((r) => r.supplier).find((s) => s !== null) ?? NO_SUPPLIER,
      sku,
      'supplier-sku': rows.map((r) => r['supplier-sku']).find((s) => s !== null) ?? null,
      title: input.titleOf(sku),
      available,
      short,
      'reorder-point': reorderPoint,
      'order-qty': qty,
      'unit-cost': unitCost,
      currency: costRow?.currency ?? (unitCost !== null ? input.defaultCurrency : null),
      'line-cost': unitCost === null ? null : unitCost * qty,
      'lead-time-days': largest(rows.map((r) => r['lead-time-days'])),
    });
  }
  return out.sort((a, b) => {
    const sa = a.supplier === NO_SUPPLIER ? '\uffff' : a.supplier.toLowerCase();
    const sb = b.supplier === NO_SUPPLIER ? '\uffff' : b.supplier.toLowerCase();
    if (sa !== sb) return sa < sb ? -1 : 1;
    return a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
  });
}
