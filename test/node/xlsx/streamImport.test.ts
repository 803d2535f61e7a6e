// The streaming import into an .xlsx book on real files: what the seller had survives (their columns,
// formatting, other sheets, drawings and charts byte-for-byte), values come back typed, refused files and
// killed saves leave the book exactly as it was.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { inventoryTable, ordersTable, setUpSheets, templateHeaders } from '../../../src/core';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { lockPathFor } from '../../../src/node/xlsx/fileLock';
import {
  NEEDS_WHOLE_BOOK,
  StreamImportError,
  streamImportIntoBook,
} from '../../../src/node/xlsx/stream/streamImport';

const context = { now: new Date('2026-12-01T17:00:00Z'), user: 'test' };
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-stream-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const CHART =
  '<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>';

/** A seller's book: Orders with their own column in the middle, formatting, a picture; another sheet; a chart part. */
async function sellerBook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const orders = wb.addWorksheet('Orders');
  orders.getRow(1).values = [
    'order-id',
    'order-item-id',
    'Packer notes',
    'sku',
    'quantity-purchased',
    'currency',
    'item-price',
    'ship-date',
    'status',
  ];
  orders.getRow(2).values = [
    '111-0000000-0000001',
    '00012345678901',
    'Gift — wrap it',
    'A',
    1,
    'USD',
    12.5,
    new Date('2026-11-20T00:00:00Z'),
    'Labeled',
  ];
  orders.getRow(3).values = [
    '111-0000000-0000002',
    '00012345678902',
    'Fragile',
    'B',
    2,
    'USD',
    3.2,
    null,
    'New',
  ];
  orders.getCell('C2').font = { bold: true, color: { argb: 'FFFF0000' } };
  orders.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  orders.getCell('G2').numFmt = '#,##0.00';
  orders.getCell('G3').numFmt = '#,##0.00';
  orders.getCell('H2').numFmt = 'yyyy-mm-dd';
  orders.getColumn(3).width = 40;
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  orders.addImage(image, 'K2:L4');
  const mine = wb.addWorksheet('My sheet');
  mine.getCell('A1').value = 'Supplier phone';
  mine.getCell('B1').value = { formula: 'Orders!E2*2', result: 2 };
  const log = wb.addWorksheet('Log');
  log.getRow(1).values =
    templateHeaders(ordersTable).length > 0
      ? ['time', 'action', 'user', 'source', 'rows-read', 'rows-changed', 'problems', 'details']
      : [];
  const data = await wb.xlsx.writeBuffer();
  // A chart part exceljs cannot write: it must come through untouched.
  const zip = await JSZip.loadAsync(data as ArrayBuffer);
  zip.file('xl/charts/chart1.xml', CHART);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const ORDERS_CSV =
  'order-id,order-item-id,sku,quantity-purchased,currency,item-price,ship-date,status\r\n' +
  // Updated: quantity, price and ship date.
  '111-0000000-0000001,00012345678901,A,3,USD,"1,234.56",2026-12-01,Labeled\r\n' +
  // Unchanged.
  '111-0000000-0000002,00012345678902,B,2,USD,3.20,,New\r\n' +
  // New, with a carriage return and a control character in its text.
  '111-0000000-0000003,00000000000042,C\r\rR\u0007,1,USD,0.99,2026-12-02,New\r\n';

async function entries(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async('nodebuffer'));
  return out;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

