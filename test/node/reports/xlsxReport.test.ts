// The report in .xlsx: the --out file holds the tables and the chart PNG; the workbook's Sales Report sheet
// carries the chart image too, and re-running replaces it rather than piling images up.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from '../cli/runCli';
import { NOW, SAMPLE_ALL_ORDERS, SAMPLE_SETTLEMENT, sampleBook, tempDir, testOutput } from './fixtures';

const PNG_SIGNATURE = '89504e470d0a1a0a';

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function media(file: string): Promise<Buffer[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => n.startsWith('xl/media/') && !zip.files[n].dir);
  return Promise.all(names.map(async (n) => zip.file(n)!.async('nodebuffer')));
}

it('shipsheet report sales writes the Sales Report sheet with its chart, an .xlsx and an .html, and reruns cleanly', async () => {
  const dir = tempDir('report-xlsx-');
  const book = await sampleBook(dir);
  const out = path.join(dir, 'week.xlsx');
  const html = path.join(dir, 'week.html');
  const args = [
    'report',
    'sales',
    '--book',
    book,
    '--period',
    'week',
    '--from',
    '2026-11-23',
    '--to',
    '2026-11-29',
    '--all-orders',
    SAMPLE_ALL_ORDERS,
    '--settlement',
    SAMPLE_SETTLEMENT,
    '--out',
    out,
    '--out',
    html,
  ];
  const env = { SHIPSHEET_NOW: NOW.toISOString() };
  const first = runCli(args, { env });
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(
    /Sales Report rebuilt: week report 2026-11-23 to 2026-11-29 in USD: 28 order lines/,
  );
  expect(first.stdout).toMatch(/Estimate: Estimated fees/);
  expect(fs.existsSync(html)).toBe(true);

  // The --out workbook: a Chart sheet with the image, the Sales Report table, By period and By SKU.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Chart', 'Sales Report', 'By period', 'By SKU']);
  expect(wb.getWorksheet('Chart')!.getImages()).toHaveLength(1);
  const table = wb.getWorksheet('Sales Report')!;
  expect(table.getRow(1).getCell(1).value).toBe('section');
  expect(table.getRow(2).values).toEqual(
    expect.arrayContaining(['Total', '2026-11-23 to 2026-11-29', 'USD', 23, 35]),
  );
  const [chart] = await media(out);
  const size = pngSize(chart);
  expect(size.width).toBeGreaterThan(800);
  expect(size.height).toBeGreaterThan(500);
  fs.writeFileSync(testOutput('reports', 'xlsx-chart.png'), chart);

  // The seller's workbook: its Sales Report sheet has the table and one chart image beside it.
  const again = runCli(args, { env });
  expect(again.code).toBe(0);
  const seller = new ExcelJS.Workbook();
  await seller.xlsx.readFile(book);
  const sheet = seller.getWorksheet('Sales Report')!;
  expect(sheet.getImages()).toHaveLength(1);
  expect(Number(sheet.getImages()[0].range.tl.col)).toBeGreaterThanOrEqual(21);
  expect(await media(book)).toHaveLength(1);
  expect(seller.getWorksheet('Orders')!.rowCount).toBe(15);
  expect(seller.getWorksheet('Log')!.rowCount).toBeGreaterThanOrEqual(3);
});

it('refuses an --out that is neither .html nor .xlsx, and an unknown period, writing nothing', async () => {
  const dir = tempDir('report-bad-');
  const book = await sampleBook(dir);
  const before = fs.readFileSync(book);
  const a = runCli(['report', 'sales', '--book', book, '--out', path.join(dir, 'x.pdf')]);
  expect(a.code).toBe(2);
  expect(a.stderr).toMatch(/x\.pdf: the report is written as \.html or \.xlsx/);
  const b = runCli(['report', 'sales', '--book', book, '--period', 'year']);
  expect(b.code).toBe(2);
  expect(b.stderr).toMatch(/--period year: use day, week or month/);
  expect(fs.readFileSync(book).equals(before)).toBe(true);
});
