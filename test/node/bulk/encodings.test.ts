import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { MemoryWorkbook, decodeTable, inventoryTable } from '../../../src/core';
import { bulkImport } from '../../../src/node/bulk/bulkImport';
import { openDelimitedRows } from '../../../src/node/bulk/delimitedRows';

const context = { now: new Date('2026-12-01T17:00:00Z'), user: 'test' };
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-enc-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function suppliers(bytes: Buffer, name: string, encoding?: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const book = new MemoryWorkbook('mem');
  const result = await bulkImport(book, inventoryTable, file, context, { encoding, errorsFile: false });
  expect(result.problems).toEqual([]);
  const grid = (await book.read(['Inventory'])).get('Inventory')!;
  return decodeTable(inventoryTable, grid).rows.map((r) => [r.record.sku, r.record.supplier]);
}

const tsv = (supplier: string) => `sku\tlocation\ton-hand\tsupplier\r\n00123\tA-01\t5\t${supplier}\r\n`;

describe('text encodings of bulk files', () => {
  test('UTF-8 with and without a BOM', async () => {
    expect(await suppliers(Buffer.from(`\uFEFF${tsv('Zürich – 東京')}`, 'utf8'), 'bom.tsv')).toEqual([
      ['00123', 'Zürich – 東京'],
    ]);
    expect(await suppliers(Buffer.from(tsv('Zürich – 東京'), 'utf8'), 'plain.tsv')).toEqual([
      ['00123', 'Zürich – 東京'],
    ]);
  });

  test('UTF-16 as Excel saves "Unicode text" (little-endian with a BOM, tab-delimited)', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(tsv('Café Ünïcode 🚚'), 'utf-16le'),
    ]);
    expect(await suppliers(bytes, 'unicode.txt')).toEqual([['00123', 'Café Ünïcode 🚚']]);
  });

  test('Windows-1252 and Shift-JIS are detected', async () => {
    expect(await suppliers(iconv.encode(tsv('Café Crème – €5'), 'windows-1252'), 'cp1252.tsv')).toEqual([
      ['00123', 'Café Crème – €5'],
    ]);
    expect(await suppliers(iconv.encode(tsv('株式会社サンプル商店'), 'cp932'), 'sjis.tsv')).toEqual([
      ['00123', '株式会社サンプル商店'],
    ]);
  });

  test('--encoding overrides the guess', async () => {
    const bytes = iconv.encode(tsv('ｱｲｳ'), 'cp932');
    expect(await suppliers(bytes, 'forced.tsv', 'shift_jis')).toEqual([['00123', 'ｱｲｳ']]);
    await expect(suppliers(bytes, 'bad.tsv', 'klingon')).rejects.toThrow(
      /--encoding klingon is not an encoding Shipsheet knows/,
    );
  });

  test('a file that turns out not to be UTF-8 past its first 64 KiB fails with the row and a hint', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `SKU-${i}\tA-01\t1\tplain ascii supplier name`).join(
      '\r\n',
    );
    const bytes = Buffer.concat([
      Buffer.from(`sku\tlocation\ton-hand\tsupplier\r\n${rows}\r\n`),
      iconv.encode('LATE\tA-01\t1\tCafé\r\n', 'windows-1252'),
    ]);
    const file = path.join(dir, 'late.tsv');
    fs.writeFileSync(file, bytes);
    const source = await openDelimitedRows(file);
    expect(source.encoding).toBe('utf-8');
    const read = async () => {
      for await (const _ of source.rows);
    };
    await expect(read()).rejects.toThrow(
      /late\.tsv is not valid UTF-8 after row \d+ .*--encoding windows-1252/,
    );
  });

  test('CSV with commas and semicolons, quoted fields with delimiters and line breaks', async () => {
    const csv = 'sku,location,on-hand,supplier\r\n"00123",A-01,5,"Acme, Inc. ""East""\nDock 4"\r\n';
    expect(await suppliers(Buffer.from(csv), 'quoted.csv')).toEqual([['00123', 'Acme, Inc. "East"\nDock 4']]);
    const semi = 'sku;location;on-hand;supplier\r\nX-1;A-01;5;Müller; GmbH\r\n';
    expect(await suppliers(Buffer.from(semi), 'semi.csv')).toEqual([['X-1', 'Müller']]);
  });
});
