import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeTable, ratesTable } from '../../../src/core';
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

// `import inventory|listings|orders|returns` are domain importers; Rates only has the bulk import.
const RATES =
  'carrier,service,zone,max-weight,weight-unit,price,currency,transit-days\n' +
  'USPS,Ground Advantage,1,1,lb,5.25,USD,3\nUSPS,Ground Advantage,2,1,lb,5.45,USD,3\n' +
  'UPS,Ground,02,5,lb,12.10,USD,4\nFedEx,Home Delivery,8,70,lb,98.00,USD,5\n';

async function rates(book: string) {
  const b = await XlsxWorkbook.open(book, { lock: false });
  try {
    const grid = (await b.read(['Rates'])).get('Rates')!;
    return decodeTable(ratesTable, grid).rows.map((r) => r.record);
  } finally {
    b.close();
  }
}

describe('shipsheet export / import of any table', () => {
  test('export then import round-trips a table through .xlsx, .csv and .tsv, and prints a summary', async () => {
    const book = path.join(dir, 'book.xlsx');
    expect(await run('init', '--book', book)).toBe(0);
    fs.writeFileSync(path.join(dir, 'rates.csv'), RATES);
    expect(await run('import', 'rates', path.join(dir, 'rates.csv'), '--book', book)).toBe(0);
    const original = await rates(book);
    expect(original.length).toBeGreaterThan(3);
    for (const ext of ['xlsx', 'csv', 'tsv']) {
      const file = path.join(dir, `out-rates.${ext}`);
      expect(await run('export', 'Rates', '--book', book, '--out', file)).toBe(0);
      expect(out.join('')).toContain(`Exported ${original.length} rows of Rates to`);
      const target = path.join(dir, `target-${ext}.xlsx`);
      expect(await run('init', '--book', target)).toBe(0);
      out = [];
      expect(await run('import', 'rates', file, '--book', target)).toBe(0);
      expect(out.join('')).toContain(
        `${original.length} rows read: ${original.length} added, 0 updated, 0 unchanged, 0 rejected`,
      );
      expect(await rates(target)).toEqual(original);
    }
  });

  test('bad rows go to FILE.errors.csv, the good ones are imported, exit code 1', async () => {
    const book = path.join(dir, 'book.xlsx');
    await run('init', '--book', book);
    const file = path.join(dir, 'stock.csv');
    fs.writeFileSync(
      file,
      'carrier,service,zone,max-weight,price\nUSPS,Ground,1,1,5\nUSPS,Ground,2,1,lots\nUSPS,Ground,1,1,6\n=EVIL(),Ground,3,1,1\n',
    );
    expect(await run('import', 'rates', file, '--book', book)).toBe(1);
    const errors = fs.readFileSync(path.join(dir, 'stock.errors.csv'), 'utf8').replace(/^\uFEFF/, '');
    expect(errors.split('\r\n')[0]).toBe('row,column,value,message');
    expect(errors).toContain('3,price,lots,price is not an amount');
    expect(errors).toContain(
      '4,weight-unit,,duplicate carrier + service + zone + max-weight + weight-unit: the same as row 2',
    );
    expect((await rates(book)).map((r) => r.carrier)).toEqual(['USPS', '=EVIL()']);
    expect(out.join('')).toContain('4 rows read: 2 added, 0 updated, 0 unchanged, 2 rejected');
  });

  test('a file that is not the table it claims to be writes nothing (exit 2)', async () => {
    const book = path.join(dir, 'book.xlsx');
    await run('init', '--book', book);
    const before = fs.readFileSync(book);
    expect(
      await run('import', 'rules', path.join(root, 'templates/sample/inventory.tsv'), '--book', book),
    ).toBe(2);
    expect(err.join('')).toMatch(/inventory\.tsv is not a Rules file: .*It looks like an Inventory file/);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
  });

  test('--mode replace, --check, and unknown kinds', async () => {
    const book = path.join(dir, 'book.xlsx');
    await run('init', '--book', book);
    fs.writeFileSync(path.join(dir, 'rates.csv'), RATES);
    await run('import', 'rates', path.join(dir, 'rates.csv'), '--book', book);
    const file = path.join(dir, 'two.csv');
    fs.writeFileSync(
      file,
      'carrier,service,zone,max-weight,price\nUPS,Ground,02,5,13.00\nDHL,Express,9,1,40\n',
    );
    out = [];
    expect(await run('import', 'rates', file, '--book', book, '--check')).toBe(0);
    expect(out.join('')).toContain(
      'Checked two.csv as Rates: 2 rows read: 2 would be imported, 0 rejected. Nothing was written',
    );
    expect(await run('import', 'rates', file, '--book', book, '--mode', 'replace')).toBe(0);
    expect((await rates(book)).map((r) => `${r.carrier}/${r.zone}=${r.price}`)).toEqual([
      'UPS/02=1300',
      'DHL/9=4000',
    ]);
    expect(await run('import', 'rates', file, '--book', book, '--mode', 'overwrite')).toBe(2);
    expect(await run('export', 'nonsense', '--book', book, '--out', path.join(dir, 'x.csv'))).toBe(2);
    expect(err.join('')).toMatch(/unknown kind nonsense; use one of .*orders, inventory/);
    expect(await run('export', 'rates', '--book', book, '--out', path.join(dir, 'x.pdf'))).toBe(2);
    expect(err.join('')).toMatch(/export writes \.xlsx, \.csv or \.tsv files/);
    expect(await run('export', 'rates', '--book', book, '--out', book)).toBe(2);
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
