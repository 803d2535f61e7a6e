/**
 * Which packages still need a shipping confirmation sent to Amazon (confirmShipment or the fulfillment feed), each
 * with its order items and quantities: shipped Orders rows, their packages from Shipments, minus what Amazon
 * already has (Buy Shipping labels, packages it accepted, rows exported in a ship-confirm file unless `again`).
 */
import { BUY_SHIPPING_ID } from '../amazon/buyShipping';
import type { DecodedTable } from '../tables/decodeTable';
import { ordersTable } from '../tables/orders';
import type { OrderRecord } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import type { ShipmentRecord } from '../tables/shipments';
import { parsePackageItems, splitTrackingCell } from '../fulfillment/packageItems';
import { checkTrackingForCarrier } from '../tracking/carrierNames';
import type { CarrierCodeMap } from './carrierCodeFor';
import type { ShipConfirmLine } from './shipConfirmFile';

export interface PlannedItem {
  readonly orderItemId: string;
  readonly quantity: number;
  /** The Orders row of the item. */
  readonly row: number;
}

export interface PlannedPackage {
  /** The Shipments shipment-id, or `order-id#tracking` when a single tracking number has no Shipments row. */
  readonly key: string;
  readonly orderId: string;
  /** The Shipments row that records the package, when there is one. */
  readonly shipmentRow: number | null;
  /** Positive whole number, unique within the order and the same on every run (Amazon's packageReferenceId). */
  readonly packageReferenceId: string;
  readonly carrier: string;
  readonly carrierCode: string;
  readonly carrierName: string | null;
  readonly shippingMethod: string | null;
  readonly trackingNumber: string;
  /** yyyy-mm-dd, as the Orders sheet holds it. */
  readonly shipDate: string;
  readonly items: readonly PlannedItem[];
}

export interface ConfirmationPlan {
  readonly packages: readonly PlannedPackage[];
  /** For each Orders row sent, the keys of all its packages still to confirm (a row is confirmed when all are). */
  readonly packagesOfRow: ReadonlyMap<number, readonly string[]>;
  readonly problems: readonly Problem[];
  readonly skipped: {
    /** Rows Amazon already accepted (through Shipsheet or a Buy Shipping label). */
    readonly confirmed: number;
    /** Rows exported in a ship-confirm file (sent again only with `again`). */
    readonly exported: number;
    /** Rows Amazon rejected (sent again once the seller clears the confirmation cell, or with `again`). */
    readonly rejected: number;
  };
}

export interface PlanOptions {
  /** Send rows already exported in a ship-confirm file, or rejected, again. Accepted packages never go twice. */
  readonly again?: boolean;
}

interface Pkg {
  key: string;
  orderId: string;
  shipmentRow: number | null;
  ref: string;
  tracking: string;
  service: string | null;
  /** Buy Shipping or already accepted: Amazon has it. */
  done: boolean;
  items: { orderItemId: string; quantity: number | null }[];
}