test('merge keeps the seller’s column, formatting, other sheets, picture and chart; values come back typed', async () => {
  const book = path.join(dir, 'book.xlsx');
  await sellerBook(book);
  const before = await entries(book);
  const file = path.join(dir, 'orders.csv');
  fs.writeFileSync(file, ORDERS_CSV.replace('C\r\rR\u0007', '"C\r\rR\u0007"'));
  const result = await streamImportIntoBook(book, ordersTable, file, context);
  expect(result).not.toBe(NEEDS_WHOLE_BOOK);
  if (result === NEEDS_WHOLE_BOOK) return;
  expect(result.ok).toBe(true);
  expect(result.stats).toEqual({ rowsRead: 3, added: 1, updated: 1, unchanged: 1, rejected: 0 });
  expect(result.lines[0]).toBe(
    'Imported orders.csv into Orders: 3 rows read: 1 added, 1 updated, 1 unchanged, 0 rejected.',
  );

  // Every part but the rewritten sheets, styles and shared strings is byte-for-byte what it was.
  const after = await entries(book);
  const rewritten = new Set([
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet3.xml',
    'xl/styles.xml',
    'xl/sharedStrings.xml',
  ]);
  for (const [name, bytes] of before) {
    expect(after.has(name)).toBe(true);
    if (!rewritten.has(name)) expect(after.get(name)!.equals(bytes)).toBe(true);
  }
  expect(after.get('xl/charts/chart1.xml')!.toString()).toBe(CHART);
  expect(after.get('xl/worksheets/sheet1.xml')!.toString()).toMatch(/<drawing r:id="rId\d+"\/>/);

  const wb = await load(book);
  const ws = wb.getWorksheet('Orders')!;
  // The seller's column and its formatting.
  expect(ws.getCell('C2').value).toBe('Gift — wrap it');
  expect(ws.getCell('C2').font?.bold).toBe(true);
  expect(ws.getCell('C2').fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
  expect(ws.getColumn(3).width).toBe(40);
  expect(ws.getCell('C3').value).toBe('Fragile');
  // Updated cells keep their style; money as a number, a date as a real date, ids as text with their zeros.
  expect(ws.getCell('E2').value).toBe(3);
  expect(ws.getCell('G2').value).toBe(1234.56);
  expect(ws.getCell('G2').numFmt).toBe('#,##0.00');
  expect(ws.getCell('H2').value).toEqual(new Date('2026-12-01T00:00:00Z'));
  expect(ws.getCell('B2').value).toBe('00012345678901');
  // The new row: below the last, text ids, dates as dates with a date format, text escaped and restored.
  expect(ws.getCell('A4').value).toBe('111-0000000-0000003');
  expect(ws.getCell('B4').value).toBe('00000000000042');
  expect(ws.getCell('D4').value).toBe('C\r\rR\u0007');
  expect(ws.getCell('G4').value).toBe(0.99);
  expect(ws.getCell('G4').numFmt).toBe('#,##0.00');
  expect(ws.getCell('H4').value).toEqual(new Date('2026-12-02T00:00:00Z'));
  expect(ws.getCell('H4').numFmt).toBe('yyyy-mm-dd');
  expect(ws.getCell('B4').numFmt).toBe('@');
  expect(ws.getCell('C4').value).toBeNull();
  // The other sheet, its formula, and the Log row.
  expect(wb.getWorksheet('My sheet')!.getCell('B1').value).toEqual({ formula: 'Orders!E2*2', result: 2 });
  const log = wb.getWorksheet('Log')!;
  expect(log.getCell('B2').value).toBe('import orders');
  expect(log.getCell('D2').value).toBe('orders.csv');
  expect(log.getCell('H2').value).toMatch(/^3 rows read: 1 added, 1 updated, 1 unchanged, 0 rejected/);

  // Shipsheet's own backend reads the same, and a second run changes nothing but the Log.
  const backend = await XlsxWorkbook.open(book, { lock: false });
  const grid = (await backend.read(['Orders'])).get('Orders')!;
  backend.close();
  expect(grid[3][3]).toBe('C\r\rR\u0007');
  const again = await streamImportIntoBook(book, ordersTable, file, context);
  expect(again !== NEEDS_WHOLE_BOOK && again.stats).toEqual({
    rowsRead: 3,
    added: 0,
    updated: 0,
    unchanged: 3,
    rejected: 0,
  });
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('-lock'))).toEqual([]);
});

test('replace: the table becomes the file, kept rows keep the seller’s cells, others are removed', async () => {
  const book = path.join(dir, 'book.xlsx');
  await sellerBook(book);
  const file = path.join(dir, 'orders.csv');
  fs.writeFileSync(
    file,
    'order-id,order-item-id,sku,quantity-purchased\r\n111-0000000-0000009,9,Z,1\r\n111-0000000-0000001,00012345678901,A,5\r\n',
  );
  const result = await streamImportIntoBook(book, ordersTable, file, context, { mode: 'replace' });
  expect(result !== NEEDS_WHOLE_BOOK && result.stats).toEqual({
    rowsRead: 2,
    added: 1,
    updated: 1,
    unchanged: 0,
    removed: 1,
    rejected: 0,
  });
  const ws = (await load(book)).getWorksheet('Orders')!;
  expect(ws.getCell('A2').value).toBe('111-0000000-0000009');
  expect(ws.getCell('C2').value).toBeNull();
  expect(ws.getCell('A3').value).toBe('111-0000000-0000001');
  // The seller's note moved with its row, formatting and all.
  expect(ws.getCell('C3').value).toBe('Gift — wrap it');
  expect(ws.getCell('C3').font?.bold).toBe(true);
  expect(ws.getCell('E3').value).toBe(5);
  expect(ws.getCell('H3').value).toEqual(new Date('2026-11-20T00:00:00Z'));
  expect(ws.getCell('A4').value).toBeNull();
  expect(ws.actualRowCount).toBe(3);
});

