/**
 * Check stock: allocate the shelves to the open order items (see stock/planStockCheck), then write the Orders
 * allocation and status, Inventory reserved/available, and rebuild the Shortages and Purchase List sheets —
 * all in one write. Running it twice changes nothing the second time.
 */
import { toIsoUtc } from '../dates/parseDateTime';
import { formatMoneyPlain } from '../money/parseMoney';
import { readSettings } from '../settings/readSettings';
import type { StockCheckPlan } from '../stock/planStockCheck';
import { planStockCheck } from '../stock/planStockCheck';
import type { Grid } from '../tables/cell';
import type { DecodedTable } from '../tables/decodeTable';
import { decodeTable } from '../tables/decodeTable';
import type { StockOrder } from '../stock/stockOrderColumns';
import { stockOrdersTable } from '../stock/stockOrderColumns';
import { inventoryTable } from '../tables/inventory';
import { listingsTable } from '../tables/listings';
import { logTable } from '../tables/log';
import { ordersTable } from '../tables/orders';
import { purchaseListTable } from '../tables/purchaseList';
import { settingsTable } from '../tables/settingsTable';
import { shortagesTable } from '../tables/shortages';
import { TableEditor } from '../tables/tableEditor';
import type { SheetWrite, Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';
import { rebuildSheet } from './rebuildSheet';

export const CHECK_STOCK = 'check stock';

/** The tables check stock reads, decoded, with the plan computed from them (also used by exports). */
export async function readStockPlan(
  book: Workbook,
  extra: readonly string[] = [],
): Promise<
  | { ok: true; plan: StockCheckPlan; tables: ReadonlyMap<string, Grid | null> }
  | { ok: false; message: string }
> {
  const tables = await book.read([
    ordersTable.name,
    inventoryTable.name,
    listingsTable.name,
    settingsTable.name,
    ...extra,
  ]);
  const ordersGrid = tables.get(ordersTable.name) ?? null;
  const inventoryGrid = tables.get(inventoryTable.name) ?? null;
  if (inventoryGrid === null || inventoryGrid.length === 0)
    return {
      ok: false,
      message: `${book.label} has no Inventory sheet: run \`shipsheet import inventory FILE\` (or set up the sheets) first.`,
    };
  const orders = decodeTable(stockOrdersTable, ordersGrid ?? []) as DecodedTable<StockOrder>;
  const inventory = decodeTable(inventoryTable, inventoryGrid);
  const listings = decodeTable(listingsTable, tables.get(listingsTable.name) ?? []);
  for (const [t, name] of [
    [inventory, inventoryTable.name],
    [orders, ordersTable.name],
  ] as const)
    if (!t.usable && (name !== ordersTable.name || (ordersGrid?.length ?? 0) > 0))
      return {
        ok: false,
        message: `${book.label}, sheet ${name}: ${t.problems[0]?.message ?? 'unreadable header'}; put the header back in row 1 and run again.`,
      };
  const { settings, problems } = readSettings(tables.get(settingsTable.name) ?? null);
  const plan = planStockCheck({ orders, inventory, listings, settings });
  return { ok: true, plan: { ...plan, problems: [...problems, ...plan.problems] }, tables };
}

export async function checkStock(book: Workbook, context: RunContext): Promise<ActionResult> {
  context.onProgress?.('Allocating stock', 0, 0);
  const read = await readStockPlan(book, [logTable.name, shortagesTable.name, purchaseListTable.name]);
  if (!read.ok) return refused(CHECK_STOCK, read.message);
  const { plan, tables } = read;
  const now = toIsoUtc(context.now);
  context.onProgress?.('Writing allocations', 0, plan.orderUpdates.length);

  const orders = new TableEditor(ordersTable, tables.get(ordersTable.name) ?? null, [
    'status',
    'allocated-qty',
    'allocated-from',
    'problem',
  ]);
  let ordersChanged = 0;
  for (const u of plan.orderUpdates) if (orders.update(u.rowNumber, u.fields)) ordersChanged++;

  const inventory = new TableEditor(inventoryTable, tables.get(inventoryTable.name) ?? null, [
    'reserved',
    'available',
    'updated-at',
  ]);
  let inventoryChanged = 0;
  for (const u of plan.inventoryUpdates)
    if (inventory.update(u.rowNumber, u.fields)) {
      // Stamped only when the numbers moved, so a second run leaves the sheet as it was.
      inventory.update(u.rowNumber, { 'updated-at': now });
      inventoryChanged++;
    }

  const writes: SheetWrite[] = [];
  if (orders.hasChanges) writes.push(orders.toWrite());
  if (inventory.hasChanges) writes.push(inventory.toWrite());
  const shortages = rebuildSheet(shortagesTable, tables.get(shortagesTable.name) ?? null, plan.shortages);
  const purchases = rebuildSheet(
    purchaseListTable,
    tables.get(purchaseListTable.name) ?? null,
    plan.purchases,
  );
  if (shortages) writes.push(shortages);
  if (purchases) writes.push(purchases);

  const s = plan.stats;
  const summary = `${s.itemsConsidered} open order items: ${s.allocated} allocated, ${s.short} short, ${s.held} held (ship complete), ${s.released} released; ${s.unitsReserved} units reserved; ${plan.shortages.length} SKUs short; ${plan.purchases.length} to reorder`;
  const changed = ordersChanged + inventoryChanged;
  if (writes.length > 0) {
    const log = logEditor(tables.get(logTable.name) ?? null);
    log.append(
      logEntry(
        CHECK_STOCK,
        context,
        { rowsRead: s.itemsConsidered, rowsChanged: changed, summary },
        plan.problems,
      ),
    );
    writes.push(log.toWrite());
    await book.write({ sheets: writes });
  }
  const lines = [`Checked stock in ${book.label}: ${summary}.`];
  if (writes.length === 0) lines.push('Nothing changed since the last check.');
  for (const sh of plan.shortages)
    lines.push(
      `  short: ${sh.sku} needs ${sh.needed}, ${sh['on-hand']} on hand, ${sh.short} missing; oldest ship-by ${sh['oldest-ship-by'] ?? 'unknown'}`,
    );
  const bySupplier = new Map<string, { skus: number; units: number; cost: Map<string, number> }>();
  for (const p of plan.purchases) {
    const t = bySupplier.get(p.supplier) ?? { skus: 0, units: 0, cost: new Map<string, number>() };
    t.skus++;
    t.units += p['order-qty'] ?? 0;
    if (p['line-cost'] !== null) {
      const c = p.currency ?? '';
      t.cost.set(c, (t.cost.get(c) ?? 0) + p['line-cost']);
    }
    bySupplier.set(p.supplier, t);
  }
  for (const [supplier, t] of bySupplier)
    lines.push(
      `  reorder from ${supplier}: ${t.skus} SKU${t.skus > 1 ? 's' : ''}, ${t.units} units${[...t.cost]
        .map(([c, m]) => `, ${formatMoneyPlain(m, c)} ${c}`.trimEnd())
        .join('')}`,
    );
  if (s.listingsWithoutSize > 0)
    lines.push(
      `  ${s.listingsWithoutSize} merchant-fulfilled listing(s) lack weight or dimensions (carrier choice needs them).`,
    );
  return {
    action: CHECK_STOCK,
    ok: true,
    changes: [orders.summary(), inventory.summary()],
    problems: plan.problems,
    stats: { ...s, shortages: plan.shortages.length, reorders: plan.purchases.length, rowsChanged: changed },
    lines,
    data: { shortages: plan.shortages, purchases: plan.purchases },
  };
}
