// `shipsheet import TABLE FILE --book B.xlsx` streams bulk table files into the book: a book with parts
// exceljs cannot keep (a chart) is no longer refused, and --write-copy leaves the book as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { main } from '../../../src/node/cli';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';

let dir: string;
let out: string[];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-streamcli-'));
  out = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true));
  process.exitCode = undefined;
  process.env.SHIPSHEET_NOW = '2026-12-01T17:00:00Z';
});
afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const RATES =
  'carrier,service,zone,max-weight,weight-unit,price,currency,transit-days\n' +
  'USPS,Ground Advantage,1,1,lb,5.25,USD,3\nUPS,Ground,02,5,lb,12.10,USD,4\n';

test('a book with a chart takes a bulk import (the chart kept), and --write-copy writes elsewhere', async () => {
  const book = path.join(dir, 'book.xlsx');
  expect(await main(['init', '--book', book])).toBe(0);
  const zip = await JSZip.loadAsync(fs.readFileSync(book));
  zip.file(
    'xl/charts/chart1.xml',
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
  );
  fs.writeFileSync(book, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const file = path.join(dir, 'rates.csv');
  fs.writeFileSync(file, RATES);

  const copy = path.join(dir, 'copy.xlsx');
  const before = fs.readFileSync(book);
  expect(await main(['import', 'rates', file, '--book', book, '--write-copy', copy])).toBe(0);
  expect(fs.readFileSync(book).equals(before)).toBe(true);
  expect(fs.existsSync(copy)).toBe(true);

  out = [];
  expect(await main(['import', 'rates', file, '--book', book])).toBe(0);
  expect(out.join('')).toContain(
    'Imported rates.csv into Rates: 2 rows read: 2 added, 0 updated, 0 unchanged, 0 rejected.',
  );
  const after = await JSZip.loadAsync(fs.readFileSync(book));
  expect(await after.file('xl/charts/chart1.xml')!.async('string')).toContain('chartSpace');
  // The lead of the file's rows, as the backend reads them (zones as text with their zero).
  const b = await XlsxWorkbook.open(copy, { lock: false });
  const grid = (await b.read(['Rates'])).get('Rates')!;
  b.close();
  expect(grid[2].slice(0, 3)).toEqual(['UPS', 'Ground', '02']);
});