test('a refused file, or a replace with a bad row, leaves the book byte-for-byte as it was', async () => {
  const book = path.join(dir, 'book.xlsx');
  await sellerBook(book);
  const before = fs.readFileSync(book);
  const wrong = path.join(dir, 'wrong.csv');
  fs.writeFileSync(wrong, 'sku,location,on-hand\r\nA,A-01,3\r\n');
  const r1 = await streamImportIntoBook(book, ordersTable, wrong, context);
  expect(r1 !== NEEDS_WHOLE_BOOK && r1.ok).toBe(false);
  const bad = path.join(dir, 'bad.csv');
  fs.writeFileSync(bad, 'order-id,order-item-id,sku,quantity-purchased\r\n111-0000000-0000009,9,Z,lots\r\n');
  const r2 = await streamImportIntoBook(book, ordersTable, bad, context, { mode: 'replace' });
  expect(r2 !== NEEDS_WHOLE_BOOK && r2.ok).toBe(false);
  expect(r2 !== NEEDS_WHOLE_BOOK && r2.problems[0]).toMatchObject({ row: 2, column: 'quantity-purchased' });
  expect(fs.existsSync(path.join(dir, 'bad.errors.csv'))).toBe(true);
  expect(fs.readFileSync(book).equals(before)).toBe(true);
  // Merge imports the good rows and lists the bad one.
  fs.appendFileSync(bad, '111-0000000-0000008,8,Y,2\r\n');
  const r3 = await streamImportIntoBook(book, ordersTable, bad, context);
  expect(r3 !== NEEDS_WHOLE_BOOK && r3.stats).toMatchObject({ rowsRead: 2, added: 1, rejected: 1 });
  expect(fs.readFileSync(path.join(dir, 'bad.errors.csv'), 'utf8')).toContain('quantity-purchased');
});

test('open in Excel, locked by another run, or lacking the sheets: refused or handed to the whole-book path', async () => {
  const book = path.join(dir, 'book.xlsx');
  await sellerBook(book);
  const file = path.join(dir, 'orders.csv');
  fs.writeFileSync(file, ORDERS_CSV);
  fs.writeFileSync(path.join(dir, '~$book.xlsx'), '');
  await expect(streamImportIntoBook(book, ordersTable, file, context)).rejects.toThrow(StreamImportError);
  fs.rmSync(path.join(dir, '~$book.xlsx'));
  fs.writeFileSync(
    lockPathFor(book),
    JSON.stringify({ pid: process.pid, host: os.hostname(), since: 'x', command: '' }),
  );
  await expect(streamImportIntoBook(book, ordersTable, file, context)).rejects.toThrow(
    /in use by another Shipsheet run/,
  );
  fs.rmSync(lockPathFor(book));
  expect(await streamImportIntoBook(book, inventoryTable, file, context)).toBe(NEEDS_WHOLE_BOOK);
  expect(await streamImportIntoBook(path.join(dir, 'none.xlsx'), ordersTable, file, context)).toBe(
    NEEDS_WHOLE_BOOK,
  );
});

test('a book made by shipsheet init takes a bulk import of every kind of cell', async () => {
  const book = path.join(dir, 'book.xlsx');
  const wb = await XlsxWorkbook.open(book, { create: true, lock: false });
  await setUpSheets(wb);
  wb.close();
  const file = path.join(dir, 'inventory.csv');
  fs.writeFileSync(
    file,
    'sku,location,on-hand,unit-cost,currency\r\n0042,A-01,3,1.50,USD\r\n0042,B-01,0,2,USD\r\n',
  );
  const r = await streamImportIntoBook(book, inventoryTable, file, context);
  expect(r !== NEEDS_WHOLE_BOOK && r.stats).toMatchObject({ added: 2 });
  const back = await XlsxWorkbook.open(book, { lock: false });
  const grid = (await back.read(['Inventory'])).get('Inventory')!;
  back.close();
  expect(grid[1].slice(0, 3)).toEqual(['0042', 'A-01', 3]);
});

