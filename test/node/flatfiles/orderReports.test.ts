/** Real-world shaped Amazon order reports, read through the Node file reader and imported into a workbook. */
import path from 'node:path';
import { decodeTable, importOrders, MemoryWorkbook, ordersTable, parseOrderReport } from '../../../src/core';
import type { OrderRecord } from '../../../src/core';
import { readTableFile } from '../../../src/node/flatfiles/readTableFile';

const fixture = (name: string) => path.join(__dirname, '../../fixtures/orders', name);
const ctx = { now: new Date('2026-12-01T17:00:00Z'), user: 'test' };

async function importFixture(name: string, book = new MemoryWorkbook()) {
  const file = await readTableFile(fixture(name));
  const result = await importOrders(book, parseOrderReport(file.grid, name), name, ctx);
  const grid = (await book.read(['Orders'])).get('Orders')!;
  const rows = decodeTable(ordersTable, grid).rows.map((r) => r.record);
  return { result, rows, book, file, grid };
}

const byItem = (rows: OrderRecord[], id: string) => rows.find((r) => r['order-item-id'] === id)!;

describe('Amazon order reports', () => {
  it('reads the 29-column 2009 US order report: money per line in cents, offsets kept, raw quotes and commas', async () => {
    const { result, rows } = await importFixture('us-2009-29col.txt');
    expect(result.stats).toMatchObject({ rowsRead: 3, added: 3, rejected: 0 });
    const first = byItem(rows, '12345678901234');
    expect(first).toMatchObject({
      'order-id': '002-1234567-1234567',
      'purchase-date': '2009-01-01T10:50:49-08:00',
      sku: 'SKU-0042',
      'product-name': 'Apple TV 2, MC572FD_A "refurb"',
      'quantity-purchased': 2,
      currency: 'USD',
      'item-price': 19998,
      'item-tax': 1800,
      'shipping-price': 499,
      status: 'New',
    });
    expect(byItem(rows, '12345678901235').sku).toBe('00789');
    const third = byItem(rows, '22345678901234');
    expect(third['ship-postal-code']).toBe('02134');
    expect(third['delivery-end-date']).toBe('2009-01-06T20:00:00-05:00');
    expect(third['delivery-instructions']).toBe('Leave at back door, beside the shed');
  });

  it('reads the 34-column 2020 UK report with sales-channel … is-sold-by-ab and non-ASCII names', async () => {
    const { rows } = await importFixture('uk-2020-34col.txt');
    const ana = byItem(rows, '33345678901234');
    expect(ana).toMatchObject({
      currency: 'GBP',
      'item-price': 1059,
      'item-tax': 184,
      'ship-city': 'Almuñécar',
      'sales-channel': 'Amazon.co.uk',
      'is-sold-by-ab': false,
    });
    const zoe = byItem(rows, '33345678901235');
    expect(zoe).toMatchObject({
      'buyer-name': 'Zoë Brontë',
      'is-business-order': true,
      'price-designation': 'BusinessPrice',
      'is-sold-by-ab': true,
      'ship-postal-code': 'SW1A 2AA',
    });
  });

  it('reads the 41-column 2025 US Unshipped report with rows shorter than the header', async () => {
    const { result, rows, file } = await importFixture('us-2025-41col.txt');
    expect(file.grid[0]).toHaveLength(41);
    expect(file.grid[1]).toHaveLength(39);
    expect(result.problems).toEqual([]);
    const mug = byItem(rows, '140273890772122');
    expect(mug).toMatchObject({
      'promise-date': '2025-09-26T06:59:59+00:00',
      'is-prime': true,
      'verge-of-lateshipment': false,
      'ship-postal-code': '30534-4732',
      'days-past-promise': -1,
      'buyer-identification-type': null,
      'product-name': 'Personalized Photo Mug',
    });
    expect(byItem(rows, '140273890772123')).toMatchObject({
      sku: '0042',
      'ship-postal-code': '01234',
      'ship-service-level': 'NextDay',
    });
  });

  it('skips a BOM and a TemplateType= preamble, reads CRLF, folds continuation rows and drops a repeated line', async () => {
    const { result, rows } = await importFixture('bom-crlf-preamble.txt');
    expect(result.stats).toMatchObject({ rowsRead: 4, items: 2, added: 2, rejected: 0 });
    const soap = byItem(rows, '44445678901234');
    expect(soap['order-id']).toBe('114-5555555-0000001');
    expect(soap['item-promotion-discount']).toBe(-225);
    expect(soap['item-promotion-id']).toBe('PROMO-A,PROMO-B');
    expect(soap['item-price']).toBe(1500);
    expect(byItem(rows, '44445678901235')['quantity-purchased']).toBe(1);
  });

  it('detects a Windows-1252 file', async () => {
    const { rows, file } = await importFixture('windows-1252.txt');
    expect(file.encoding).toBe('windows-1252');
    expect(rows[0]).toMatchObject({
      sku: 'CAFÉ-01',
      'recipient-name': 'François Müller',
      'ship-city': 'Köln',
    });
  });

  it('reads a CSV export with quoted fields holding commas and quotes', async () => {
    const { rows, file } = await importFixture('export.csv');
    expect(file.format).toBe('csv');
    expect(rows[0]).toMatchObject({
      'product-name': 'Mug, large "XL"',
      'ship-postal-code': '02134',
      'order-item-id': '140273890772122',
    });
  });

  it('lists rows with bad values by row and column and imports the good ones', async () => {
    const { result, rows } = await importFixture('bad-rows.txt');
    expect(rows.map((r) => r.sku)).toEqual(['OK-1']);
    expect(result.stats).toMatchObject({ rowsRead: 3, added: 1, rejected: 2 });
    expect(result.problems).toEqual([
      expect.objectContaining({
        sheet: 'bad-rows.txt',
        row: 3,
        column: 'quantity-purchased',
        message: expect.stringMatching(/whole number/),
        value: '1.5',
      }),
      expect.objectContaining({
        sheet: 'bad-rows.txt',
        row: 4,
        column: 'purchase-date',
        message: expect.stringMatching(/ISO-8601/),
        value: 'yesterday',
      }),
    ]);
  });

  it('refuses a listings report given as orders, naming the file and what it looks like', async () => {
    const file = await readTableFile(fixture('listings-as-orders.txt'));
    const report = parseOrderReport(file.grid, 'listings-as-orders.txt');
    expect(report.ok).toBe(false);
    if (!report.ok)
      expect(report.message).toMatch(/listings-as-orders\.txt is not an Amazon order report.*Listings/);
  });

  it('refuses empty and binary files with a message naming the file', async () => {
    await expect(readTableFile(fixture('binary.png'))).rejects.toThrow(/binary\.png is not a text report/);
    const report = parseOrderReport([], 'empty.txt');
    expect(report.ok).toBe(false);
  });

  it('is idempotent: the same file twice changes nothing', async () => {
    const first = await importFixture('us-2025-41col.txt');
    const before = JSON.stringify(first.grid);
    const second = await importFixture('us-2025-41col.txt', first.book);
    expect(second.result.stats).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(JSON.stringify(second.grid)).toBe(before);
  });
});
