/**
 * One list of sold order lines from every source, without counting an order twice: the All Orders report
 * first (it covers FBA and merchant orders), then Orders sheet lines of orders it does not hold, then orders
 * only the settlement report knows. Cancelled lines and lines in another currency are left out and counted.
 */
import { parseDateTime } from '../dates/parseDateTime';
import type { ParsedAllOrders } from './allOrdersReport';
import type { ReportOrder } from './reportColumns';
import type { LeftOutCounter } from './leftOut';
import type { SettlementLine } from './settlementReport';

export interface SaleLine {
  readonly orderId: string;
  readonly sku: string;
  readonly ms: number;
  units: number;
  /** Null when the source has no price (an Unshipped Orders report carries none). */
  itemPrice: number | null;
  shipping: number;
  giftWrap: number;
  /** Promotions given, positive; null when the source does not say. */
  promotions: number | null;
  readonly source: string;
}

export interface OrderSheetLine {
  readonly rowNumber: number;
  readonly record: ReportOrder;
}

const abs = (n: number | null): number => (n === null ? 0 : Math.abs(n));

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A decoded datetime field (already validated) as epoch ms. Amazon's full ISO form with an offset is exactly
 * what `Date.parse` is specified to read, so the common case skips the general parser.
 */
function instantMs(iso: string): number {
  if (ISO_WITH_OFFSET.test(iso)) return Date.parse(iso);
  const d = parseDateTime(iso);
  return d.ok ? d.date.getTime() : Number.NaN;
}

export function collectSaleLines(
  currency: string,
  allOrders: readonly ParsedAllOrders[],
  orders: readonly OrderSheetLine[],
  settlementOrders: readonly SettlementLine[],
  leftOut: LeftOutCounter,
): SaleLine[] {
  const byKey = new Map<string, SaleLine>();
  const ordersFromReport = new Set<string>();
  const add = (key: string, line: SaleLine): void => {
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, line);
      return;
    }
    prev.units += line.units;
    prev.itemPrice =
      prev.itemPrice === null && line.itemPrice === null
        ? null
        : (prev.itemPrice ?? 0) + (line.itemPrice ?? 0);
    prev.shipping += line.shipping;
    prev.giftWrap += line.giftWrap;
    prev.promotions =
      prev.promotions === null && line.promotions === null
        ? null
        : (prev.promotions ?? 0) + (line.promotions ?? 0);
  };
  for (const file of allOrders) {
    for (const { record: r } of file.rows) {
      const orderId = r['amazon-order-id'];
      ordersFromReport.add(orderId);
      if (/cancel/i.test(r['order-status'] ?? '') || /cancel/i.test(r['item-status'] ?? '')) {
        leftOut.add(file.source, 'cancelled order lines', 'cancelled: nothing was sold');
        continue;
      }
      const cur = (r.currency ?? '').trim().toUpperCase() || currency;
      if (cur !== currency) {
        leftOut.add(
          file.source,
          `order lines in ${cur}`,
          `the report is in ${currency}; amounts in other currencies are never added in`,
        );
        continue;
      }
      const promo = r['item-promotion-discount'] === null && r['ship-promotion-discount'] === null;
      add(`${orderId}\u0000${r.sku}`, {
        orderId,
        sku: r.sku,
        ms: instantMs(r['purchase-date']),
        units: r.quantity ?? 0,
        itemPrice: r['item-price'],
        shipping: r['shipping-price'] ?? 0,
        giftWrap: r['gift-wrap-price'] ?? 0,
        promotions: promo ? null : abs(r['item-promotion-discount']) + abs(r['ship-promotion-discount']),
        source: file.source,
      });
    }
  }
  for (const { record: r } of orders) {
    if (ordersFromReport.has(r['order-id'])) continue;
    if (r.status === 'Cancelled') {
      leftOut.add('Orders', 'cancelled order lines', 'cancelled: nothing was sold');
      continue;
    }
    const cur = (r.currency ?? '').trim().toUpperCase() || currency;
    if (cur !== currency) {
      leftOut.add(
        'Orders',
        `order lines in ${cur}`,
        `the report is in ${currency}; amounts in other currencies are never added in`,
      );
      continue;
    }
    const purchasedMs = r['purchase-date'] === null ? Number.NaN : instantMs(r['purchase-date']);
    if (Number.isNaN(purchasedMs)) {
      leftOut.add('Orders', 'order lines without a purchase-date', 'no date to place them in a period');
      continue;
    }
    const promo = r['item-promotion-discount'] === null && r['ship-promotion-discount'] === null;
    add(`${r['order-id']}\u0000${r.sku}`, {
      orderId: r['order-id'],
      sku: r.sku,
      ms: purchasedMs,
      units: r['quantity-purchased'],
      itemPrice: r['item-price'],
      shipping: r['shipping-price'] ?? 0,
      giftWrap: r['gift-wrap-price'] ?? 0,
      promotions: promo ? null : abs(r['item-promotion-discount']) + abs(r['ship-promotion-discount']),
      source: 'Orders',
    });
  }
  for (const s of settlementOrders) {
    const key = `${s.orderId}\u0000${s.sku}`;
    if (byKey.has(key) || s.currency !== currency) continue;
    byKey.set(key, {
      orderId: s.orderId,
      sku: s.sku,
      ms: s.postedMs,
      units: s.quantity,
      itemPrice: s.amounts.principal,
      shipping: s.amounts.shipping,
      giftWrap: s.amounts.giftWrap,
      promotions: -s.amounts.promotion,
      source: 'settlement',
    });
  }
  return [...byKey.values()];
}