export function planConfirmations(
  orders: DecodedTable<OrderRecord>,
  shipments: DecodedTable<ShipmentRecord>,
  codes: CarrierCodeMap,
  options: PlanOptions = {},
): ConfirmationPlan {
  const problems: Problem[] = [];

  // Packages of each order, numbered 1, 2, … in the order they were bought or recorded (created-at, then id). Voided
  // and untracked rows keep their number, so a package's reference never changes once it was sent.
  const byOrder = new Map<string, { row: number; rec: ShipmentRecord }[]>();
  for (const s of shipments.rows) {
    const orderId = s.record['order-id'];
    if (!orderId) continue;
    byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), { row: s.rowNumber, rec: s.record }]);
  }
  const packagesOfItem = new Map<string, Pkg[]>();
  const refsUsed = new Map<string, number>();
  for (const [orderId, list] of byOrder) {
    list.sort(
      (a, b) =>
        (a.rec['created-at'] ?? '').localeCompare(b.rec['created-at'] ?? '') ||
        a.rec['shipment-id'].localeCompare(b.rec['shipment-id']),
    );
    refsUsed.set(orderId, list.length);
    list.forEach(({ row, rec }, i) => {
      if (rec.state === 'Voided' || !rec['tracking-number']) return;
      const items = parsePackageItems(rec['order-items']) ?? [];
      const pkg: Pkg = {
        key: rec['shipment-id'],
        orderId,
        shipmentRow: row,
        ref: String(i + 1),
        tracking: rec['tracking-number'],
        service: rec.service,
        done: rec.provider === BUY_SHIPPING_ID || rec['confirmed-at'] !== null,
        items,
      };
      for (const it of items)
        packagesOfItem.set(it.orderItemId, [...(packagesOfItem.get(it.orderItemId) ?? []), pkg]);
    });
  }

  const skipped = { confirmed: 0, exported: 0, rejected: 0 };
  const chosen = new Map<
    string,
    { pkg: Pkg; carrier: string; shipDate: string; service: string | null; items: PlannedItem[] }
  >();
  const packagesOfRow = new Map<number, string[]>();
  for (const r of orders.rows) {
    const rec = r.record;
    if (rec.status !== 'Shipped') {
      if (rec.status === 'Confirmed') skipped.confirmed++;
      continue;
    }
    if (rec.confirmation === 'Confirmed') {
      skipped.confirmed++;
      continue;
    }
    if (!options.again && rec.confirmation === 'Exported') {
      skipped.exported++;
      continue;
    }
    if (!options.again && rec.confirmation === 'Rejected') {
      skipped.rejected++;
      continue;
    }
    const where = (column: string, message: string) =>
      problems.push(problem(ordersTable.name, r.rowNumber, column, message));
    if (!rec.carrier) {
      where('carrier', 'shipped without a carrier: Amazon needs one on every confirmation');
      continue;
    }
    if (!rec['ship-date']) {
      where('ship-date', 'shipped without a ship date');
      continue;
    }
    const recorded = new Set(splitTrackingCell(rec['tracking-number']));
    let pkgs = (packagesOfItem.get(rec['order-item-id']) ?? []).filter((p) => recorded.has(p.tracking));
    if (pkgs.length === 0 && recorded.size === 1) {
      const tracking = [...recorded][0];
      const used = refsUsed.get(rec['order-id']) ?? 0;
      pkgs = [
        {
          key: `${rec['order-id']}#${tracking}`,
          orderId: rec['order-id'],
          shipmentRow: null,
          ref: String(used + 1),
          tracking,
          service: rec.service,
          done: false,
          items: [{ orderItemId: rec['order-item-id'], quantity: rec['quantity-purchased'] }],
        },
      ];
    }
    if (pkgs.length === 0) {
      where(
        'tracking-number',
        recorded.size === 0
          ? 'shipped without a tracking number'
          : 'several tracking numbers but no Shipments rows saying what each package holds',
      );
      continue;
    }
    const open = pkgs.filter((p) => !p.done);
    if (open.length === 0) {
      // Every package is a Buy Shipping label or was accepted: Amazon has this item already.
      skipped.confirmed++;
      continue;
    }
    const bad = open.map((p) => checkTrackingForCarrier(p.tracking, rec.carrier!)).find((c) => !c.ok);
    if (bad && !bad.ok) {
      where(
        'tracking-number',
        `${bad.message}; fix it before confirming (Amazon counts it against Valid Tracking Rate)`,
      );
      continue;
    }
    const qtyIn = (p: Pkg) =>
      p.items.find((i) => i.orderItemId === rec['order-item-id'])?.quantity ?? rec['quantity-purchased'];
    const total = pkgs.reduce((a, p) => a + qtyIn(p), 0);
    if (total > rec['quantity-purchased']) {
      where(
        'quantity-purchased',
        `its packages hold ${total} units but ${rec['quantity-purchased']} were ordered`,
      );
      continue;
    }
    for (const p of open) {
      const entry = chosen.get(p.key) ?? {
        pkg: p,
        carrier: rec.carrier,
        shipDate: rec['ship-date'],
        service: rec.service ?? p.service,
        items: [],
      };
      const quantity = qtyIn(p);
      if (quantity > 0) entry.items.push({ orderItemId: rec['order-item-id'], quantity, row: r.rowNumber });
      chosen.set(p.key, entry);
    }
    packagesOfRow.set(
      r.rowNumber,
      open.map((p) => p.key),
    );
  }

  const packages: PlannedPackage[] = [];
  for (const { pkg, carrier, shipDate, service, items } of chosen.values()) {
    if (items.length === 0) continue;
    const code = codes.lookup(carrier);
    packages.push({
      key: pkg.key,
      orderId: pkg.orderId,
      shipmentRow: pkg.shipmentRow,
      packageReferenceId: pkg.ref,
      carrier,
      carrierCode: code.code,
      carrierName: code.name,
      shippingMethod: service,
      trackingNumber: pkg.tracking,
      shipDate,
      items,
    });
  }
  return { packages, packagesOfRow, problems, skipped };
}

/** The ship-confirm file lines of the planned packages: one per item and package, in plan order. */
export function shipConfirmLinesOf(packages: readonly PlannedPackage[]): ShipConfirmLine[] {
  return packages.flatMap((p) =>
    p.items.map((i) => ({
      orderId: p.orderId,
      orderItemId: i.orderItemId,
      quantity: i.quantity,
      shipDate: p.shipDate.slice(0, 10),
      carrierCode: p.carrierCode,
      carrierName: p.carrierName,
      trackingNumber: p.trackingNumber,
      shipMethod: p.shippingMethod,
    })),
  );
}
