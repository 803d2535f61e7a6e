/**
 * Put sellable returns back on the shelf: each Returns row whose condition is sellable adds its quantity to the
 * Inventory row of its SKU and location, once — `restocked` and `restocked-at` record it, so a second run
 * never restocks twice. Refunds stay on the Returns rows, where the sales report reads them.
 */
import { toIsoUtc } from '../dates/parseDateTime';
import { isSellable } from '../returns/isSellable';
import { readSettings } from '../settings/readSettings';
import { decodeTable } from '../tables/decodeTable';
import { inventoryTable } from '../tables/inventory';
import type { InventoryRecord } from '../tables/inventory';
import { logTable } from '../tables/log';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { returnsTable } from '../tables/returns';
import { settingsTable } from '../tables/settingsTable';
import { TableEditor } from '../tables/tableEditor';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';

export const RESTOCK_RETURNS = 'restock returns';

export async function restockReturns(book: Workbook, context: RunContext): Promise<ActionResult> {
  const names = [returnsTable.name, inventoryTable.name, ordersTable.name, settingsTable.name, logTable.name];
  const tables = await book.read(names);
  const returnsGrid = tables.get(returnsTable.name) ?? null;
  const inventoryGrid = tables.get(inventoryTable.name) ?? null;
  const returns = decodeTable(returnsTable, returnsGrid ?? []);
  const inventory = decodeTable(inventoryTable, inventoryGrid ?? [], { checkRequired: false });
  const orders = decodeTable(ordersTable, tables.get(ordersTable.name) ?? [], { checkRequired: false });
  const { settings } = readSettings(tables.get(settingsTable.name) ?? null);
  const rank = settings.list('location-rank').map((l) => l.toLowerCase());
  const problems: Problem[] = [...returns.problems];

  const stock = new Map<string, { row: number | null; record: Partial<InventoryRecord>; add: number }>();
  const key = (sku: string, location: string) => `${sku.toLowerCase()}\u0000${location.toLowerCase()}`;
  const locationsOf = new Map<string, string[]>();
  for (const r of inventory.rows) {
    const { sku, location } = r.record;
    if (!sku || !location) continue;
    stock.set(key(sku, location), { row: r.rowNumber, record: r.record, add: 0 });
    locationsOf.set(sku.toLowerCase(), [...(locationsOf.get(sku.toLowerCase()) ?? []), location]);
  }
  // Units ordered per order and SKU, so more cannot come back than went out.
  const ordered = new Map<string, number>();
  for (const o of orders.rows) {
    const k = `${o.record['order-id']}\u0000${(o.record.sku ?? '').toLowerCase()}`;
    ordered.set(k, (ordered.get(k) ?? 0) + (o.record['quantity-purchased'] ?? 0));
  }
  const returned = new Map<string, number>();
  for (const r of returns.rows) {
    if (!r.valid) continue;
    const k = `${r.record['order-id']}\u0000${r.record.sku.toLowerCase()}`;
    returned.set(k, (returned.get(k) ?? 0) + r.record.quantity);
  }

  const returnsEditor = new TableEditor(returnsTable, returnsGrid, ['restocked', 'restocked-at']);
  const now = toIsoUtc(context.now);
  let restocked = 0;
  let units = 0;
  let notSellable = 0;
  for (const r of returns.rows) {
    const rec = r.record;
    if (!r.valid || rec.restocked === true) continue;
    if (!isSellable(rec.condition)) {
      notSellable++;
      continue;
    }
    const k = `${rec['order-id']}\u0000${rec.sku.toLowerCase()}`;
    const out = ordered.get(k);
    if (out !== undefined && (returned.get(k) ?? 0) > out) {
      problems.push(
        problem(
          returnsTable.name,
          r.rowNumber,
          'quantity',
          `returns of ${rec.sku} on order ${rec['order-id']} add up to ${returned.get(k)} units but ${out} were ordered; not restocked`,
          String(rec.quantity),
        ),
      );
      continue;
    }
    const known = locationsOf.get(rec.sku.toLowerCase()) ?? [];
    const location =
      rec.location ??
      rank.map((l) => known.find((k2) => k2.toLowerCase() === l)).find((l) => l !== undefined) ??
      known[0];
    if (!location) {
      problems.push(
        problem(
          returnsTable.name,
          r.rowNumber,
          'location',
          `${rec.sku} has no Inventory row: type the location to restock it to`,
        ),
      );
      continue;
    }
    const s = stock.get(key(rec.sku, location)) ?? {
      row: null,
      record: { sku: rec.sku, location, 'on-hand': 0 },
      add: 0,
    };
    s.add += rec.quantity;
    stock.set(key(rec.sku, location), s);
    returnsEditor.update(r.rowNumber, { restocked: true, 'restocked-at': now });
    restocked++;
    units += rec.quantity;
  }
  const inventoryEditor = new TableEditor(inventoryTable, inventoryGrid, [
    'sku',
    'location',
    'on-hand',
    'available',
    'updated-at',
  ]);
  for (const s of stock.values()) {
    if (s.add === 0) continue;
    const onHand = (s.record['on-hand'] ?? 0) + s.add;
    if (s.row === null)
      inventoryEditor.append({
        sku: s.record.sku,
        location: s.record.location,
        'on-hand': onHand,
        'updated-at': now,
      });
    else
      inventoryEditor.update(s.row, {
        'on-hand': onHand,
        ...(typeof s.record.available === 'number' ? { available: s.record.available + s.add } : {}),
        'updated-at': now,
      });
  }
  const summary = `${returns.rows.length} returns: ${restocked} restocked (${units} units), ${notSellable} not sellable`;
  const log = logEditor(tables.get(logTable.name) ?? null);
  log.append(
    logEntry(
      RESTOCK_RETURNS,
      context,
      { rowsRead: returns.rows.length, rowsChanged: restocked, summary },
      problems,
    ),
  );
  await book.write({ sheets: [returnsEditor.toWrite(), inventoryEditor.toWrite(), log.toWrite()] });
  return {
    action: RESTOCK_RETURNS,
    ok: true,
    changes: [returnsEditor.summary(), inventoryEditor.summary()],
    problems,
    stats: { returns: returns.rows.length, restocked, units, notSellable },
    lines: [`Restocked returns in ${book.label}: ${summary}.`],
  };
}
