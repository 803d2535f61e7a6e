/**
 * Record tracking numbers from the three places they come from — labels bought (Shipments), numbers typed or
 * pasted into Orders, and a carrier or shipping-tool export — check each against its carrier, and move the
 * order items to Shipped with ship date and carrier. One package per tracking number in Shipments.
 */
import { unitsOf } from '../labels/labelJobs';
import { decodeTable } from '../tables/decodeTable';
import { logTable } from '../tables/log';
import type { OrderRecord } from '../tables/orders';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { settingsTable } from '../tables/settingsTable';
import type { ShipmentRecord } from '../tables/shipments';
import { shipmentsTable } from '../tables/shipments';
import { TableEditor } from '../tables/tableEditor';
import type { Workbook } from '../workbook';
import { readSettings } from '../settings/readSettings';
import { parseDateTime, toIsoUtc } from '../dates/parseDateTime';
import { localDate } from '../fulfillment/localDate';
import { formatPackageItems, parsePackageItems, splitTrackingCell } from '../fulfillment/packageItems';
import { readCarrierExport } from '../fulfillment/readCarrierExport';
import { labelLines, normalizeTracking, SHIPPED_OR_CLOSED, typedLines } from '../fulfillment/trackingSources';
import type { PackageLine, TrackingFile, TrackingSource } from '../fulfillment/readCarrierExport';
import { canonicalCarrier, checkTrackingForCarrier } from '../tracking/carrierNames';
import { carriersOf, validateTrackingNumber } from '../tracking/validateTracking';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';

export const RECORD_TRACKING = 'record tracking';

/** A package line resolved to the order items it covers. */
interface Resolved {
  readonly line: PackageLine;
  readonly tracking: string;
  readonly carrier: string;
  readonly shipDate: string;
  readonly items: { row: number; record: OrderRecord; quantity: number }[];
}

const CLOSED = SHIPPED_OR_CLOSED;

