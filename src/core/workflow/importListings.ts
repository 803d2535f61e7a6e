/**
 * Import listings into the Listings sheet, merged by SKU: Amazon's All / Active Listings reports (29- or
 * 47-column, `seller-sku`, `asin1`, Title-Case headers in the newer one, localised `open-date`) or the seller's
 * own listings file with weights and sizes. Only the columns the file has are written, so a report never wipes
 * the weights a seller typed; the report's other columns (Business Price, item-description, …) are kept. All or nothing: a file with a bad row is refused whole.
 */
import { inferDayFirst, parseOpenDate } from '../listings/parseOpenDate';
import { locateHeader } from '../flatfiles/locateHeader';
import type { Grid } from '../tables/cell';
import { cellText } from '../tables/cellCodec';
import { indexColumns } from '../tables/columnIndex';
import { listingsTable } from '../tables/listings';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { importTable } from './importTable';
import type { RunContext } from './logEntry';

/** The open-date texts of a file, to tell day-first from month-first dates before any row is read. */
function openDates(grid: Grid): string[] {
  const h = locateHeader(grid, listingsTable);
  if (h < 0) return [];
  const pos = indexColumns(listingsTable, grid[h]).positions.get('open-date');
  if (pos === undefined) return [];
  return grid.slice(h + 1).map((r) => cellText(r[pos] ?? null));
}

export async function importListings(
  book: Workbook,
  grid: Grid,
  source: string,
  context: RunContext,
): Promise<ActionResult> {
  const dayFirst = inferDayFirst(openDates(grid));
  return importTable(book, listingsTable, grid, source, context, {
    allOrNothing: true,
    keepExtras: true,
    checkRow: (record) => {
      const out = { ...record };
      const channel = record['fulfillment-channel'];
      if (typeof channel === 'string') out['fulfillment-channel'] = channel.trim().toUpperCase();
      const opened = record['open-date'];
      if (typeof opened === 'string' && opened.trim() !== '') {
        // A form Shipsheet does not know stays as Amazon wrote it: the date is for the seller, nothing computes on it.
        const d = parseOpenDate(opened, { dayFirst });
        if (d.ok) out['open-date'] = d.iso;
      }
      return { record: out };
    },
  });
}
