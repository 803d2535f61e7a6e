/** The .xlsx backend keeps what it does not own, saves atomically, and refuses what would lose data. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { importOrders, parseOrderReport, splitTabDelimited } from '../../../src/core';
import { lockPathFor } from '../../../src/node/xlsx/fileLock';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';

const ctx = { now: new Date('2026-12-01T17:00:00Z'), user: 'test' };
let dir: string;
beforeEach(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-xlsx-'));
});
afterEach(async () => {
  await fs.promises.rm(dir, { recursive: true, force: true });
});

const REPORT_V1 =
  'order-id\torder-item-id\tsku\tquantity-purchased\tship-city\tship-postal-code\n111-0000000-0000001\t10000000000001\tA\t1\tBOSTON\t02134\n';
const REPORT_V2 =
  'order-id\torder-item-id\tsku\tquantity-purchased\tship-city\tship-postal-code\n111-0000000-0000001\t10000000000001\tA\t1\tCAMBRIDGE\t02139\n';

async function userWorkbook(file: string) {
  const wb = new ExcelJS.Workbook();
  const orders = wb.addWorksheet('Orders');
  orders.getRow(1).values = [
    'order-id',
    'order-item-id',
    'Packer notes',
    'sku',
    'quantity-purchased',
    'status',
  ];
  orders.getRow(2).values = ['111-0000000-0000009', '10000000000009', 'Gift — wrap it', 'Z', 1, 'Labeled'];
  orders.getCell('C2').font = { bold: true, color: { argb: 'FFFF0000' } };
  orders.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  orders.getColumn(3).width = 33;
  const mine = wb.addWorksheet('My Budget');
  mine.getCell('A1').value = 'Rent';
  mine.getCell('B1').value = 1234.56;
  mine.getCell('B1').numFmt = '$#,##0.00';
  mine.getCell('B2').value = { formula: 'B1*2', result: 2469.12 };
  mine.getCell('C3').value = new Date('2026-01-31T00:00:00Z');
  await wb.xlsx.writeFile(file);
}

describe('XlsxWorkbook', () => {
  it("keeps a user's own column, its formatting and an unrelated sheet exactly as they were", async () => {
    const file = path.join(dir, 'book.xlsx');
    await userWorkbook(file);
    const book = await XlsxWorkbook.open(file);
    await importOrders(book, parseOrderReport(splitTabDelimited(REPORT_V1), 'r.txt'), 'r.txt', ctx);
    book.close();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const orders = wb.getWorksheet('Orders')!;
    expect(orders.getCell('C2').value).toBe('Gift — wrap it');
    expect(orders.getCell('C2').font).toMatchObject({ bold: true, color: { argb: 'FFFF0000' } });
    expect(orders.getCell('C2').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(orders.getColumn(3).width).toBe(33);
    expect(orders.getCell('F2').value).toBe('Labeled');
    expect(orders.getCell('B3').value).toBe('10000000000001');
    expect(orders.getCell('C3').value).toBeNull();
    const mine = wb.getWorksheet('My Budget')!;
    expect(mine.getCell('A1').value).toBe('Rent');
    expect(mine.getCell('B1').value).toBe(1234.56);
    expect(mine.getCell('B1').numFmt).toBe('$#,##0.00');
    expect(mine.getCell('B2').value).toMatchObject({ formula: 'B1*2', result: 2469.12 });
    expect(mine.getCell('C3').value).toEqual(new Date('2026-01-31T00:00:00Z'));
  });

  it("a newer report updates Amazon's columns and leaves workflow columns alone", async () => {
    const file = path.join(dir, 'book.xlsx');
    await userWorkbook(file);
    let book = await XlsxWorkbook.open(file);
    await importOrders(book, parseOrderReport(splitTabDelimited(REPORT_V1), 'v1.txt'), 'v1.txt', ctx);
    // A later step labels the item.
    await book.write({ sheets: [{ sheet: 'Orders', blocks: [{ row: 3, col: 6, values: [['Labeled']] }] }] });
    const r = await importOrders(
      book,
      parseOrderReport(splitTabDelimited(REPORT_V2), 'v2.txt'),
      'v2.txt',
      ctx,
    );
    expect(r.stats).toMatchObject({ updated: 1, added: 0 });
    book.close();
    book = await XlsxWorkbook.open(file);
    const grid = (await book.read(['Orders'])).get('Orders')!;
    book.close();
    const h = grid[0];
    expect(grid[2][h.indexOf('ship-city')]).toBe('CAMBRIDGE');
    expect(grid[2][h.indexOf('ship-postal-code')]).toBe('02139');
    expect(grid[2][h.indexOf('status')]).toBe('Labeled');
  });

  it('refuses a second run on the same file while one holds it, and clears a stale lock', async () => {
    const file = path.join(dir, 'book.xlsx');
    await userWorkbook(file);
    const first = await XlsxWorkbook.open(file);
    await expect(XlsxWorkbook.open(file)).rejects.toThrow(
      /book\.xlsx is in use by another Shipsheet run: process \d+/,
    );
    first.close();
    // A lock left by a process that died.
    fs.writeFileSync(
      lockPathFor(file),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: 'x', command: '' }),
    );
    const again = await XlsxWorkbook.open(file);
    again.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('refuses to rewrite a workbook with charts or pivot tables, and writes a copy when asked', async () => {
    const file = path.join(dir, 'charts.xlsx');
    await userWorkbook(file);
    const zip = await JSZip.loadAsync(await fs.promises.readFile(file));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    await fs.promises.writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const before = await fs.promises.readFile(file);
    const book = await XlsxWorkbook.open(file);
    await expect(
      importOrders(book, parseOrderReport(splitTabDelimited(REPORT_V1), 'r.txt'), 'r.txt', ctx),
    ).rejects.toThrow(
      /has charts, pivot tables, which Shipsheet's Excel library cannot keep.*nothing was written.*--write-copy/,
    );
    book.close();
    expect((await fs.promises.readFile(file)).equals(before)).toBe(true);
    const copy = path.join(dir, 'copy.xlsx');
    const book2 = await XlsxWorkbook.open(file, { writeCopyTo: copy });
    await importOrders(book2, parseOrderReport(splitTabDelimited(REPORT_V1), 'r.txt'), 'r.txt', ctx);
    book2.close();
    expect((await fs.promises.readFile(file)).equals(before)).toBe(true);
    expect(fs.existsSync(copy)).toBe(true);
  });

  it('refuses a workbook that Excel has open', async () => {
    const file = path.join(dir, 'book.xlsx');
    await userWorkbook(file);
    fs.writeFileSync(path.join(dir, '~$book.xlsx'), '');
    await expect(XlsxWorkbook.open(file)).rejects.toThrow(/open in Excel/);
  });

  it('a write that fails part-way leaves the file and the next write as if it never happened', async () => {
    const file = path.join(dir, 'book.xlsx');
    await userWorkbook(file);
    const before = await fs.promises.readFile(file);
    const book = await XlsxWorkbook.open(file);
    await expect(
      book.write({
        sheets: [
          { sheet: 'Orders', blocks: [{ row: 2, col: 6, values: [['Half']] }] },
          { sheet: 'Nope', blocks: [] },
        ],
      }),
    ).rejects.toThrow(/Nope/);
    expect((await fs.promises.readFile(file)).equals(before)).toBe(true);
    await book.write({ sheets: [{ sheet: 'Orders', blocks: [{ row: 2, col: 4, values: [['Z2']] }] }] });
    const grid = (await book.read(['Orders'])).get('Orders')!;
    book.close();
    expect(grid[1][5]).toBe('Labeled');
    expect(grid[1][3]).toBe('Z2');
  });

  it('a save killed half-way never leaves a broken workbook', async () => {
    const file = path.join(dir, 'book.xlsx');
    await userWorkbook(file);
    const before = await fs.promises.readFile(file);
    // A child process saves a large buffer through the atomic writer and is killed mid-write.
    const writer = path.join(dir, 'atomicWrite.js');
    buildSync({
      entryPoints: [path.join(__dirname, '../../../src/node/xlsx/atomicWrite.ts')],
      outfile: writer,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const { writeFileAtomic } = require(${JSON.stringify(writer)});
         process.stdout.write('ready\\n');
         writeFileAtomic(${JSON.stringify(file)}, new Uint8Array(400 * 1024 * 1024).fill(65));`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    // Kill it once the temporary file is being written.
    const deadline = Date.now() + 10000;
    while (
      !fs.readdirSync(dir).some((f) => f.endsWith('.tmp') && fs.statSync(path.join(dir, f)).size > 0) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect((await fs.promises.readFile(file)).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    const book = await XlsxWorkbook.open(file);
    expect((await book.read(['Orders'])).get('Orders')![1][0]).toBe('111-0000000-0000009');
    book.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(0);
  });
});
