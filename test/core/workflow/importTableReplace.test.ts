import type { Grid } from '../../../src/core';
import { MemoryWorkbook, decodeTable, importTable, inventoryTable } from '../../../src/core';

const context = { now: new Date('2026-12-01T17:00:00Z'), user: 'test' };

function sheet(): Grid {
  return [
    ['sku', 'location', 'on-hand', 'my note'],
    ['MUG', 'A-01', 7, 'fragile'],
    ['TOTE', 'A-02', 25, 'top shelf'],
    ['LAMP', 'A-04', 3, 'gone'],
  ];
}

async function inventory(book: MemoryWorkbook) {
  const grid = (await book.read(['Inventory'])).get('Inventory')!;
  return { grid, records: decodeTable(inventoryTable, grid).rows.map((r) => r.record) };
}

describe('import --mode replace', () => {
  test('the table becomes the file’s rows: kept rows keep the seller’s own columns, missing rows are removed', async () => {
    const book = new MemoryWorkbook('book', { Inventory: sheet() });
    const file: Grid = [
      ['sku', 'location', 'on-hand'],
      ['TOTE', 'A-02', 20],
      ['MUG', 'A-01', 7],
      ['SOCK', 'A-05', 40],
    ];
    const result = await importTable(book, inventoryTable, file, 'inv.csv', context, { mode: 'replace' });
    expect(result.ok).toBe(true);
    expect(result.stats).toEqual({
      rowsRead: 3,
      added: 1,
      updated: 1,
      unchanged: 1,
      removed: 1,
      rejected: 0,
    });
    const { grid, records } = await inventory(book);
    expect(records.map((r) => [r.sku, r['on-hand']])).toEqual([
      ['TOTE', 20],
      ['MUG', 7],
      ['SOCK', 40],
    ]);
    expect(grid.slice(1).map((r) => r[3] ?? null)).toEqual(['top shelf', 'fragile', null]);
    expect(grid).toHaveLength(4);
  });

  test('running the same replace twice changes nothing the second time', async () => {
    const book = new MemoryWorkbook('book', { Inventory: sheet() });
    const file: Grid = [
      ['sku', 'location', 'on-hand'],
      ['MUG', 'A-01', 8],
    ];
    await importTable(book, inventoryTable, file, 'inv.csv', context, { mode: 'replace' });
    const after = (await inventory(book)).grid;
    const second = await importTable(book, inventoryTable, file, 'inv.csv', context, { mode: 'replace' });
    expect(second.stats).toMatchObject({ added: 0, updated: 0, unchanged: 1, removed: 0 });
    expect((await inventory(book)).grid).toEqual(after);
  });

  test('a file with bad rows replaces nothing (their sheet rows would be lost) and lists the problems', async () => {
    const book = new MemoryWorkbook('book', { Inventory: sheet() });
    const file: Grid = [
      ['sku', 'location', 'on-hand'],
      ['MUG', 'A-01', 'many'],
    ];
    const result = await importTable(book, inventoryTable, file, 'inv.csv', context, { mode: 'replace' });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(
      /1 row could not be imported, so Inventory was not replaced \(nothing was written\)/,
    );
    expect(result.problems).toEqual([expect.objectContaining({ row: 2, column: 'on-hand', value: 'many' })]);
    expect((await inventory(book)).grid).toEqual(sheet());
  });

  test('a file of another table is refused before anything is read from the book', async () => {
    const book = new MemoryWorkbook('book', { Inventory: sheet() });
    const file: Grid = [
      ['sku', 'asin', 'title', 'price'],
      ['MUG', 'B000', 'Mug', '9.99'],
    ];
    const result = await importTable(book, inventoryTable, file, 'listings.csv', context);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(
      /listings\.csv is not an Inventory file: no row has the Inventory headers \(sku, location, on-hand\)\. It looks like a Listings file/,
    );
  });
});
