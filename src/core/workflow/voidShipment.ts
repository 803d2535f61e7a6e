/**
 * Void a label: ask its provider to cancel it (refund), then mark the Shipments row Voided and put the order
 * items back to Rated without a tracking number, so the next labels run buys a new one (with a new key).
 */
import type { CarrierPlugin } from '../carriers/plugin';
import type { HttpPort } from '../http/httpPort';
import { decodeTable } from '../tables/decodeTable';
import { logTable } from '../tables/log';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { shipmentsTable } from '../tables/shipments';
import { TableEditor } from '../tables/tableEditor';
import { toIsoUtc } from '../dates/parseDateTime';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';

export const VOID_LABEL = 'void label';

/** Providers by the id the Shipments `provider` column holds. */
export type ProviderLookup = (id: string) => CarrierPlugin | undefined;

export async function voidShipment(
  book: Workbook,
  shipmentId: string,
  providers: ProviderLookup,
  http: HttpPort,
  context: RunContext,
): Promise<ActionResult> {
  const tables = await book.read([shipmentsTable.name, ordersTable.name, logTable.name]);
  const shipmentsGrid = tables.get(shipmentsTable.name) ?? null;
  if (!shipmentsGrid) return refused(VOID_LABEL, `${book.label} has no Shipments sheet`);
  const shipments = decodeTable(shipmentsTable, shipmentsGrid, { checkRequired: false });
  const row = shipments.rows.find(
    (r) => r.record['shipment-id']?.trim().toLowerCase() === shipmentId.trim().toLowerCase(),
  );
  if (!row) return refused(VOID_LABEL, `${book.label}: Shipments has no shipment ${shipmentId}`);
  const s = row.record;
  if (s.state === 'Voided')
    return refused(
      VOID_LABEL,
      `${s['shipment-id']} was already voided at ${s['voided-at'] ?? 'an earlier run'}; nothing changed`,
    );
  if (s.state !== 'Purchased')
    return refused(
      VOID_LABEL,
      `${s['shipment-id']} is ${s.state ?? 'in no state'}: only a Purchased label that has not moved can be voided`,
    );
  const provider = providers(s.provider ?? '');
  if (!provider?.voidLabel)
    return refused(
      VOID_LABEL,
      `${s['shipment-id']}: provider ${s.provider ?? '(none)'} cannot void labels here; void it on the provider's site`,
    );
  const result = await provider.voidLabel(s['provider-shipment-id'] ?? '', http);
  if (!result.ok)
    return refused(
      VOID_LABEL,
      `${provider.metadata.id} refused to void ${s['shipment-id']}: ${result.error.message}; nothing changed`,
    );

  const now = toIsoUtc(context.now);
  const shipEditor = new TableEditor(shipmentsTable, shipmentsGrid, ['state', 'voided-at']);
  shipEditor.update(row.rowNumber, { state: 'Voided', 'voided-at': now });
  const ordersGrid = tables.get(ordersTable.name) ?? null;
  const ordersEditor = new TableEditor(ordersTable, ordersGrid, [
    'status',
    'shipment-id',
    'tracking-number',
    'problem',
  ]);
  let itemsBack = 0;
  if (ordersGrid) {
    const orders = decodeTable(ordersTable, ordersGrid, { checkRequired: false });
    for (const o of orders.rows) {
      if (o.record['shipment-id'] !== s['shipment-id']) continue;
      ordersEditor.update(o.rowNumber, {
        status: 'Rated',
        'shipment-id': null,
        'tracking-number': null,
        problem: null,
      });
      itemsBack++;
    }
  }
  const problems: Problem[] = [];
  const summary = `voided ${s['shipment-id']} (${s.carrier ?? ''} ${s['tracking-number'] ?? ''})${result.value.refunded ? ', refund requested' : ', no refund'}; ${itemsBack} order item${itemsBack === 1 ? '' : 's'} back to Rated`;
  const log = logEditor(tables.get(logTable.name) ?? null);
  log.append(
    logEntry(
      VOID_LABEL,
      context,
      { source: provider.metadata.id, rowsRead: shipments.rows.length, rowsChanged: 1 + itemsBack, summary },
      problems,
    ),
  );
  await book.write({ sheets: [shipEditor.toWrite(), ordersEditor.toWrite(), log.toWrite()] });
  return {
    action: VOID_LABEL,
    ok: true,
    changes: [shipEditor.summary(), ordersEditor.summary()],
    problems,
    stats: { voided: 1, itemsBack },
    lines: [`Void: ${summary}.`],
  };
}
