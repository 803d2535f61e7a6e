import path from 'node:path';
import type { Grid } from '../../../src/core';
import {
  MemoryWorkbook,
  importInventory,
  importListings,
  inventoryTable,
  listingsTable,
} from '../../../src/core';
import { readTableFile } from '../../../src/node/flatfiles/readTableFile';
import { sheetRecords } from '../../core/workflow/stockFixtures';

const ctx = { now: new Date('2026-12-01T17:00:00Z') };
const fixture = (name: string) => path.join(__dirname, '../../fixtures/listings', name);
const sample = (name: string) => path.join(__dirname, '../../../templates/sample', name);

describe('import listings', () => {
  it('maps the 29-column UK report: seller-sku, asin1, item-name, day-first BST/GMT open-date, FBA channel', async () => {
    const b = new MemoryWorkbook();
    const { grid } = await readTableFile(fixture('active-listings-29-uk.txt'));
    const r = await importListings(b, grid, 'uk.txt', ctx);
    expect(r.ok).toBe(true);
    expect(r.stats).toMatchObject({ added: 3, rejected: 0 });
    const rows = await sheetRecords(b, 'Listings');
    expect(
      rows.map((l) => [
        l.sku,
        l.asin,
        l.price,
        l.quantity,
        l['open-date'],
        l['fulfillment-channel'],
        l.status,
      ]),
    ).toEqual([
      ['MUG-CER-12', 'B0C1MUG012', 18.99, 11, '2016-07-08T10:12:40+01:00', 'DEFAULT', 'Active'],
      ['MUG-CER-12-FBA', 'B0C1MUG012', 18.99, null, '2019-11-21T09:01:02+00:00', 'AMAZON_EU', 'Active'],
      ['0012-KNIFE', 'B0C1KNIF08', 49, 1, '2021-03-02T17:45:00+00:00', 'DEFAULT', 'Inactive'],
    ]);
    expect(rows[0].title).toBe('Ceramic Coffee Mug 12 oz, Speckled Blue');
    expect(rows[2]['product-id']).toBe('5012345678900');
  });

  it('maps the 47-column report with Title-Case headers and PST/PDT dates, and keeps the weights a seller typed', async () => {
    const b = new MemoryWorkbook();
    const seller: Grid = (await readTableFile(sample('listings.tsv'))).grid;
    await importListings(b, seller, 'listings.tsv', ctx);
    const { grid } = await readTableFile(fixture('active-listings-47-us.txt'));
    expect(grid[0]).toHaveLength(47);
    const r = await importListings(b, grid, 'us.txt', ctx);
    expect(r.ok).toBe(true);
    expect(r.stats).toMatchObject({ added: 0, updated: 2, rejected: 0 });
    const rows = await sheetRecords(b, 'Listings');
    const lamp = rows.find((l) => l.sku === 'LAMP-DSK-LED')!;
    expect(lamp).toMatchObject({
      'open-date': '2013-01-07T07:35:42-08:00',
      quantity: 3,
      weight: 3.2,
      'weight-unit': 'lb',
      length: 18,
      'handling-time': 1,
    });
    // The report's columns Shipsheet does not model are kept, under Amazon's own headers.
    expect(lamp['Business Price']).toBe('37.99');
    expect(lamp['Quantity Lower Bound 1']).toBe('5');
    const sock = rows.find((l) => l.sku === 'SOCK-WOOL-M')!;
    expect(sock).toMatchObject({
      'open-date': '2020-07-04T12:00:00-07:00',
      'fulfillment-channel': 'AMAZON_NA',
      weight: 6,
    });
    // Importing the same report again changes nothing.
    const again = await importListings(b, grid, 'us.txt', ctx);
    expect(again.stats).toMatchObject({ updated: 0, unchanged: 2 });
  });

  it('refuses a listings file with a bad row whole, naming file, row and column', async () => {
    const b = new MemoryWorkbook();
    const r = await importListings(
      b,
      [
        ['seller-sku', 'asin1', 'price', 'quantity'],
        ['A', 'B01', '9.99', '2'],
        ['B', 'B02', 'nine', '1'],
      ],
      'bad.txt',
      ctx,
    );
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ sheet: 'bad.txt', row: 3, column: 'price' })]);
    expect(await b.sheetNames()).toEqual([]);
  });
});

