import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../../src/node/cli';

const sample = (name: string) => path.join(__dirname, '../../../templates/sample', name);
const FIXTURE = path.join(__dirname, '../../fixtures/inventory-loader/sample-day.txt');

describe('shipsheet check-stock and export inventory-loader', () => {
  let dir: string;
  let out: string[];
  beforeEach(async () => {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-stock-'));
    out = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true));
    process.env.SHIPSHEET_NOW = '2026-12-01T17:00:00Z';
    process.exitCode = undefined;
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    delete process.env.SHIPSHEET_NOW;
    process.exitCode = undefined;
    await fs.promises.rm(dir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    process.exitCode = undefined;
    return main(args);
  };

  it('imports the sample, allocates, and writes the Price & Quantity file Amazon expects', async () => {
    const book = path.join(dir, 'book.xlsx');
    expect(await run('init', '--book', book)).toBe(0);
    expect(await run('import', 'listings', sample('listings.tsv'), '--book', book)).toBe(0);
    expect(await run('import', 'inventory', sample('inventory.tsv'), '--book', book)).toBe(0);
    expect(await run('import', 'orders', sample('unshipped-orders.txt'), '--book', book)).toBe(0);
    const csv = path.join(dir, 'purchase-list.csv');
    expect(await run('check-stock', '--book', book, '--purchase-list', csv)).toBe(0);
    expect(out.join('')).toMatch(/14 open order items: 10 allocated, 3 short, 1 held/);
    // Through the .xlsx backend too, a second run finds nothing to change and leaves the file as it was.
    const saved = await fs.promises.readFile(book);
    out.length = 0;
    expect(await run('check-stock', '--book', book)).toBe(0);
    expect(out.join('')).toMatch(/Nothing changed since the last check/);
    expect((await fs.promises.readFile(book)).equals(saved)).toBe(true);
    const list = (await fs.promises.readFile(csv, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(list[0]).toBe(
      'supplier,sku,supplier-sku,title,available,short,reorder-point,order-qty,unit-cost,currency,line-cost,lead-time-days',
    );
    expect(list[1]).toBe(
      'BrightHome,LAMP-DSK-LED,,"LED Desk Lamp, Dimmable, Matte Black",0,2,4,12,14.00,USD,168.00,',
    );

    // One file per supplier, to send.
    const perSupplier = path.join(dir, 'to-send') + path.sep;
    expect(await run('check-stock', '--book', book, '--purchase-list', perSupplier)).toBe(0);
    expect((await fs.promises.readdir(perSupplier)).sort()).toEqual([
      'purchase-list-brighthome.csv',
      'purchase-list-clay-co.csv',
      'purchase-list-forge-supply.csv',
      'purchase-list-wick-works.csv',
    ]);
    const clay = await fs.promises.readFile(path.join(perSupplier, 'purchase-list-clay-co.csv'), 'utf8');
    expect(clay.split('\r\n').filter((l) => l !== '')).toHaveLength(2);

    const loader = path.join(dir, 'loader.txt');
    expect(await run('export', 'inventory-loader', '--book', book, '--out', loader)).toBe(0);
    const bytes = await fs.promises.readFile(loader);
    expect(bytes.toString('utf8')).toBe(await fs.promises.readFile(FIXTURE, 'utf8'));
    // The template's shape: no BOM, a header of Amazon's keys, tab-delimited, no quoting, whole quantities ≥ 0.
    expect(bytes[0]).toBe('s'.charCodeAt(0));
    const lines = bytes
      .toString('utf8')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines[0].split('\t')).toEqual(['sku', 'quantity', 'handling-time']);
    for (const l of lines.slice(1)) {
      const [sku, qty, ht] = l.split('\t');
      expect(l).not.toMatch(/"/);
      expect(qty).toMatch(/^\d+$/);
      expect(ht).toMatch(/^\d*$/);
      expect(sku).not.toMatch(/FBA/);
    }
  });

  it('exits 2 and names the problem when check-stock has no Inventory sheet', async () => {
    const book = path.join(dir, 'orders-only.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Orders').addRow(['order-id', 'order-item-id', 'sku', 'quantity-purchased']);
    await wb.xlsx.writeFile(book);
    expect(await run('check-stock', '--book', book)).toBe(2);
    expect(out.join('')).toMatch(/has no Inventory sheet/);
  });
});
