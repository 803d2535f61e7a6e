import type { InventoryRecord } from '../../../src/core';
import { NO_SUPPLIER, orderQuantity, suggestReorders } from '../../../src/core/stock/suggestReorders';

const row = (over: Partial<InventoryRecord>): InventoryRecord => ({
  sku: 'X',
  location: 'A',
  'on-hand': 0,
  reserved: null,
  available: null,
  'reorder-point': null,
  'reorder-qty': null,
  'unit-cost': null,
  currency: null,
  supplier: null,
  'supplier-sku': null,
  'lead-time-days': null,
  'updated-at': null,
  'counted-at': null,
  ...over,
});

describe('orderQuantity', () => {
  it('orders whole lots until the position is above the reorder point', () => {
    expect(orderQuantity({ position: 2, reorderPoint: 5, reorderQty: 24 })).toBe(24);
    expect(orderQuantity({ position: -30, reorderPoint: 5, reorderQty: 24 })).toBe(48);
    expect(orderQuantity({ position: 6, reorderPoint: 5, reorderQty: 24 })).toBe(0);
  });
  it('without a lot size, orders what lifts the position above the point, or covers the shortage', () => {
    expect(orderQuantity({ position: 2, reorderPoint: 5, reorderQty: null })).toBe(4);
    expect(orderQuantity({ position: -3, reorderPoint: null, reorderQty: null })).toBe(3);
  });
});

describe('suggestReorders', () => {
  it('groups by supplier with line costs, and lists short SKUs nobody supplies last', () => {
    const lots: Record<string, InventoryRecord[]> = {
      MUG: [
        row({
          sku: 'MUG',
          'reorder-point': 5,
          'reorder-qty': 24,
          'unit-cost': 320,
          currency: 'USD',
          supplier: 'Clay & Co',
        }),
      ],
      SOCK: [
        row({ sku: 'SOCK', 'reorder-point': 5, 'reorder-qty': 10, 'unit-cost': 150, supplier: 'Canvas' }),
      ],
      FULL: [row({ sku: 'FULL', 'reorder-point': 5, 'reorder-qty': 10, supplier: 'Canvas' })],
      GHOST: [],
    };
    const available: Record<string, number> = { MUG: 3, SOCK: 0, FULL: 9, GHOST: 0 };
    const short: Record<string, number> = { SOCK: 12, GHOST: 2 };
    const out = suggestReorders({
      skus: Object.keys(lots),
      lotsOf: (k) => lots[k],
      availableOf: (k) => available[k],
      shortOf: (k) => short[k] ?? 0,
      skuOf: (k) => k,
      titleOf: () => null,
      defaultCurrency: 'USD',
    });
    expect(out.map((p) => [p.supplier, p.sku, p['order-qty'], p['line-cost'], p.currency])).toEqual([
      ['Canvas', 'SOCK', 20, 3000, 'USD'],
      ['Clay & Co', 'MUG', 24, 7680, 'USD'],
      [NO_SUPPLIER, 'GHOST', 2, null, null],
    ]);
  });
});
