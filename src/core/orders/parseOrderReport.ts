/**
 * Amazon's order reports (Unshipped Orders, the New Orders / scheduled order report, and CSV or Excel copies of
 * them) read into order items: continuation rows folded in, duplicates dropped, every bad value reported.
 */
import type { Grid } from '../tables/cell';
import { cellText } from '../tables/cellCodec';
import type { FieldValue } from '../tables/column';
import { decodeTable } from '../tables/decodeTable';
import { locateHeader } from '../flatfiles/locateHeader';
import type { OrderRecord } from '../tables/orders';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { describeMismatch } from './recognizeTable';

export interface ReportItem {
  /** The Amazon-owned fields the report holds (only columns present in the file). */
  readonly fields: Partial<OrderRecord>;
  /** Columns of the report the Orders schema does not know, by their header as written. */
  readonly extras: Record<string, string>;
  /** 1-based line of the item's first row in the file. */
  readonly line: number;
}

export type ParsedOrderReport =
  | {
      readonly ok: true;
      readonly items: ReportItem[];
      /** Schema columns present in the file. */
      readonly columns: string[];
      readonly extraHeaders: string[];
      readonly problems: Problem[];
      /** Data rows read (not counting blank lines, preamble or header). */
      readonly rowsRead: number;
      /** Rows rejected for bad values. */
      readonly rowsRejected: number;
    }
  | { readonly ok: false; readonly message: string };

const SUMMED = new Set(['item-promotion-discount', 'ship-promotion-discount']);
const JOINED = new Set(['item-promotion-id', 'ship-promotion-id']);

export function parseOrderReport(grid: Grid, source: string): ParsedOrderReport {
  const nonBlank = grid.filter((r) => r.some((c) => cellText(c) !== ''));
  if (nonBlank.length === 0)
    return {
      ok: false,
      message: `${source} is empty: an order report starts with a header row (order-id, order-item-id, …).`,
    };
  const headerIndex = locateHeader(grid, ordersTable);
  if (headerIndex < 0) {
    return {
      ok: false,
      message: `${source} is not an Amazon order report: no row has the order report's headers (order-id, order-item-id, sku, quantity-purchased).${describeMismatch(grid[0] ?? [], ordersTable)}`,
    };
  }
  const table = decodeTable(ordersTable, grid, { source, headerIndex, checkRequired: true });
  if (!table.usable) {
    return {
      ok: false,
      message: `${source} is not an Amazon order report: ${table.problems[0]?.message ?? 'its header is not recognised'}.${describeMismatch(grid[headerIndex], ordersTable)}`,
    };
  }
  const columns = [...table.columns.positions.keys()];
  const extraHeaders = table.columns.extra.map((e) => e.header);
  const problems: Problem[] = [];
  const byItem = new Map<
    string,
    {
      fields: Record<string, FieldValue>;
      extras: Record<string, string>;
      line: number;
      signature: Set<string>;
    }
  >();
  const order: string[] = [];
  let lastItemId: string | null = null;
  let lastOrderId: string | null = null;
  let rowsRead = 0;
  let rowsRejected = 0;
  // decodeTable rejects rows missing order-item-id; continuation rows may lack it, so re-read those here.
  const continuation = new Set<number>();
  for (const p of table.problems) {
    if (p.column === 'order-item-id' && p.message.endsWith('is required')) continuation.add(p.row ?? -1);
  }
  for (const row of table.rows) {
    rowsRead++;
    const rec = row.record as Record<string, FieldValue>;
    const rowProblems = table.problems.filter((p) => p.row === row.rowNumber);
    const ownItemId = rec['order-item-id'];
    const isContinuation =
      (continuation.has(row.rowNumber) &&
        lastItemId !== null &&
        (rec['order-id'] === null || rec['order-id'] === lastOrderId)) ||
      (typeof ownItemId === 'string' && byItem.has(ownItemId));
    const valueProblems = rowProblems.filter((p) => !(isContinuation && p.message.endsWith('is required')));
    if (valueProblems.length > 0) {
      problems.push(...valueProblems);
      rowsRejected++;
      continue;
    }
    const itemId: string = typeof ownItemId === 'string' ? ownItemId : (lastItemId as string);
    const extras: Record<string, string> = {};
    for (const e of table.columns.extra) {
      const v = cellText(row.cells[e.position] ?? null);
      if (v !== '') extras[e.header] = v;
    }
    const sig = rowSignature(columns, rec, extras);
    const existing = byItem.get(itemId);
    if (!existing) {
      const fields: Record<string, FieldValue> = {};
      for (const c of columns) fields[c] = rec[c];
      byItem.set(itemId, { fields, extras, line: row.rowNumber, signature: new Set([sig]) });
      order.push(itemId);
    } else if (existing.signature.has(sig)) {
      // The same line again (a file saved twice into one): never counted twice.
    } else {
      existing.signature.add(sig);
      if (!isContinuation && rec['order-id'] !== existing.fields['order-id']) {
        problems.push(
          problem(
            source,
            row.rowNumber,
            'order-item-id',
            `order item ${itemId} appears under two orders (${String(existing.fields['order-id'])} and ${String(rec['order-id'])}); the first is kept`,
          ),
        );
        rowsRejected++;
        continue;
      }
      mergeInto(existing.fields, rec, columns);
      for (const [k, v] of Object.entries(extras)) if (!(k in existing.extras)) existing.extras[k] = v;
    }
    lastItemId = itemId;
    lastOrderId = (rec['order-id'] as string | null) ?? lastOrderId;
  }
  const items = order.map((id) => {
    const it = byItem.get(id)!;
    return { fields: it.fields as Partial<OrderRecord>, extras: it.extras, line: it.line };
  });
  return { ok: true, items, columns, extraHeaders, problems, rowsRead, rowsRejected };
}

function mergeInto(
  target: Record<string, FieldValue>,
  rec: Record<string, FieldValue>,
  columns: string[],
): void {
  for (const c of columns) {
    const v = rec[c];
    if (v === null || c === 'order-item-id') continue;
    const t = target[c];
    if (SUMMED.has(c) && typeof v === 'number') target[c] = (typeof t === 'number' ? t : 0) + v;
    else if (JOINED.has(c) && typeof t === 'string' && t !== '' && t !== v) target[c] = `${t},${String(v)}`;
    else if (t === null || t === undefined) target[c] = v;
  }
}

function rowSignature(
  columns: string[],
  rec: Record<string, FieldValue>,
  extras: Record<string, string>,
): string {
  return JSON.stringify([columns.map((c) => rec[c]), extras]);
}
