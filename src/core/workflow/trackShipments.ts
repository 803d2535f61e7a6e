/**
 * Tracking for labels whose provider can track them (Buy Shipping's getTracking, …): delivery status and date on
 * the Shipments rows; a delivery exception flagged on the order items; the delivered date copied to Orders, where
 * it starts the buyer-data retention clock.
 */
import type { CarrierPlugin } from '../carriers/plugin';
import type { HttpPort } from '../http/httpPort';
import { decodeTable } from '../tables/decodeTable';
import { logTable } from '../tables/log';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { shipmentsTable } from '../tables/shipments';
import { TableEditor } from '../tables/tableEditor';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';

export const TRACK_SHIPMENTS = 'track shipments';
const OPEN_STATES = new Set(['Purchased', 'InTransit', 'Exception']);

export async function trackShipments(
  book: Workbook,
  plugins: Readonly<Record<string, CarrierPlugin>>,
  http: HttpPort,
  context: RunContext,
): Promise<ActionResult> {
  const tables = await book.read([shipmentsTable.name, ordersTable.name, logTable.name]);
  const shipmentsGrid = tables.get(shipmentsTable.name) ?? null;
  const ordersGrid = tables.get(ordersTable.name) ?? null;
  const shipments = decodeTable(shipmentsTable, shipmentsGrid ?? [], { checkRequired: false });
  const orders = decodeTable(ordersTable, ordersGrid ?? [], { checkRequired: false });
  const shipmentsEditor = new TableEditor(shipmentsTable, shipmentsGrid, [
    'state',
    'delivery-status',
    'delivered-date',
  ]);
  const ordersEditor = new TableEditor(ordersTable, ordersGrid, ['delivered-date', 'problem']);
  const problems: Problem[] = [];
  let checked = 0;
  let delivered = 0;
  let exceptions = 0;
  let skipped = 0;
  for (const row of shipments.rows) {
    const s = row.record;
    if (!s['tracking-number'] || !OPEN_STATES.has(s.state ?? '')) continue;
    const plugin = plugins[s.provider ?? ''];
    if (!plugin?.track) {
      skipped++;
      continue;
    }
    checked++;
    const result = await plugin.track(s['tracking-number'], http, s.carrier ?? undefined);
    if (!result.ok) {
      problems.push(
        problem(
          shipmentsTable.name,
          row.rowNumber,
          'tracking-number',
          `tracking ${s['tracking-number']} could not be read from ${plugin.metadata.name}: ${result.error.message}`,
        ),
      );
      continue;
    }
    const t = result.value;
    const state =
      t.status === 'Delivered'
        ? 'Delivered'
        : t.status === 'Exception'
          ? 'Exception'
          : t.status === 'PreTransit'
            ? 'Purchased'
            : 'InTransit';
    const status = [t.status, t.detail === t.status ? undefined : t.detail, t.updatedAt]
      .filter(Boolean)
      .join(' · ');
    shipmentsEditor.update(row.rowNumber, {
      state,
      'delivery-status': status,
      'delivered-date': t.deliveredDate ?? null,
    });
    if (state === 'Delivered') delivered++;
    if (state === 'Exception') exceptions++;
    for (const o of orders.rows) {
      if (o.record['shipment-id'] !== s['shipment-id']) continue;
      if (t.deliveredDate) ordersEditor.update(o.rowNumber, { 'delivered-date': t.deliveredDate });
      if (state === 'Exception')
        ordersEditor.update(o.rowNumber, {
          problem: `Delivery exception (${s.carrier ?? 'carrier'} ${s['tracking-number']}): ${t.detail ?? t.status}`,
        });
    }
  }
  const summary = `${checked} shipment(s) tracked: ${delivered} delivered, ${exceptions} with a delivery exception${skipped > 0 ? `; ${skipped} from providers that cannot track` : ''}`;
  const log = logEditor(tables.get(logTable.name) ?? null);
  log.append(
    logEntry(
      TRACK_SHIPMENTS,
      context,
      { rowsRead: shipments.rows.length, rowsChanged: shipmentsEditor.summary().updated, summary },
      problems,
    ),
  );
  const changed = [shipmentsEditor, ordersEditor].filter((e) => e.hasChanges).map((e) => e.toWrite());
  await book.write({ sheets: [...changed, log.toWrite()] });
  return {
    action: TRACK_SHIPMENTS,
    ok: true,
    changes: [shipmentsEditor.summary(), ordersEditor.summary()],
    problems,
    stats: { checked, delivered, exceptions, skipped },
    lines: [`${summary}.`],
  };
}
