/**
 * Import a seller's inventory file (sku, location, on hand, unit cost, reorder point and quantity, supplier)
 * into the Inventory sheet, merged by sku + location. All or nothing: a file with a negative or fractional
 * count, a duplicate sku + location, or a location Settings does not rank is refused whole, so stock counts are
 * never half-updated.
 */
import { readSettings } from '../settings/readSettings';
import { parseLocationRank } from '../stock/locationRank';
import type { Grid } from '../tables/cell';
import { inventoryTable } from '../tables/inventory';
import { problem } from '../tables/problem';
import { settingsTable } from '../tables/settingsTable';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { importTable } from './importTable';
import type { RunContext } from './logEntry';

/** What check stock computes; an inventory file never writes these. */
const COMPUTED = ['reserved', 'available', 'updated-at'];

export async function importInventory(
  book: Workbook,
  grid: Grid,
  source: string,
  context: RunContext,
): Promise<ActionResult> {
  let rank: ReturnType<typeof parseLocationRank> | null = null;
  return importTable(book, inventoryTable, grid, source, context, {
    exclude: COMPUTED,
    allOrNothing: true,
    // The count's time: check stock takes units shipped since then off on-hand (see planStockCheck).
    stamp: { column: 'counted-at', when: ['on-hand'] },
    read: [settingsTable.name],
    checkRow: (record, rowNumber, tables) => {
      rank ??= parseLocationRank(
        readSettings(tables.get(settingsTable.name) ?? null).settings.list('location-rank'),
      );
      const location = record['location'];
      if (typeof location === 'string' && rank.rankOf(location) === null)
        return {
          problems: [
            problem(
              source,
              rowNumber,
              'location',
              `unknown location ${location}: Settings location-rank (${rank.entries.join(', ') || 'empty'}) does not list it; add it there (or a pattern such as ${location.replace(/[^-]*$/, '')}*) or fix the location`,
              location,
            ),
          ],
        };
      return {};
    },
  });
}
