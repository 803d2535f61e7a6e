import {
  decodeTable,
  indexColumns,
  inventoryTable,
  listingsTable,
  normalizeHeader,
  ordersTable,
  TableEditor,
} from '../../../src/core';

describe('header matching', () => {
  it('treats case, spaces, underscores and hyphens alike, as Amazon reports vary them', () => {
    expect(['Seller SKU', 'seller-sku', ' seller_sku ', '\uFEFFSELLER--SKU'].map(normalizeHeader)).toEqual(
      Array(4).fill('seller-sku'),
    );
    const idx = indexColumns(listingsTable, ['Item Name', 'Seller SKU', 'ASIN1', 'my notes']);
    expect(idx.positions.get('sku')).toBe(1);
    expect(idx.positions.get('title')).toBe(0);
    expect(idx.positions.get('asin')).toBe(2);
    expect(idx.extra).toEqual([{ header: 'my notes', position: 3 }]);
  });
});

describe('decodeTable', () => {
  it('tolerates user columns, blank rows and rows shorter than the header, and keeps ids as text', () => {
    const t = decodeTable(inventoryTable, [
      ['my col', 'SKU', 'Location', 'On Hand', 'Reorder Point'],
      ['x', '00123', 'A-01', 5],
      [],
      ['', '', '', ''],
      [null, 7, 'B', '3', '2'],
    ]);
    expect(t.problems).toEqual([]);
    expect(
      t.rows.map((r) => [
        r.rowNumber,
        r.record.sku,
        r.record.location,
        r.record['on-hand'],
        r.record['reorder-point'],
      ]),
    ).toEqual([
      [2, '00123', 'A-01', 5, null],
      [5, '7', 'B', 3, 2],
    ]);
  });

  it('collects every problem with sheet, row and column instead of stopping at the first', () => {
    const t = decodeTable(inventoryTable, [
      ['sku', 'location', 'on-hand'],
      ['A', 'L', '-1'],
      ['B', 'L', '2.5'],
      ['', 'L', '1'],
    ]);
    expect(t.problems.map((p) => [p.sheet, p.row, p.column, p.message])).toEqual([
      ['Inventory', 2, 'on-hand', 'on-hand must be at least 0'],
      ['Inventory', 3, 'on-hand', 'on-hand is not a whole number'],
      ['Inventory', 4, 'sku', 'sku is required'],
    ]);
    expect(t.rows.map((r) => r.valid)).toEqual([false, false, false]);
  });

  it('says which required columns a header lacks and decodes nothing', () => {
    const t = decodeTable(ordersTable, [
      ['order-id', 'sku'],
      ['1', 'A'],
    ]);
    expect(t.usable).toBe(false);
    expect(t.problems[0].message).toBe('the header has no order-item-id, quantity-purchased columns');
  });

  it('reads money exactly in the currency minor units (JPY has none)', () => {
    const t = decodeTable(ordersTable, [
      ['order-id', 'order-item-id', 'sku', 'quantity-purchased', 'currency', 'item-price'],
      ['1', '1', 'A', 1, 'USD', '0.07'],
      ['1', '2', 'A', 1, 'JPY', '1,980'],
      ['1', '3', 'A', 1, 'USD', 19.99],
      ['1', '4', 'A', 1, 'JPY', '19.5'],
    ]);
    expect(t.rows.map((r) => r.record['item-price'])).toEqual([7, 1980, 1999, null]);
    expect(t.problems[0].message).toMatch(/more than 0 decimal places for JPY/);
  });
});

describe('TableEditor', () => {
  it('writes only changed owned columns, adding a missing header at the right of the user columns', () => {
    const grid = [
      ['sku', 'location', 'on-hand', 'notes'],
      ['A', 'L1', 5, 'keep'],
      ['B', 'L1', 2, 'me'],
    ];
    const e = new TableEditor(inventoryTable, grid, ['reserved', 'available']);
    expect(e.update(2, { reserved: 1, available: 4 })).toBe(true);
    expect(e.update(3, { reserved: null })).toBe(false);
    const w = e.toWrite();
    expect(w.blocks).toEqual([
      { row: 1, col: 5, values: [['reserved', 'available']] },
      { row: 2, col: 5, values: [[1, 4]], formats: ['int', 'int'] },
    ]);
    expect(e.summary()).toEqual({ sheet: 'Inventory', added: 0, updated: 1 });
  });

  it('a column only ever set to what it holds is not written, and is no change', () => {
    const grid = [
      ['sku', 'location', 'on-hand', 'reserved', 'available'],
      ['A', 'L1', 5, 1, null],
      ['B', 'L1', 2, null, ''],
    ];
    const e = new TableEditor(inventoryTable, grid, ['reserved', 'available']);
    // 1 read as 1, blank set to null, '' set to null: nothing changes.
    expect(e.update(2, { reserved: 1, available: null })).toBe(false);
    expect(e.update(3, { reserved: null, available: null })).toBe(false);
    expect(e.hasChanges).toBe(false);
    expect(e.toWrite().blocks).toEqual([]);
    // Later a real change in one of those columns: only its cell is written.
    expect(e.update(3, { available: 2 })).toBe(true);
    expect(e.hasChanges).toBe(true);
    expect(e.toWrite().blocks).toEqual([{ row: 3, col: 5, values: [[2]], formats: ['int'] }]);
  });

  it('refuses to write a column the step does not own', () => {
    const e = new TableEditor(inventoryTable, [['sku', 'location', 'on-hand']], ['reserved']);
    expect(() => e.update(2, { 'on-hand': 3 })).toThrow(/not writable/);
  });
});
