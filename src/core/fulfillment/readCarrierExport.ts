/** A carrier or shipping-tool export read into package lines: columns by header, US dates, bad rows as problems. */
import { locateHeader } from '../flatfiles/locateHeader';
import { decodeTable } from '../tables/decodeTable';
import type { Grid } from '../tables/cell';
import type { Problem } from '../tables/problem';
import { carrierExportFile } from './carrierExportFile';
import { usDateToIso } from './usDate';

export type TrackingSource = 'label' | 'typed' | 'file';

/** A carrier export already read into a grid (the Node side reads CSV/xlsx). */
export interface TrackingFile {
  readonly grid: Grid;
  readonly source: string;
}

/** One package's worth of one order item, from any source, before it is checked. */
export interface PackageLine {
  readonly source: TrackingSource;
  readonly where: { sheet: string; row: number };
  readonly orderId: string;
  readonly orderItemId: string | null;
  readonly sku: string | null;
  readonly quantity: number | null;
  readonly tracking: string;
  readonly carrier: string | null;
  readonly service: string | null;
  readonly shipDate: string | null;
  /** The Shipments row it came from (labels). */
  readonly shipmentId: string | null;
}

/** The export's rows as package lines; a file with no order id or tracking column is refused. */
export function readCarrierExport(
  file: TrackingFile,
): { ok: true; lines: PackageLine[]; problems: Problem[] } | { ok: false; message: string } {
  const headerIndex = locateHeader(file.grid, carrierExportFile);
  if (headerIndex < 0)
    return {
      ok: false,
      message: `${file.source} has no header row with an order id and a tracking number column (e.g. order-id, tracking-number).`,
    };
  const dateCol = decodeTable(
    carrierExportFile,
    file.grid.slice(headerIndex, headerIndex + 1),
  ).columns.positions.get('ship-date');
  const grid =
    dateCol === undefined
      ? file.grid
      : file.grid.map((row, i) => {
          if (i <= headerIndex) return row;
          const c = row[dateCol];
          const iso = typeof c === 'string' ? usDateToIso(c) : null;
          return iso ? row.map((v, j) => (j === dateCol ? iso : v)) : row;
        });
  const t = decodeTable(carrierExportFile, grid, { source: file.source, headerIndex });
  if (!t.usable)
    return { ok: false, message: `${file.source}: ${t.problems[0]?.message ?? 'not a carrier export'}.` };
  const lines: PackageLine[] = [];
  for (const r of t.rows) {
    if (!r.valid) continue;
    const rec = r.record;
    lines.push({
      source: 'file',
      where: { sheet: file.source, row: r.rowNumber },
      orderId: rec['order-id'].trim(),
      orderItemId: rec['order-item-id'],
      sku: rec.sku,
      quantity: rec.quantity,
      tracking: rec['tracking-number'],
      carrier: rec.carrier,
      service: rec.service,
      shipDate: rec['ship-date'] ? rec['ship-date'].slice(0, 10) : null,
      shipmentId: null,
    });
  }
  return { ok: true, lines, problems: t.problems };
}
