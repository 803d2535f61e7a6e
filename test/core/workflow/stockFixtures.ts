// Small workbooks for the check-stock tests: orders, inventory, listings and settings as grids.
import type { Cell, Grid } from '../../../src/core';
import { MemoryWorkbook } from '../../../src/core';

export const NOW = new Date('2026-12-01T17:00:00Z');

export interface OrderRow {
  order: string;
  item: string;
  sku: string;
  qty: number;
  shipBy?: string;
  prime?: boolean;
  purchased?: string;
  status?: string;
  allocatedQty?: number | null;
  allocatedFrom?: string | null;
}

export const ORDER_HEADER = [
  'order-id',
  'order-item-id',
  'purchase-date',
  'promise-date',
  'sku',
  'quantity-purchased',
  'is-prime',
  'status',
  'allocated-qty',
  'allocated-from',
  'problem',
  'buyer-note',
];

export function ordersGrid(rows: OrderRow[]): Grid {
  return [
    ORDER_HEADER,
    ...rows.map((r): Cell[] => [
      r.order,
      r.item,
      r.purchased ?? '2026-11-30T10:00:00+00:00',
      r.shipBy ?? '2026-12-02T07:59:59+00:00',
      r.sku,
      r.qty,
      r.prime ?? false,
      r.status ?? 'New',
      r.allocatedQty ?? null,
      r.allocatedFrom ?? null,
      null,
      'typed by the seller',
    ]),
  ];
}

export const INVENTORY_HEADER = [
  'sku',
  'location',
  'on-hand',
  'reorder-point',
  'reorder-qty',
  'unit-cost',
  'currency',
  'supplier',
];

export function inventoryGrid(rows: [string, string, Cell, number?, number?, number?, string?][]): Grid {
  return [
    INVENTORY_HEADER,
    ...rows.map(([sku, loc, onHand, rp, rq, cost, supplier]) => [
      sku,
      loc,
      onHand,
      rp ?? null,
      rq ?? null,
      cost ?? null,
      cost === undefined ? null : 'USD',
      supplier ?? null,
    ]),
  ];
}

export const LISTING_HEADER = [
  'sku',
  'asin',
  'title',
  'price',
  'fulfillment-channel',
  'weight',
  'weight-unit',
  'length',
  'width',
  'height',
  'dimension-unit',
  'handling-time',
];

export function listing(sku: string, over: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    sku,
    asin: `B0${sku}`,
    title: `Title of ${sku}`,
    price: 10,
    'fulfillment-channel': 'DEFAULT',
    weight: 1,
    'weight-unit': 'lb',
    length: 6,
    width: 4,
    height: 2,
    'dimension-unit': 'in',
    'handling-time': 2,
    ...over,
  };
  return LISTING_HEADER.map((h) => base[h] ?? null);
}

export function settingsGrid(values: Record<string, string>): Grid {
  return [['key', 'value'], ...Object.entries(values)];
}

export function book(sheets: Record<string, Grid>): MemoryWorkbook {
  return new MemoryWorkbook('test', sheets);
}

/** A sheet read back as records keyed by header. */
export async function sheetRecords(b: MemoryWorkbook, name: string): Promise<Record<string, Cell>[]> {
  const grid = (await b.read([name])).get(name);
  if (!grid) return [];
  const [header, ...rows] = grid;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null])));
}
