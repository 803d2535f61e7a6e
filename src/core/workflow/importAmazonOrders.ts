/**
 * `import orders --from amazon`: pull waiting merchant-fulfilled orders from the Orders API since the last sync and
 * merge them exactly as a flat-file report is merged; the sync mark is saved in Settings in the same write.
 */
import { marketplaceFor } from '../amazon/regions';
import { pullOrders } from '../amazon/pullOrders';
import type { SpApiClient } from '../amazon/spApiClient';
import { isSpApiError } from '../amazon/spApiError';
import { toIsoUtc } from '../dates/parseDateTime';
import { readSettings } from '../settings/readSettings';
import { settingDefinition } from '../settings/definitions';
import { settingsTable } from '../tables/settingsTable';
import { decodeTable } from '../tables/decodeTable';
import { TableEditor } from '../tables/tableEditor';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import { importOrders } from './importOrders';
import type { RunContext } from './logEntry';

export const SYNC_KEY = 'amazon-orders-synced-until';
const FIRST_SYNC_DAYS = 7;
/** Amazon wants the window to end at least two minutes before now; the next pull overlaps by that much. */
const OVERLAP_MS = 5 * 60_000;

export async function importAmazonOrders(
  book: Workbook,
  client: SpApiClient,
  context: RunContext,
): Promise<ActionResult> {
  const settingsGrid = (await book.read([settingsTable.name])).get(settingsTable.name) ?? null;
  const { settings } = readSettings(settingsGrid);
  const marketplace = marketplaceFor(settings.text('marketplace'));
  if (!marketplace)
    return refused(
      'import orders',
      `Settings marketplace ${settings.text('marketplace')} is not an Amazon marketplace Shipsheet knows.`,
    );
  const last = settings.text(SYNC_KEY);
  const lastMs = last ? Date.parse(last) : NaN;
  const source = 'Amazon Orders API';
  let pulled;
  try {
    pulled = await pullOrders(client, {
      marketplaceId: marketplace.id,
      lastUpdatedAfter: Number.isFinite(lastMs) ? toIsoUtc(new Date(lastMs - OVERLAP_MS)) : undefined,
      createdAfter: toIsoUtc(new Date(context.now.getTime() - FIRST_SYNC_DAYS * 86_400_000)),
      onProgress: context.onProgress
        ? (done, total) => context.onProgress?.('Reading order items from Amazon', done, total)
        : undefined,
    });
  } catch (e) {
    if (isSpApiError(e))
      return refused(
        'import orders',
        `Amazon refused the order pull: ${e.message}${e.details ? ` (${e.details})` : ''}. Nothing was written.`,
      );
    throw e;
  }
  const until = pulled.syncedUntil ?? toIsoUtc(new Date(context.now.getTime() - 2 * 60_000));
  const settingsEditor = new TableEditor(settingsTable, settingsGrid, ['key', 'value', 'description']);
  const row = decodeTable(settingsTable, settingsGrid ?? [], { checkRequired: false }).rows.find(
    (r) => r.record.key === SYNC_KEY,
  );
  if (row) settingsEditor.update(row.rowNumber, { value: until });
  else
    settingsEditor.append({
      key: SYNC_KEY,
      value: until,
      description: settingDefinition(SYNC_KEY)?.description ?? null,
    });
  const result = await importOrders(book, pulled.report, source, context, [settingsEditor.toWrite()]);
  return {
    ...result,
    stats: { ...result.stats, orders: pulled.orders },
    lines: [
      `Pulled ${pulled.orders} order(s) from Amazon (${marketplace.id}) ${Number.isFinite(lastMs) ? `updated since ${last}` : `from the last ${FIRST_SYNC_DAYS} days`}.`,
      ...result.lines,
    ],
  };
}