describe('import inventory', () => {
  const header = ['sku', 'location', 'on-hand', 'unit-cost', 'supplier', 'reorder-point', 'reorder-qty'];

  async function seeded() {
    const b = new MemoryWorkbook('book', {
      Settings: [
        ['key', 'value'],
        ['location-rank', 'A-*, B-STORE'],
      ],
    });
    const r = await importInventory(
      b,
      (await readTableFile(sample('inventory.tsv'))).grid,
      'inventory.tsv',
      ctx,
    );
    expect(r.ok).toBe(true);
    return b;
  }

  it('merges the sample by sku + location, idempotently', async () => {
    const b = await seeded();
    const again = await importInventory(
      b,
      (await readTableFile(sample('inventory.tsv'))).grid,
      'inventory.tsv',
      ctx,
    );
    expect(again.stats).toMatchObject({ added: 0, updated: 0, unchanged: 8 });
    const recount = await importInventory(
      b,
      [
        ['sku', 'location', 'on-hand'],
        ['mug-cer-12', 'a-01', 9],
      ],
      'recount.csv',
      ctx,
    );
    expect(recount.stats).toMatchObject({ added: 0, updated: 1 });
    const rows = await sheetRecords(b, 'Inventory');
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({
      sku: 'MUG-CER-12',
      location: 'A-01',
      'on-hand': 9,
      supplier: 'Clay & Co',
    });
    // counted-at: stamped when a row came in, and again only where the count changed.
    expect(new Set(rows.map((r) => r['counted-at']))).toEqual(new Set(['2026-12-01T17:00:00Z']));
    const later = { now: new Date('2026-12-02T15:00:00Z') };
    const counts = [
      ['sku', 'location', 'on-hand'],
      ['MUG-CER-12', 'A-01', 4],
      ['MUG-CER-12', 'B-STORE', 4],
    ];
    await importInventory(b, counts, 'c.csv', later);
    const after = await sheetRecords(b, 'Inventory');
    expect(after.slice(0, 2).map((r) => r['counted-at'])).toEqual([
      '2026-12-02T15:00:00Z',
      '2026-12-01T17:00:00Z',
    ]);
  });

  it.each([
    ['a negative count', ['MUG', 'A-01', -2], 'on-hand', /must be at least 0/],
    ['a fractional count', ['MUG', 'A-01', 2.5], 'on-hand', /not a whole number/],
    [
      'an unknown location',
      ['MUG', 'C-07', 2],
      'location',
      /unknown location C-07: Settings location-rank \(A-\*, B-STORE\)/,
    ],
  ])('refuses a file with %s, writing nothing', async (_what, bad, column, message) => {
    const b = await seeded();
    const before = await b.read(['Inventory', 'Log']);
    const r = await importInventory(b, [header, ['SOCK-WOOL-M', 'A-05', 1], bad], 'counts.csv', ctx);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/nothing was imported into Inventory/);
    expect(r.problems).toEqual([
      expect.objectContaining({
        sheet: 'counts.csv',
        row: 3,
        column,
        message: expect.stringMatching(message),
      }),
    ]);
    expect(await b.read(['Inventory', 'Log'])).toEqual(before);
  });

  it('refuses duplicate sku + location rows', async () => {
    const b = await seeded();
    const r = await importInventory(b, [header, ['MUG', 'A-01', 1], ['MUG', 'a-01', 2]], 'dup.csv', ctx);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({
      row: 3,
      message: expect.stringMatching(/duplicate sku \+ location: the same as row 2/),
    });
  });

  it('refuses a listings report given as inventory, saying what it looks like', async () => {
    const b = await seeded();
    const { grid } = await readTableFile(fixture('active-listings-29-uk.txt'));
    const r = await importInventory(b, grid, 'uk.txt', ctx);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/uk.txt is not an Inventory file: .*It looks like a Listings file/);
  });

  it('never lets a file write the computed columns', async () => {
    const b = await seeded();
    await importInventory(
      b,
      [
        [...header, 'reserved', 'available'],
        ['SOCK-WOOL-M', 'A-05', 40, 6.3, 'Canvas Goods Ltd', 15, 60, 99, 99],
      ],
      'x.csv',
      ctx,
    );
    const rows = await sheetRecords(b, inventoryTable.name);
    expect(rows[5].reserved ?? null).toBeNull();
    expect(listingsTable.name).toBe('Listings');
  });
});
