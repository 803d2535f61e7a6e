/** Import Amazon's returns report (or a sheet of typed returns) into Returns, then restock the sellable ones. */
import type { Grid } from '../tables/cell';
import { locateHeader } from '../flatfiles/locateHeader';
import { normalizeHeader } from '../tables/normalizeHeader';
import { returnsTable } from '../tables/returns';
import { reportDateToIso } from '../returns/reportDates';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { importTable } from './importTable';
import type { RunContext } from './logEntry';
import { restockReturns } from './restockReturns';

const DATE_HEADERS = new Set(['return-date', 'return-request-date']);

export async function importReturns(
  book: Workbook,
  grid: Grid,
  source: string,
  context: RunContext,
): Promise<ActionResult[]> {
  const imported = await importTable(book, returnsTable, normalizeDates(grid), source, context, {
    exclude: ['restocked', 'restocked-at'],
  });
  if (!imported.ok) return [imported];
  return [imported, await restockReturns(book, context)];
}

/** The report's `06-Jan-2026` and `1/6/2026` dates as yyyy-mm-dd; other cells as they are. */
function normalizeDates(grid: Grid): Grid {
  const h = locateHeader(grid, returnsTable);
  if (h < 0) return grid;
  const cols = grid[h].map((c, i) => (DATE_HEADERS.has(normalizeHeader(c)) ? i : -1)).filter((i) => i >= 0);
  if (cols.length === 0) return grid;
  return grid.map((row, i) =>
    i <= h
      ? row
      : row.map((c, j) => (cols.includes(j) && typeof c === 'string' ? (reportDateToIso(c) ?? c) : c)),
  );
}