test('a save killed before it is put in place leaves the book intact, and the next run cleans up', async () => {
  const book = path.join(dir, 'book.xlsx');
  await sellerBook(book);
  const before = fs.readFileSync(book);
  const file = path.join(dir, 'orders.csv');
  fs.writeFileSync(file, ORDERS_CSV);
  const bundle = path.join(dir, 'streamImport.js');
  const entry = path.join(dir, 'entry.ts');
  const src = path.join(__dirname, '../../../src');
  fs.writeFileSync(
    entry,
    `export { streamImportIntoBook } from ${JSON.stringify(path.join(src, 'node/xlsx/stream/streamImport'))};\n` +
      `export { ordersTable } from ${JSON.stringify(path.join(src, 'core'))};\n`,
  );
  buildSync({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const { streamImportIntoBook } = require(${JSON.stringify(bundle)});
       const { ordersTable } = require(${JSON.stringify(bundle)});
       streamImportIntoBook(${JSON.stringify(book)}, ordersTable, ${JSON.stringify(file)}, { now: new Date() }, {
         beforeRename: () => { process.stdout.write('written\\n'); return new Promise(() => setInterval(() => {}, 1000)); },
       });`,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_PATH: path.join(__dirname, '../../../node_modules') },
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('written') && resolve());
    child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  expect(fs.readFileSync(book).equals(before)).toBe(true);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
  // The dead run's lock and temporary file are cleared by the next run, which then imports.
  const result = await streamImportIntoBook(book, ordersTable, file, context);
  expect(result !== NEEDS_WHOLE_BOOK && result.ok).toBe(true);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(0);
});

test('a stale calculation chain is left out (Excel rebuilds it), with its content type and relationship', async () => {
  const book = path.join(dir, 'book.xlsx');
  await sellerBook(book);
  const zip = await JSZip.loadAsync(fs.readFileSync(book));
  zip.file(
    'xl/calcChain.xml',
    '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B1" i="2"/></calcChain>',
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    ),
  );
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    ),
  );
  fs.writeFileSync(book, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const file = path.join(dir, 'orders.csv');
  fs.writeFileSync(file, ORDERS_CSV);
  const r = await streamImportIntoBook(book, ordersTable, file, context);
  expect(r !== NEEDS_WHOLE_BOOK && r.ok).toBe(true);
  const after = await entries(book);
  expect(after.has('xl/calcChain.xml')).toBe(false);
  expect(after.get('[Content_Types].xml')!.toString()).not.toContain('calcChain');
  expect(after.get('xl/_rels/workbook.xml.rels')!.toString()).not.toContain('calcChain');
  expect(after.get('xl/_rels/workbook.xml.rels')!.toString()).toContain('styles.xml');
  expect((await load(book)).getWorksheet('My sheet')!.getCell('B1').value).toEqual({
    formula: 'Orders!E2*2',
    result: 2,
  });
});

test('overwriting the master of a shared formula writes the cells sharing it as their values', async () => {
  const book = path.join(dir, 'book.xlsx');
  const wb = new ExcelJS.Workbook();
  const inv = wb.addWorksheet('Inventory');
  inv.getRow(1).values = ['sku', 'location', 'on-hand', 'reserved', 'available'];
  inv.getRow(2).values = ['A', 'A-01', 5, 1];
  inv.getRow(3).values = ['B', 'A-01', 7, 2];
  inv.getRow(4).values = ['C', 'A-01', 9, 3];
  inv.getCell('E2').value = {
    formula: 'C2-D2',
    result: 4,
    shareType: 'shared',
    ref: 'E2:E4',
  } as ExcelJS.CellValue;
  inv.getCell('E3').value = { sharedFormula: 'E2', result: 5 } as ExcelJS.CellValue;
  inv.getCell('E4').value = { sharedFormula: 'E2', result: 6 } as ExcelJS.CellValue;
  wb.addWorksheet('Log').getRow(1).values = ['time', 'action'];
  await wb.xlsx.writeFile(book);
  expect((await entries(book)).get('xl/worksheets/sheet1.xml')!.toString()).toMatch(/t="shared"[^>]*si="0"/);
  const file = path.join(dir, 'inventory.csv');
  fs.writeFileSync(file, 'sku,location,on-hand,available\r\nA,A-01,6,5\r\n');
  const r = await streamImportIntoBook(book, inventoryTable, file, context);
  expect(r !== NEEDS_WHOLE_BOOK && r.stats).toMatchObject({ updated: 1 });
  const xml = (await entries(book)).get('xl/worksheets/sheet1.xml')!.toString();
  expect(xml).not.toMatch(/si="0"/);
  const ws = (await load(book)).getWorksheet('Inventory')!;
  expect([ws.getCell('E2').value, ws.getCell('E3').value, ws.getCell('E4').value]).toEqual([5, 5, 6]);
});
