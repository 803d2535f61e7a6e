/**
 * The quantities back to Amazon: check stock's allocation computed afresh (never a stale sheet figure), less
 * the safety stock, as Amazon's Price & Quantity flat file. Writes nothing to the workbook; the caller saves
 * `text` (ActionResult.data) to the file the seller uploads.
 */
import { readSettings } from '../settings/readSettings';
import { buildInventoryLoader } from '../stock/inventoryLoader';
import { inventoryTable } from '../tables/inventory';
import { settingsTable } from '../tables/settingsTable';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import { readStockPlan } from './checkStock';

export const EXPORT_INVENTORY_LOADER = 'export inventory-loader';

export async function exportInventoryLoader(
  book: Workbook,
  options: { withPrice?: boolean } = {},
): Promise<ActionResult> {
  const read = await readStockPlan(book);
  if (!read.ok) return refused(EXPORT_INVENTORY_LOADER, read.message);
  const { settings } = readSettings(read.tables.get(settingsTable.name) ?? null);
  const safetyStock = settings.int('safety-stock');
  const file = buildInventoryLoader(read.plan.availability, {
    safetyStock,
    withPrice: options.withPrice,
    defaultCurrency: settings.text('currency'),
  });
  const units = file.rows.reduce((s, r) => s + r.quantity, 0);
  return {
    action: EXPORT_INVENTORY_LOADER,
    ok: true,
    changes: [],
    // Only what changes the quantities: stock rows not counted, settings misread (not, say, a missing weight).
    problems: [
      ...read.plan.problems.filter((p) => p.sheet === inventoryTable.name || p.sheet === settingsTable.name),
      ...file.problems,
    ],
    stats: { skus: file.rows.length, units, safetyStock },
    lines: [
      `Inventory loader: ${file.rows.length} merchant-fulfilled SKUs, ${units} units offered (available minus safety stock ${safetyStock}); FBA SKUs left to Amazon.`,
    ],
    data: file,
  };
}
