import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { MemoryWorkbook, decodeTable, inventoryTable } from '../../../src/core';
import { limitsWith } from '../../../src/node/bulk/bulkLimits';
import { bulkImport } from '../../../src/node/bulk/bulkImport';
import { openTableFile } from '../../../src/node/bulk/tableFileRows';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { buildZip, rowXml, xlsxParts } from './zipBuilder';

const context = { now: new Date('2026-12-01T17:00:00Z'), user: 'test' };
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-hostile-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

async function readAll(file: string, limits = limitsWith()): Promise<number> {
  const source = await openTableFile(file, { preferSheet: 'Inventory', limits });
  let n = 0;
  for await (const _ of source.rows) n++;
  return n;
}

const HEADER = rowXml(1, ['sku', 'location', 'on-hand']);

describe('hostile and malformed .xlsx files fail with a clear error, in bounded time and memory', () => {
  test('a zip bomb (a sheet that inflates a thousand times) is refused from its directory, before inflating', async () => {
    const bomb = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const file = write(
      'bomb.xlsx',
      buildZip(xlsxParts(HEADER).map((p) => (p.name.endsWith('sheet1.xml') ? { ...p, data: bomb } : p))),
    );
    expect(fs.statSync(file).size).toBeLessThan(200_000);
    const started = Date.now();
    await expect(readAll(file)).rejects.toThrow(
      /bomb\.xlsx is not a safe \.xlsx workbook: part xl\/worksheets\/sheet1\.xml inflates \d+x .*zip bomb/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('a part that declares a small size but inflates to far more stops at the declared size', async () => {
    const big = Buffer.from(`${HEADER}${' '.repeat(8 * 1024 * 1024)}`);
    const parts = xlsxParts('').map((p) =>
      p.name.endsWith('sheet1.xml') ? { ...p, data: big, declaredSize: 1000 } : p,
    );
    const file = write('liar.xlsx', buildZip(parts));
    await expect(readAll(file)).rejects.toThrow(
      /part xl\/worksheets\/sheet1\.xml inflates to more than the 0\.0 MiB it declares/,
    );
  });

  test('the Workbook backend refuses the same zip bomb when opening a book', async () => {
    const bomb = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const file = write(
      'bombbook.xlsx',
      buildZip(xlsxParts(HEADER).map((p) => (p.name.endsWith('sheet1.xml') ? { ...p, data: bomb } : p))),
    );
    await expect(XlsxWorkbook.open(file, { lock: false })).rejects.toThrow(/zip bomb/);
  });

  test('the Workbook backend refuses a book too big to load whole, with the reason', async () => {
    const file = write('bigbook.xlsx', buildZip(xlsxParts(`${HEADER}${rowXml(2, ['MUG', 'A-01', 1])}`)));
    await expect(XlsxWorkbook.open(file, { lock: false, maxSheetBytes: 100 })).rejects.toThrow(
      /bigbook\.xlsx holds 0 MiB of sheet data, more than the 0 MiB Shipsheet's \.xlsx backend can load/,
    );
    const book = await XlsxWorkbook.open(file, { lock: false });
    expect(await book.sheetNames()).toEqual(['Inventory']);
    book.close();
  });

  test('a huge shared-strings table stops at the cap with a message', async () => {
    const strings = Array.from({ length: 5000 }, (_, i) => `<si><t>s${i}</t></si>`).join('');
    const file = write('strings.xlsx', buildZip(xlsxParts(HEADER, strings)));
    await expect(readAll(file, limitsWith({ maxSharedStrings: 1000 }))).rejects.toThrow(
      /strings\.xlsx has more than 1,000 shared strings; Shipsheet stops there/,
    );
    await expect(readAll(file, limitsWith({ maxSharedStringChars: 10_000 }))).rejects.toThrow(
      /shared strings hold more than 10,000 characters/,
    );
  });

  test('a million empty styled rows stream in bounded memory and time, and the data after them is kept', async () => {
    const empty: string[] = [];
    for (let r = 3; r < 1_048_576; r++) empty.push(`<row r="${r}" s="1" customFormat="1" ht="15"/>`);
    const sheet = `${HEADER}${rowXml(2, ['MUG-1', 'A-01', 3])}${empty.join('')}${rowXml(1_048_576, ['MUG-2', 'A-02', 4])}`;
    const file = write('emptyrows.xlsx', buildZip(xlsxParts(sheet)));
    expect(fs.statSync(file).size).toBeLessThan(4_000_000);
    const started = Date.now();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const book = new MemoryWorkbook('mem');
    const result = await bulkImport(book, inventoryTable, file, context, { errorsFile: false });
    clearInterval(timer);
    expect(result.ok).toBe(true);
    expect(result.stats).toMatchObject({ rowsRead: 2, added: 2, rejected: 0 });
    const sheetGrid = (await book.read(['Inventory'])).get('Inventory')!;
    expect(decodeTable(inventoryTable, sheetGrid).rows.map((r) => r.record.sku)).toEqual(['MUG-1', 'MUG-2']);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((peak - before) / 1024 / 1024).toBeLessThan(400);
  }, 90_000);

  test('a row past Excel’s last row is refused', async () => {
    const file = write('pastlimit.xlsx', buildZip(xlsxParts(`${HEADER}${rowXml(1_048_577, ['X', 'Y', 1])}`)));
    await expect(readAll(file)).rejects.toThrow(/row 1048577 is past the limit of 1,048,576 rows/);
  });

  test('a truncated file and a file that is not a zip say so', async () => {
    const good = buildZip(xlsxParts(HEADER));
    const truncated = write('truncated.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    await expect(readAll(truncated)).rejects.toThrow(
      /truncated\.xlsx is not a safe \.xlsx workbook: the zip directory is missing/,
    );
    const fake = write('fake.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]));
    await expect(readAll(fake)).rejects.toThrow(/fake\.xlsx is not a safe \.xlsx workbook/);
  });

  test('too many zip entries are refused', async () => {
    const parts = xlsxParts(HEADER);
    for (let i = 0; i < 60; i++) parts.push({ name: `junk/${i}.bin`, data: 'x' });
    const file = write('entries.xlsx', buildZip(parts));
    await expect(readAll(file, limitsWith({ maxZipEntries: 50 }))).rejects.toThrow(
      /it has 65 parts \(limit 50\)/,
    );
  });

  test('formulas in an imported workbook are read as their values, never as formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Inventory');
    ws.addRow(['sku', 'location', 'on-hand', 'supplier']);
    ws.addRow([
      'MUG-1',
      'A-01',
      { formula: '2+3', result: 5 },
      { formula: 'CONCAT("Ac","me")', result: 'Acme' },
    ]);
    ws.addRow(['MUG-2', 'A-02', 1, '=HYPERLINK("http://evil","x")']);
    const file = path.join(dir, 'formulas.xlsx');
    await wb.xlsx.writeFile(file);
    const book = new MemoryWorkbook('mem');
    const result = await bulkImport(book, inventoryTable, file, context, { errorsFile: false });
    expect(result.ok).toBe(true);
    const grid = (await book.read(['Inventory'])).get('Inventory')!;
    const records = decodeTable(inventoryTable, grid).rows.map((r) => r.record);
    expect(records[0]).toMatchObject({ sku: 'MUG-1', 'on-hand': 5, supplier: 'Acme' });
    expect(records[1].supplier).toBe('=HYPERLINK("http://evil","x")');
    expect(grid.flat().some((c) => typeof c === 'object' && c !== null && !(c instanceof Date))).toBe(false);
  });
});

describe('hostile CSV files', () => {
  test('an unclosed quote stops at the record cap with the row number', async () => {
    const file = path.join(dir, 'unclosed.csv');
    fs.writeFileSync(file, `sku,location,on-hand\nA,B,1\n"never closed,${'x'.repeat(200_000)}\n`);
    await expect(readAll(file, limitsWith({ maxRecordBytes: 100_000 }))).rejects.toThrow(
      /unclosed\.csv, row 3: .*100000/,
    );
  });

  test('more rows than a sheet can hold are refused', async () => {
    const file = path.join(dir, 'long.csv');
    fs.writeFileSync(file, `sku,location,on-hand\n${'A,B,1\n'.repeat(30)}`);
    await expect(readAll(file, limitsWith({ maxRows: 20 }))).rejects.toThrow(
      /long\.csv has more than 20 rows/,
    );
  });
});
