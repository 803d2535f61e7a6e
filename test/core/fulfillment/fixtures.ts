/** Small workbooks for the tracking, confirmation, health, returns and purge tests: grids from partial records. */
import type { Cell, Grid } from '../../../src/core';
import { gs1Mod10, mod10, MemoryWorkbook } from '../../../src/core';

export type Row = Record<string, Cell | undefined>;

/** A grid whose header is every key used by the rows, in first-seen order. */
export function grid(rows: readonly Row[], header: readonly string[] = []): Grid {
  const cols = [...header];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  return [cols, ...rows.map((r) => cols.map((c) => r[c] ?? null))];
}

/** A valid UPS 1Z number, different for each n. */
export function ups(n: number): string {
  const serial = `12345E${String(n).padStart(9, '0')}`;
  return `1Z${serial}${mod10(serial, 1, 2)}`;
}

/** A valid 22-digit USPS IMpb (Priority Mail 9405…), different for each n. */
export function usps(n: number): string {
  const serial = `940511120108${String(n).padStart(9, '0')}`;
  return serial + gs1Mod10(serial);
}

export function order(id: string, item: string, extra: Row = {}): Row {
  return {
    'order-id': id,
    'order-item-id': item,
    'purchase-date': '2026-11-30T10:00:00-08:00',
    'promise-date': '2026-12-02T23:59:59-08:00',
    sku: `SKU-${item.slice(-2)}`,
    'quantity-purchased': 1,
    'buyer-name': 'Jane Buyer',
    'buyer-email': 'jane@marketplace.amazon.com',
    'recipient-name': 'Jane Buyer',
    'ship-address-1': '1 Main St',
    'ship-city': 'Austin',
    'ship-state': 'TX',
    'ship-postal-code': '78701',
    'ship-country': 'US',
    'item-price': 19.99,
    currency: 'USD',
    status: 'Labeled',
    ...extra,
  };
}

export const NOW = new Date('2026-12-01T17:00:00Z');
export const context = { now: NOW, user: 'test' };

export function book(sheets: Record<string, Grid>): MemoryWorkbook {
  return new MemoryWorkbook('test.xlsx', sheets);
}

/** Rows of a sheet as records keyed by header (for assertions). */
export async function rowsOf(b: MemoryWorkbook, sheet: string): Promise<Record<string, Cell>[]> {
  const g = (await b.read([sheet])).get(sheet) ?? [];
  const [header, ...rows] = g;
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i] ?? null])));
}
