/** Package lines from the two sources inside the workbook: labels bought (Shipments) and numbers typed into Orders. */
import { parseDateTime } from '../dates/parseDateTime';
import type { DecodedRow } from '../tables/decodeTable';
import type { OrderRecord } from '../tables/orders';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import type { ShipmentRecord } from '../tables/shipments';
import { shipmentsTable } from '../tables/shipments';
import { localDate } from './localDate';
import { parsePackageItems, splitTrackingCell } from './packageItems';
import type { PackageLine } from './readCarrierExport';

/** Statuses after which typed numbers are not picked up again. */
export const SHIPPED_OR_CLOSED: ReadonlySet<string> = new Set(['Shipped', 'Confirmed', 'Cancelled']);

/** `normalizeTracking(' 1z 5r-89 ')` → `1Z5R89`: the form tracking numbers are compared in. */
export function normalizeTracking(t: string): string {
  return t.replace(/[\s\u00a0-]+/g, '').toUpperCase();
}

/** A label's ship date: the day it was bought, in the seller's time zone. */
function labelDate(createdAt: string | null, timeZone: string): string | null {
  const d = createdAt ? parseDateTime(createdAt) : null;
  return d?.ok ? localDate(d.date, timeZone) : null;
}

/** Each live label with tracking, one line per order item it holds, unless that item already has it recorded. */
export function labelLines(
  rows: readonly DecodedRow<ShipmentRecord>[],
  isRecorded: (orderItemId: string, tracking: string) => boolean,
  timeZone: string,
): { lines: PackageLine[]; problems: Problem[] } {
  const lines: PackageLine[] = [];
  const problems: Problem[] = [];
  for (const s of rows) {
    const rec = s.record;
    if (rec.state === 'Voided' || !rec['tracking-number'] || !rec['order-id']) continue;
    const items = parsePackageItems(rec['order-items']);
    if (items === null) {
      problems.push(
        problem(
          shipmentsTable.name,
          s.rowNumber,
          'order-items',
          'order-items is not like 12345678901234:2; …',
          rec['order-items'] ?? '',
        ),
      );
      continue;
    }
    const t = normalizeTracking(rec['tracking-number']);
    for (const it of items) {
      if (isRecorded(it.orderItemId, t)) continue;
      lines.push({
        source: 'label',
        where: { sheet: shipmentsTable.name, row: s.rowNumber },
        orderId: rec['order-id'],
        orderItemId: it.orderItemId,
        sku: null,
        quantity: it.quantity,
        tracking: rec['tracking-number'],
        carrier: rec.carrier,
        service: rec.service,
        shipDate: labelDate(rec['created-at'], timeZone),
        shipmentId: rec['shipment-id'],
      });
    }
  }
  return { lines, problems };
}

/** A number typed or pasted on an item not yet shipped and not from a label: one package with the whole item. */
export function typedLines(rows: readonly DecodedRow<OrderRecord>[]): {
  lines: PackageLine[];
  problems: Problem[];
} {
  const lines: PackageLine[] = [];
  const problems: Problem[] = [];
  for (const r of rows) {
    const rec = r.record;
    if (!rec['tracking-number'] || SHIPPED_OR_CLOSED.has(rec.status ?? '') || rec['shipment-id']) continue;
    const numbers = splitTrackingCell(rec['tracking-number']);
    if (numbers.length > 1) {
      problems.push(
        problem(
          ordersTable.name,
          r.rowNumber,
          'tracking-number',
          'several tracking numbers in one cell: a split shipment needs the quantity of each package, so record it from a carrier export with a quantity column',
          rec['tracking-number'],
        ),
      );
      continue;
    }
    lines.push({
      source: 'typed',
      where: { sheet: ordersTable.name, row: r.rowNumber },
      orderId: rec['order-id'],
      orderItemId: rec['order-item-id'],
      sku: null,
      quantity: rec['quantity-purchased'],
      tracking: numbers[0],
      carrier: rec.carrier,
      service: rec.service,
      shipDate: rec['ship-date'],
      shipmentId: null,
    });
  }
  return { lines, problems };
}
