/**
 * Buyer-data retention: blank the personal data of orders delivered (or, without a delivery date, shipped)
 * more than Settings `pii-retention-days` ago — Amazon expects deletion within 30 days of delivery — and of
 * cancelled orders that long after purchase. Order ids, SKUs, amounts, dates and the coarse location stay
 * so reports still work; `pii-purged-at` records it and a Log row says how many.
 */
import { parseDateTime, toIsoUtc } from '../dates/parseDateTime';
import { localDate } from '../fulfillment/localDate';
import { looksPersonal, PERSONAL_COLUMNS } from '../privacy/personalData';
import { readSettings } from '../settings/readSettings';
import { decodeTable } from '../tables/decodeTable';
import { logTable } from '../tables/log';
import type { OrderRecord } from '../tables/orders';
import { ordersTable } from '../tables/orders';
import { settingsTable } from '../tables/settingsTable';
import { shipmentsTable } from '../tables/shipments';
import { TableEditor } from '../tables/tableEditor';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';

export const PURGE_PII = 'purge pii';

const DAY = 86_400_000;

export async function purgePii(book: Workbook, context: RunContext): Promise<ActionResult> {
  const tables = await book.read([ordersTable.name, shipmentsTable.name, settingsTable.name, logTable.name]);
  const ordersGrid = tables.get(ordersTable.name) ?? null;
  if (!ordersGrid) return refused(PURGE_PII, `${book.label} has no Orders sheet.`);
  const { settings, problems } = readSettings(tables.get(settingsTable.name) ?? null);
  const days = settings.int('pii-retention-days');
  if (!(days >= 0))
    return refused(
      PURGE_PII,
      `Settings pii-retention-days must be a number of days, not ${settings.text('pii-retention-days')}.`,
    );
  const timeZone = settings.text('timezone');
  // A date before this one is more than `days` days ago.
  const cutoff = localDate(new Date(context.now.getTime() - days * DAY), timeZone);
  const orders = decodeTable(ordersTable, ordersGrid, { checkRequired: false });
  const shipments = decodeTable(shipmentsTable, tables.get(shipmentsTable.name) ?? [], {
    checkRequired: false,
  });
  const deliveredOn = new Map<string, string>();
  for (const s of shipments.rows)
    if (s.record['shipment-id'] && s.record['delivered-date'])
      deliveredOn.set(s.record['shipment-id'], s.record['delivered-date']);

  const extras = orders.columns.extra.map((e) => e.header).filter(looksPersonal);
  const editor = new TableEditor(ordersTable, ordersGrid, [...PERSONAL_COLUMNS, 'pii-purged-at']);
  const now = toIsoUtc(context.now);
  let purged = 0;
  let cells = 0;
  for (const r of orders.rows) {
    const rec = r.record;
    if (rec['pii-purged-at']) continue;
    const since = retentionStart(rec, deliveredOn, timeZone);
    if (since === null || since >= cutoff) continue;
    const blank: Partial<OrderRecord> = {};
    for (const c of PERSONAL_COLUMNS) {
      if (rec[c] !== null) cells++;
      (blank as Record<string, null>)[c] = null;
    }
    editor.update(r.rowNumber, { ...blank, 'pii-purged-at': now });
    for (const h of extras) if (editor.setExtra(r.rowNumber, h, null)) cells++;
    purged++;
  }
  const summary = `${purged} order items past ${days} days after delivery or shipping: ${cells} personal cells blanked${extras.length > 0 ? ` (including ${extras.join(', ')})` : ''}`;
  const log = logEditor(tables.get(logTable.name) ?? null);
  log.append(
    logEntry(PURGE_PII, context, { rowsRead: orders.rows.length, rowsChanged: purged, summary }, problems),
  );
  await book.write({ sheets: [editor.toWrite(), log.toWrite()] });
  return {
    action: PURGE_PII,
    ok: true,
    changes: [editor.summary()],
    problems,
    stats: { purged, cells, retentionDays: days },
    lines: [`Purged buyer data in ${book.label}: ${summary}.`],
  };
}

/** The local date the retention clock starts: delivery, else shipping, else (cancelled) purchase. */
function retentionStart(
  rec: OrderRecord,
  deliveredOn: ReadonlyMap<string, string>,
  timeZone: string,
): string | null {
  const delivered =
    rec['delivered-date'] ?? (rec['shipment-id'] ? deliveredOn.get(rec['shipment-id']) : undefined);
  if (delivered) return delivered.slice(0, 10);
  if ((rec.status === 'Shipped' || rec.status === 'Confirmed') && rec['ship-date'])
    return rec['ship-date'].slice(0, 10);
  if (rec.status === 'Cancelled' && rec['purchase-date']) {
    const d = parseDateTime(rec['purchase-date']);
    return d.ok ? localDate(d.date, timeZone) : null;
  }
  return null;
}
