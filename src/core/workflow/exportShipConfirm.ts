/**
 * The shipping-confirmation file for Amazon from the shipped order items: one line per item and package, the
 * carrier-code from the Carrier Codes sheet. Each item goes out once: Orders records `confirmation: Exported`
 * and `confirmed-at`, and a later run skips it unless `again` is set.
 */
import { toIsoUtc } from '../dates/parseDateTime';
import { buildShipConfirmFile } from '../confirm/shipConfirmFile';
import type { ShipConfirmFile, ShipConfirmLine } from '../confirm/shipConfirmFile';
import { carrierCodeMap } from '../confirm/carrierCodeFor';
import { parsePackageItems, splitTrackingCell } from '../fulfillment/packageItems';
import { readSettings } from '../settings/readSettings';
import { carrierCodesTable } from '../tables/carrierCodes';
import { decodeTable } from '../tables/decodeTable';
import { logTable } from '../tables/log';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { settingsTable } from '../tables/settingsTable';
import { shipmentsTable } from '../tables/shipments';
import { TableEditor } from '../tables/tableEditor';
import { checkTrackingForCarrier } from '../tracking/carrierNames';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';

export const EXPORT_SHIP_CONFIRM = 'export ship-confirm';

export interface ExportShipConfirmOptions {
  /** Export items already exported too (Amazon takes a repeated confirmation as an update). */
  readonly again?: boolean;
  /** Where the file goes, e.g. its name (for messages and the Log). */
  readonly target: string;
  /** Writes the file. Called before the workbook is marked, so a failed write marks nothing. */
  readonly save: (file: ShipConfirmFile) => Promise<void>;
}

export async function exportShipConfirm(
  book: Workbook,
  context: RunContext,
  options: ExportShipConfirmOptions,
): Promise<ActionResult> {
  const names = [
    ordersTable.name,
    shipmentsTable.name,
    settingsTable.name,
    carrierCodesTable.name,
    logTable.name,
  ];
  const tables = await book.read(names);
  const ordersGrid = tables.get(ordersTable.name) ?? null;
  const orders = decodeTable(ordersTable, ordersGrid ?? [], { checkRequired: false });
  const shipments = decodeTable(shipmentsTable, tables.get(shipmentsTable.name) ?? [], {
    checkRequired: false,
  });
  const { settings } = readSettings(tables.get(settingsTable.name) ?? null);
  const marketplace = settings.text('marketplace');
  const codes = carrierCodeMap(tables.get(carrierCodesTable.name) ?? null, marketplace);
  const problems: Problem[] = [...codes.problems];

  // Packages of each order item, from Shipments (voided labels left out).
  const packages = new Map<string, { tracking: string; quantity: number | null; service: string | null }[]>();
  for (const s of shipments.rows) {
    const rec = s.record;
    if (rec.state === 'Voided' || !rec['tracking-number']) continue;
    for (const it of parsePackageItems(rec['order-items']) ?? [])
      packages.set(it.orderItemId, [
        ...(packages.get(it.orderItemId) ?? []),
        { tracking: rec['tracking-number'], quantity: it.quantity, service: rec.service },
      ]);
  }

  const lines: ShipConfirmLine[] = [];
  const exportedRows: number[] = [];
  let skipped = 0;
  for (const r of orders.rows) {
    const rec = r.record;
    if (rec.status !== 'Shipped' && rec.status !== 'Confirmed') continue;
    if (!options.again && (rec.confirmation === 'Exported' || rec.confirmation === 'Confirmed')) {
      skipped++;
      continue;
    }
    const where = (column: string, message: string, value?: string) =>
      problems.push(problem(ordersTable.name, r.rowNumber, column, message, value));
    if (!rec.carrier) {
      where('carrier', 'shipped without a carrier: Amazon needs one on every confirmation');
      continue;
    }
    if (!rec['ship-date']) {
      where('ship-date', 'shipped without a ship date');
      continue;
    }
    const recorded = new Set(splitTrackingCell(rec['tracking-number']));
    let pkgs = (packages.get(rec['order-item-id']) ?? []).filter((p) => recorded.has(p.tracking));
    if (pkgs.length === 0 && recorded.size === 1)
      pkgs = [{ tracking: [...recorded][0], quantity: rec['quantity-purchased'], service: rec.service }];
    if (pkgs.length === 0) {
      where(
        'tracking-number',
        recorded.size === 0
          ? 'shipped without a tracking number'
          : 'several tracking numbers but no Shipments rows saying what each package holds',
      );
      continue;
    }
    const bad = pkgs.map((p) => checkTrackingForCarrier(p.tracking, rec.carrier!)).find((c) => !c.ok);
    if (bad && !bad.ok) {
      where(
        'tracking-number',
        `${bad.message}; fix it before confirming (Amazon counts it against Valid Tracking Rate)`,
      );
      continue;
    }
    const total = pkgs.reduce((a, p) => a + (p.quantity ?? rec['quantity-purchased']), 0);
    if (total > rec['quantity-purchased']) {
      where(
        'quantity-purchased',
        `its packages hold ${total} units but ${rec['quantity-purchased']} were ordered`,
      );
      continue;
    }
    const code = codes.lookup(rec.carrier);
    for (const p of pkgs)
      lines.push({
        orderId: rec['order-id'],
        orderItemId: rec['order-item-id'],
        quantity: p.quantity ?? rec['quantity-purchased'],
        shipDate: rec['ship-date'].slice(0, 10),
        carrierCode: code.code,
        carrierName: code.name,
        trackingNumber: p.tracking,
        shipMethod: rec.service ?? p.service,
      });
    exportedRows.push(r.rowNumber);
  }

  const file = buildShipConfirmFile(lines, marketplace);
  const log = logEditor(tables.get(logTable.name) ?? null);
  const summary = `${lines.length} lines for ${exportedRows.length} order items (${marketplace}${file.encoding === 'cp932' ? ', Shift-JIS' : ''}), ${skipped} already exported`;
  const orderEditor = new TableEditor(ordersTable, ordersGrid, ['confirmation', 'confirmed-at']);
  if (lines.length > 0) {
    await options.save(file);
    const now = toIsoUtc(context.now);
    for (const row of exportedRows)
      orderEditor.update(row, { confirmation: 'Exported', 'confirmed-at': now });
  }
  log.append(
    logEntry(
      EXPORT_SHIP_CONFIRM,
      context,
      { source: options.target, rowsRead: orders.rows.length, rowsChanged: exportedRows.length, summary },
      problems,
    ),
  );
  await book.write({ sheets: [orderEditor.toWrite(), log.toWrite()] });
  return {
    action: EXPORT_SHIP_CONFIRM,
    ok: true,
    changes: [orderEditor.summary()],
    problems,
    stats: { lines: lines.length, items: exportedRows.length, skipped },
    lines: [
      lines.length > 0
        ? `Wrote ${options.target}: ${summary}. Upload it in Seller Central (Orders › Upload order related files › Shipping confirmation).`
        : `Nothing to confirm: ${summary}${skipped > 0 ? ' (use --again to export them again)' : ''}.`,
    ],
    data: { lines },
  };
}
