/** Import an order report into the Orders sheet: merge by order-item-id, idempotent, workflow columns untouched. */
import { toIsoUtc } from '../dates/parseDateTime';
import type { ParsedOrderReport } from '../orders/parseOrderReport';
import { decodeTable } from '../tables/decodeTable';
import { logTable } from '../tables/log';
import type { OrderRecord } from '../tables/orders';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { columnsOwnedBy } from '../tables/schema';
import { TableEditor } from '../tables/tableEditor';
import type { SheetWrite, Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';

export const IMPORT_ORDERS = 'import orders';

/** The columns an import writes for a new row, besides Amazon's. */
const NEW_ROW_COLUMNS = ['status', 'imported-at'] as const;

/**
 * @param alsoWrite further sheet writes that belong to the same run (e.g. the Amazon sync mark in Settings):
 *   applied in the same write as the orders, so they land together or not at all.
 */
export async function importOrders(
  book: Workbook,
  report: ParsedOrderReport,
  source: string,
  context: RunContext,
  alsoWrite: readonly SheetWrite[] = [],
): Promise<ActionResult> {
  if (!report.ok) return refused(IMPORT_ORDERS, report.message);
  const tables = await book.read([ordersTable.name, logTable.name]);
  const ordersGrid = tables.get(ordersTable.name) ?? null;
  const existing = decodeTable(ordersTable, ordersGrid ?? [], { checkRequired: false });
  if (ordersGrid && ordersGrid.length > 0 && existing.columns.positions.get('order-item-id') === undefined) {
    return refused(
      IMPORT_ORDERS,
      `${book.label}: the Orders sheet has no order-item-id column, so imported rows could not be matched. Add the header back (row 1) and run again.`,
    );
  }
  const problems: Problem[] = [...report.problems];
  const rowOf = new Map<string, number>();
  for (const r of existing.rows) {
    const key = r.record['order-item-id'];
    if (key === null) continue;
    if (rowOf.has(key))
      problems.push(
        problem(
          ordersTable.name,
          r.rowNumber,
          'order-item-id',
          `order item ${key} is also on row ${rowOf.get(key)}; only that row is updated`,
        ),
      );
    else rowOf.set(key, r.rowNumber);
  }
  const amazonColumns = new Set(columnsOwnedBy(ordersTable, 'amazon'));
  const writable = [...amazonColumns, ...NEW_ROW_COLUMNS];
  const orders = new TableEditor(ordersTable, ordersGrid, writable);
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const now = toIsoUtc(context.now);
  const total = report.items.length;
  for (const [i, item] of report.items.entries()) {
    if (context.onProgress && i % 2000 === 0) context.onProgress('Merging order items', i, total);
    const fields: Partial<OrderRecord> = {};
    for (const [k, v] of Object.entries(item.fields))
      if (amazonColumns.has(k)) (fields as Record<string, unknown>)[k] = v;
    const key = item.fields['order-item-id'] as string;
    const row = rowOf.get(key);
    if (row === undefined) {
      const newRow = orders.append({ ...fields, status: 'New', 'imported-at': now }, item.extras);
      rowOf.set(key, newRow);
      added++;
    } else {
      const a = orders.update(row, fields);
      const b = orders.fillExtras(row, item.extras);
      if (a || b) updated++;
      else unchanged++;
    }
  }
  context.onProgress?.('Merging order items', total, total);
  const summary = `${report.rowsRead} rows read, ${report.items.length} order items: ${added} added, ${updated} updated, ${unchanged} unchanged, ${report.rowsRejected} rejected`;
  const log = logEditor(tables.get(logTable.name) ?? null);
  log.append(
    logEntry(
      IMPORT_ORDERS,
      context,
      { source, rowsRead: report.rowsRead, rowsChanged: added + updated, summary },
      problems,
    ),
  );
  await book.write({ sheets: [orders.toWrite(), log.toWrite(), ...alsoWrite] });
  const extraNote =
    report.extraHeaders.length > 0
      ? [
          `Kept ${report.extraHeaders.length} column(s) Shipsheet does not know: ${report.extraHeaders.join(', ')}`,
        ]
      : [];
  return {
    action: IMPORT_ORDERS,
    ok: true,
    changes: [orders.summary()],
    problems,
    stats: {
      rowsRead: report.rowsRead,
      items: report.items.length,
      added,
      updated,
      unchanged,
      rejected: report.rowsRejected,
    },
    lines: [`Imported ${source} into ${book.label}: ${summary}.`, ...extraNote],
  };
}