export async function recordTracking(
  book: Workbook,
  context: RunContext,
  file?: TrackingFile,
): Promise<ActionResult> {
  const tables = await book.read([ordersTable.name, shipmentsTable.name, settingsTable.name, logTable.name]);
  const ordersGrid = tables.get(ordersTable.name) ?? null;
  if (!ordersGrid || ordersGrid.length === 0)
    return refused(RECORD_TRACKING, `${book.label} has no Orders sheet: import orders first.`);
  const orders = decodeTable(ordersTable, ordersGrid, { checkRequired: false });
  const shipmentsGrid = tables.get(shipmentsTable.name) ?? null;
  const shipments = decodeTable(shipmentsTable, shipmentsGrid ?? [], { checkRequired: false });
  const { settings } = readSettings(tables.get(settingsTable.name) ?? null);
  const timeZone = settings.text('timezone');
  const today = localDate(context.now, timeZone);
  const problems: Problem[] = [];

  // Order items by id and by order; tracking numbers already recorded, with their order.
  const itemRow = new Map<string, { row: number; record: OrderRecord }>();
  const itemsOfOrder = new Map<string, { row: number; record: OrderRecord }[]>();
  const trackingOrder = new Map<string, string>();
  const recordedOnItem = new Map<string, Set<string>>();
  for (const r of orders.rows) {
    const id = r.record['order-item-id'];
    const orderId = r.record['order-id'];
    if (!id || !orderId) continue;
    itemRow.set(id, { row: r.rowNumber, record: r.record });
    itemsOfOrder.set(orderId, [...(itemsOfOrder.get(orderId) ?? []), { row: r.rowNumber, record: r.record }]);
    if (CLOSED.has(r.record.status ?? '') || r.record['shipment-id']) {
      const set = new Set(splitTrackingCell(r.record['tracking-number']).map(normalizeTracking));
      for (const t of set) trackingOrder.set(t, orderId);
      // Only a shipped item is done: a Labeled one (the labels step may fill its tracking) or a partly
      // shipped one still moves on when its packages are recorded.
      if (CLOSED.has(r.record.status ?? '')) recordedOnItem.set(id, set);
    }
  }
  // Units of each item already in a package (live Shipments rows), so a split never ships more than ordered.
  const packedQty = new Map<string, Map<string, number>>();
  const shipmentRowById = new Map<string, { row: number; record: ShipmentRecord }>();
  for (const s of shipments.rows) {
    const rec = s.record;
    if (rec['shipment-id']) shipmentRowById.set(rec['shipment-id'], { row: s.rowNumber, record: rec });
    if (rec.state === 'Voided' || !rec['tracking-number']) continue;
    const t = normalizeTracking(rec['tracking-number']);
    for (const item of parsePackageItems(rec['order-items']) ?? []) {
      const q = item.quantity ?? itemRow.get(item.orderItemId)?.record['quantity-purchased'] ?? 0;
      const m = packedQty.get(item.orderItemId) ?? new Map<string, number>();
      m.set(t, q);
      packedQty.set(item.orderItemId, m);
      if (rec['order-id']) trackingOrder.set(t, rec['order-id']);
    }
  }

  const lines: PackageLine[] = [];
  // 1. Labels bought (Shipments rows) and 2. numbers typed or pasted into Orders.
  const labels = labelLines(shipments.rows, (item, t) => recordedOnItem.get(item)?.has(t) ?? false, timeZone);
  const typed = typedLines(orders.rows);
  problems.push(...labels.problems, ...typed.problems);
  lines.push(...labels.lines, ...typed.lines);
  // 3. A carrier export.
  let fileRows = 0;
  if (file) {
    const parsed = readCarrierExport(file);
    if (!parsed.ok) return refused(RECORD_TRACKING, parsed.message);
    problems.push(...parsed.problems);
    fileRows = parsed.lines.length;
    lines.push(...parsed.lines);
  }

  // Resolve and check each line; a problem anywhere in an order keeps the whole order out.
  const resolved: Resolved[] = [];
  const inThisRun = new Map<string, PackageLine>();
  let unchanged = 0;
  const badOrders = new Set<string>();
  const typedProblems = new Map<number, string>();
  const fail = (line: PackageLine, column: string | null, message: string, value?: string) => {
    problems.push(problem(line.where.sheet, line.where.row, column, message, value));
    badOrders.add(line.orderId);
    if (line.source === 'typed') typedProblems.set(line.where.row, message);
  };
  for (const line of lines) {
    const items = itemsOfOrder.get(line.orderId);
    if (!items) {
      fail(line, 'order-id', `order ${line.orderId} is not in the Orders sheet`, line.orderId);
      continue;
    }
    let targets: { row: number; record: OrderRecord; quantity: number }[];
    if (line.orderItemId) {
      const it = itemRow.get(line.orderItemId);
      if (!it || it.record['order-id'] !== line.orderId) {
        fail(
          line,
          'order-item-id',
          `order item ${line.orderItemId} is not an item of order ${line.orderId}`,
          line.orderItemId,
        );
        continue;
      }
      targets = [{ ...it, quantity: line.quantity ?? it.record['quantity-purchased'] }];
    } else if (line.sku) {
      const it = items.filter((i) => i.record.sku?.toLowerCase() === line.sku?.toLowerCase());
      if (it.length !== 1) {
        fail(
          line,
          'sku',
          it.length === 0
            ? `order ${line.orderId} has no item with SKU ${line.sku}`
            : `order ${line.orderId} has ${it.length} items with SKU ${line.sku}; give the order-item-id`,
          line.sku,
        );
        continue;
      }
      targets = [{ ...it[0], quantity: line.quantity ?? it[0].record['quantity-purchased'] }];
    } else if (items.length === 1) {
      targets = [{ ...items[0], quantity: line.quantity ?? items[0].record['quantity-purchased'] }];
    } else if (line.quantity === null) {
      targets = items.map((i) => ({ ...i, quantity: i.record['quantity-purchased'] }));
    } else {
      fail(
        line,
        'quantity',
        `order ${line.orderId} has ${items.length} items: a quantity needs an order-item-id or sku column to say which`,
      );
      continue;
    }
    const cancelled = targets.find((t) => t.record.status === 'Cancelled');
    if (cancelled) {
      fail(
        line,
        'order-id',
        `order item ${cancelled.record['order-item-id']} is cancelled and must not ship`,
      );
      continue;
    }
    const tracking = normalizeTracking(line.tracking);
    const otherOrder = trackingOrder.get(tracking);
    if (otherOrder !== undefined && otherOrder !== line.orderId) {
      fail(
        line,
        'tracking-number',
        `tracking number ${tracking} is already used on order ${otherOrder}`,
        line.tracking,
      );
      continue;
    }
    // The same number for two orders in this run: which is right cannot be told, so neither is recorded.
    const earlier = inThisRun.get(tracking);
    if (earlier !== undefined && earlier.orderId !== line.orderId) {
      fail(
        line,
        'tracking-number',
        `tracking number ${tracking} is also given for order ${earlier.orderId} (${earlier.where.sheet} row ${earlier.where.row})`,
        line.tracking,
      );
      fail(
        earlier,
        'tracking-number',
        `tracking number ${tracking} is also given for order ${line.orderId} (${line.where.sheet} row ${line.where.row})`,
        earlier.tracking,
      );
      continue;
    }
    if (earlier === undefined) inThisRun.set(tracking, line);
    let carrier = line.carrier
      ? canonicalCarrier(line.carrier)
      : targets[0].record.carrier
        ? canonicalCarrier(targets[0].record.carrier)
        : null;
    if (!carrier) {
      const fits = carriersOf(validateTrackingNumber(tracking));
      if (fits.length !== 1) {
        fail(
          line,
          'carrier',
          fits.length === 0
            ? `tracking number ${line.tracking} fits no known format; say which carrier it is`
            : `tracking number ${line.tracking} could be ${fits.join(' or ')}; say which carrier it is`,
          line.tracking,
        );
        continue;
      }
      carrier = fits[0];
    }
    const check = checkTrackingForCarrier(line.tracking, carrier);
    if (!check.ok) {
      fail(line, 'tracking-number', check.message, line.tracking);
      continue;
    }
    const shipDate = line.shipDate ?? today;
    const early = targets.find((t) => {
      const p = t.record['purchase-date'] ? parseDateTime(t.record['purchase-date']) : null;
      return p?.ok === true && localDate(p.date, timeZone) > shipDate;
    });
    if (early) {
      fail(
        line,
        'ship-date',
        `ship date ${shipDate} is before order ${line.orderId} was placed (${early.record['purchase-date']})`,
        shipDate,
      );
      continue;
    }
    if (shipDate > today) {
      fail(line, 'ship-date', `ship date ${shipDate} is in the future`, shipDate);
      continue;
    }
    if (targets.every((t) => recordedOnItem.get(t.record['order-item-id'])?.has(tracking))) {
      unchanged++;
      continue;
    }
    resolved.push({ line, tracking, carrier, shipDate, items: targets });
  }
  // Quantities: what is packed already plus what this run adds, per item, never above what was ordered.
  const addedQty = new Map<string, Map<string, number>>();
  for (const r of resolved) {
    for (const t of r.items) {
      const id = t.record['order-item-id'];
      const m = addedQty.get(id) ?? new Map(packedQty.get(id) ?? []);
      m.set(r.tracking, t.quantity);
      addedQty.set(id, m);
    }
  }
  for (const [id, m] of addedQty) {
    const it = itemRow.get(id)!;
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    if (total > it.record['quantity-purchased']) {
      for (const r of resolved.filter((x) => x.items.some((t) => t.record['order-item-id'] === id)))
        fail(
          r.line,
          'quantity',
          `packages hold ${total} units of order item ${id} but only ${it.record['quantity-purchased']} were ordered`,
          String(total),
        );
    }
  }
  // Orders with a problem are left out whole; problems already name their rows.
  const good = resolved.filter((r) => !badOrders.has(r.line.orderId));
  for (const id of new Set(resolved.filter((r) => badOrders.has(r.line.orderId)).map((r) => r.line.orderId)))
    problems.push(
      problem(
        ordersTable.name,
        null,
        null,
        `order ${id}: nothing recorded until the problems above are fixed`,
      ),
    );

  // Write: Orders rows, Shipments rows for packages that have none, a Log row.
  const orderEditor = new TableEditor(ordersTable, ordersGrid, [
    'status',
    'carrier',
    'service',
    'tracking-number',
    'ship-date',
    'shipment-id',
    'confirmation',
    'problem',
  ]);
  const shipmentEditor = new TableEditor(
    shipmentsTable,
    shipmentsGrid,
    shipmentsTable.columns.map((c) => c.name),
  );
  const perItem = new Map<
    string,
    {
      row: number;
      record: OrderRecord;
      packages: Map<string, number>;
      carrier: string;
      service: string | null;
      shipDate: string;
      shipmentId: string | null;
    }
  >();
  const newPackages = new Map<
    string,
    {
      orderId: string;
      carrier: string;
      service: string | null;
      source: TrackingSource;
      items: Map<string, number>;
    }
  >();
  for (const r of good) {
    for (const t of r.items) {
      const id = t.record['order-item-id'];
      const entry = perItem.get(id) ?? {
        row: t.row,
        record: t.record,
        packages: new Map(packedQty.get(id) ?? []),
        carrier: r.carrier,
        service: r.line.service,
        shipDate: r.shipDate,
        shipmentId: r.line.shipmentId,
      };
      entry.packages.set(r.tracking, t.quantity);
      if (r.shipDate < entry.shipDate) entry.shipDate = r.shipDate;
      perItem.set(id, entry);
      if (r.line.source !== 'label') {
        const sid = `TRK-${r.tracking}`;
        const p = newPackages.get(sid) ?? {
          orderId: r.line.orderId,
          carrier: r.carrier,
          service: r.line.service,
          source: r.line.source,
          items: new Map(),
        };
        p.items.set(id, t.quantity);
        newPackages.set(sid, p);
        entry.shipmentId ??= sid;
      }
    }
  }
  let shipped = 0;
  let partial = 0;
  for (const [, e] of perItem) {
    const total = [...e.packages.values()].reduce((a, b) => a + b, 0);
    // Units Amazon already had as shipped (a PartiallyShipped order) are not in these packages.
    const needed = unitsOf(e.record);
    const full = total >= needed;
    if (full) shipped++;
    else partial++;
    const existing = splitTrackingCell(e.record['tracking-number']).map(normalizeTracking);
    const numbers = [...new Set([...existing.filter((t) => e.packages.has(t)), ...e.packages.keys()])];
    orderEditor.update(e.row, {
      'tracking-number': numbers.join('; '),
      carrier: e.carrier,
      ...(e.record.service ? {} : { service: e.service }),
      'ship-date':
        e.record['ship-date'] && e.record['ship-date'] < e.shipDate ? e.record['ship-date'] : e.shipDate,
      'shipment-id': e.record['shipment-id'] ?? e.shipmentId,
      ...(full && e.record.status !== 'Confirmed' ? { status: 'Shipped' as const } : {}),
      ...(e.record.confirmation ? {} : { confirmation: 'Pending' as const }),
      problem: full ? null : `${total} of ${needed} units have tracking`,
    });
  }
  for (const [row, message] of typedProblems) orderEditor.update(row, { problem: message });
  const nowIso = toIsoUtc(context.now);
  for (const [sid, p] of newPackages) {
    const fields: Partial<ShipmentRecord> = {
      'order-id': p.orderId,
      'order-items': formatPackageItems(
        [...p.items].map(([orderItemId, quantity]) => ({ orderItemId, quantity })),
      ),
      provider: p.source === 'typed' ? 'typed in Orders' : `carrier export ${file?.source ?? ''}`.trim(),
      carrier: p.carrier,
      service: p.service,
      'tracking-number': sid.slice(4),
      state: 'InTransit',
    };
    const existing = shipmentRowById.get(sid);
    if (existing)
      shipmentEditor.update(existing.row, {
        'order-items': mergeItems(existing.record['order-items'], p.items),
      });
    else shipmentEditor.append({ 'shipment-id': sid, ...fields, 'created-at': nowIso });
  }
  const summary = `${lines.length} package lines (${count(lines, 'label')} from labels, ${count(lines, 'typed')} typed, ${count(lines, 'file')} from ${file?.source ?? 'no file'}): ${shipped} order items shipped, ${partial} partly, ${newPackages.size} packages added to Shipments, ${unchanged} already recorded`;
  const log = logEditor(tables.get(logTable.name) ?? null);
  log.append(
    logEntry(
      RECORD_TRACKING,
      context,
      { source: file?.source, rowsRead: lines.length, rowsChanged: perItem.size, summary },
      problems,
    ),
  );
  await book.write({ sheets: [orderEditor.toWrite(), shipmentEditor.toWrite(), log.toWrite()] });
  return {
    action: RECORD_TRACKING,
    ok: true,
    changes: [orderEditor.summary(), shipmentEditor.summary()],
    problems,
    stats: {
      lines: lines.length,
      fileRows,
      shipped,
      partial,
      packagesAdded: newPackages.size,
      rejected: badOrders.size,
      unchanged,
    },
    lines: [`Recorded tracking in ${book.label}: ${summary}.`],
  };
}

function count(lines: readonly PackageLine[], source: TrackingSource): number {
  return lines.filter((l) => l.source === source).length;
}

function mergeItems(text: string | null, add: ReadonlyMap<string, number>): string {
  const items = new Map<string, number>();
  for (const i of parsePackageItems(text) ?? [])
    if (i.quantity !== null) items.set(i.orderItemId, i.quantity);
  for (const [k, v] of add) items.set(k, v);
  return formatPackageItems([...items].map(([orderItemId, quantity]) => ({ orderItemId, quantity })));
}
