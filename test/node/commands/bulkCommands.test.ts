import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeTable, inventoryTable } from '../../../src/core';
import { main } from '../../../src/node/cli';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';

let dir: string;
let out: string[];
let err: string[];
const root = path.resolve(__dirname, '../../..');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-bulkcli-'));
  out = [];
  err = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  process.exitCode = undefined;
  process.env.SHIPSHEET_NOW = '2026-12-01T17:00:00Z';
});
afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => main(args);

async function inventory(book: string) {
  const b = await XlsxWorkbook.open(book, { lock: false });
  try {
    const grid = (await b.read(['Inventory'])).get('Inventory')!;
    return decodeTable(inventoryTable, grid).rows.map((r) => r.record);
  } finally {
    b.close();
  }
}

describe('shipsheet export / import of any table', () => {
  test('export then import round-trips a table through .xlsx, .csv and .tsv, and prints a summary', async () => {
    const book = path.join(dir, 'book.xlsx');
    expect(await run('init', '--book', book)).toBe(0);
    expect(
      await run('import', 'inventory', path.join(root, 'templates/sample/inventory.tsv'), '--book', book),
    ).toBe(0);
    const original = await inventory(book);
    expect(original.length).toBeGreaterThan(3);
    for (const ext of ['xlsx', 'csv', 'tsv']) {
      const file = path.join(dir, `inventory.${ext}`);
      expect(await run('export', 'Inventory', '--book', book, '--out', file)).toBe(0);
      expect(out.join('')).toContain(`Exported ${original.length} rows of Inventory to`);
      const target = path.join(dir, `target-${ext}.xlsx`);
      expect(await run('init', '--book', target)).toBe(0);
      out = [];
      expect(await run('import', 'inventory', file, '--book', target)).toBe(0);
      expect(out.join('')).toContain(
        `${original.length} rows read: ${original.length} added, 0 updated, 0 unchanged, 0 rejected`,
      );
      expect(await inventory(target)).toEqual(original);
    }
  });

  test('bad rows go to FILE.errors.csv, the good ones are imported, exit code 1', async () => {
    const book = path.join(dir, 'book.xlsx');
    await run('init', '--book', book);
    const file = path.join(dir, 'stock.csv');
    fs.writeFileSync(file, 'sku,location,on-hand\nMUG,A-01,5\nTOTE,A-02,lots\nMUG,A-01,6\n=EVIL(),A-03,1\n');
    expect(await run('import', 'inventory', file, '--book', book)).toBe(1);
    const errors = fs.readFileSync(path.join(dir, 'stock.errors.csv'), 'utf8').replace(/^\uFEFF/, '');
    expect(errors.split('\r\n')[0]).toBe('row,column,value,message');
    expect(errors).toContain('3,on-hand,lots,on-hand is not a whole number');
    expect(errors).toContain('4,location,,duplicate sku + location: the same as row 2');
    expect((await inventory(book)).map((r) => r.sku)).toEqual(['MUG', '=EVIL()']);
    expect(out.join('')).toContain('4 rows read: 2 added, 0 updated, 0 unchanged, 2 rejected');
  });

  test('a file that is not the table it claims to be writes nothing (exit 2)', async () => {
    const book = path.join(dir, 'book.xlsx');
    await run('init', '--book', book);
    const before = fs.readFileSync(book);
    expect(
      await run('import', 'listings', path.join(root, 'templates/sample/inventory.tsv'), '--book', book),
    ).toBe(2);
    expect(err.join('')).toMatch(/inventory\.tsv is not a Listings file: .*It looks like an Inventory file/);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
  });

  test('--mode replace, --check, and unknown kinds', async () => {
    const book = path.join(dir, 'book.xlsx');
    await run('init', '--book', book);
    await run('import', 'inventory', path.join(root, 'templates/sample/inventory.tsv'), '--book', book);
    const file = path.join(dir, 'two.csv');
    fs.writeFileSync(file, 'sku,location,on-hand\nMUG-CER-12,A-01,9\nNEW-1,A-09,1\n');
    out = [];
    expect(await run('import', 'inventory', file, '--book', book, '--check')).toBe(0);
    expect(out.join('')).toContain(
      'Checked two.csv as Inventory: 2 rows read: 2 would be imported, 0 rejected. Nothing was written',
    );
    expect(await run('import', 'inventory', file, '--book', book, '--mode', 'replace')).toBe(0);
    expect((await inventory(book)).map((r) => `${r.sku}@${r.location}=${r['on-hand']}`)).toEqual([
      'MUG-CER-12@A-01=9',
      'NEW-1@A-09=1',
    ]);
    expect(await run('import', 'inventory', file, '--book', book, '--mode', 'overwrite')).toBe(2);
    expect(await run('export', 'nonsense', '--book', book, '--out', path.join(dir, 'x.csv'))).toBe(2);
    expect(err.join('')).toMatch(/unknown kind nonsense; use one of .*orders, inventory/);
    expect(await run('export', 'inventory', '--book', book, '--out', path.join(dir, 'x.pdf'))).toBe(2);
    expect(err.join('')).toMatch(/export writes \.xlsx, \.csv or \.tsv files/);
    expect(await run('export', 'inventory', '--book', book, '--out', book)).toBe(2);
    expect(err.join('')).toMatch(/is the workbook itself/);
  });

  test('the domain order import still handles `import orders`', async () => {
    const book = path.join(dir, 'book.xlsx');
    await run('init', '--book', book);
    out = [];
    expect(
      await run('import', 'orders', path.join(root, 'templates/sample/unshipped-orders.txt'), '--book', book),
    ).toBe(0);
    expect(out.join('')).toContain('order items');
  });
});
