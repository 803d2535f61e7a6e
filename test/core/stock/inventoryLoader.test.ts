import type { ListingRecord } from '../../../src/core';
import { buildInventoryLoader } from '../../../src/core/stock/inventoryLoader';

const listing = (sku: string, over: Partial<ListingRecord> = {}) =>
  ({ sku, price: 1899, currency: null, 'handling-time': 2, ...over }) as ListingRecord;

describe('buildInventoryLoader', () => {
  it('sends available minus safety stock, never below zero, as bare tab-delimited values', () => {
    const f = buildInventoryLoader(
      [
        { sku: 'MUG', available: 5, listing: listing('MUG') },
        { sku: 'LOW', available: 1, listing: listing('LOW', { 'handling-time': null }) },
        { sku: 'ODD "Q", SKU', available: 4, listing: listing('ODD "Q", SKU') },
      ],
      { safetyStock: 2 },
    );
    expect(f.text).toBe('sku\tquantity\thandling-time\r\nMUG\t3\t2\r\nLOW\t0\t\r\nODD "Q", SKU\t2\t2\r\n');
  });

  it('adds the price column only when asked, in plain decimals, and leaves a missing price blank with a problem', () => {
    const f = buildInventoryLoader(
      [
        { sku: 'MUG', available: 5, listing: listing('MUG') },
        { sku: 'YEN', available: 5, listing: listing('YEN', { price: 1500, currency: 'JPY' }) },
        { sku: 'FREE', available: 5, listing: listing('FREE', { price: null }) },
      ],
      { safetyStock: 0, withPrice: true },
    );
    expect(f.text.split('\r\n')).toEqual([
      'sku\tprice\tquantity\thandling-time',
      'MUG\t18.99\t5\t2',
      'YEN\t1500\t5\t2',
      'FREE\t\t5\t2',
      '',
    ]);
    expect(f.problems).toHaveLength(1);
  });

  it('refuses a SKU holding a tab, which the file cannot carry', () => {
    const f = buildInventoryLoader([{ sku: 'A\tB', available: 1, listing: listing('A\tB') }], {
      safetyStock: 0,
    });
    expect(f.rows).toHaveLength(0);
    expect(f.problems[0].message).toMatch(/tab or line break/);
  });
});
