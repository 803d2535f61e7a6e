/** The CLI end to end for the afternoon: record-tracking, export ship-confirm, health, import returns, purge-pii, validate-tracking. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, runCli } from './runCli';

const sample = (name: string) => path.join(ROOT, 'templates/sample', name);
const env = { SHIPSHEET_NOW: '2026-12-01T17:00:00Z' };
let dir: string;
let book: string;
beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-fulfil-'));
  book = path.join(dir, 'book.xlsx');
  expect(runCli(['init', '--book', book]).code).toBe(0);
  expect(runCli(['import', 'orders', sample('unshipped-orders.txt'), '--book', book], { env }).code).toBe(0);
  // No inventory on purpose: the returns test below wants a SKU without an Inventory row (`import inventory`
  // exists now, so importing the sample here would give TOTE-CNV-NAT one).
});
afterAll(async () => {
  await fs.promises.rm(dir, { recursive: true, force: true });
});

async function sheetRows(name: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  const ws = wb.getWorksheet(name)!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, v[i] ?? null])));
  });
  return out;
}

describe('shipsheet record-tracking, export ship-confirm, health, purge-pii', () => {
  it('records a shipping-tool export, with the bad row listed and exit 1', async () => {
    const r = runCli(['record-tracking', '--book', book, '--from', sample('carrier-export.csv')], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/6 order items shipped/);
    expect(r.stdout).toMatch(
      /carrier-export.csv, row 8, column tracking-number: 1Z4Y6W710303214814 looks like a UPS tracking number, not USPS/,
    );
    const orders = await sheetRows('Orders');
    const o1 = orders.find((o) => o['order-id'] === '112-4830021-7701001')!;
    expect(o1).toMatchObject({
      status: 'Shipped',
      carrier: 'USPS',
      'tracking-number': '9400111201080805483016',
    });
  });

  it('writes the ship-confirm file once; a second run writes nothing; --again writes it again', async () => {
    const out = path.join(dir, 'confirm.txt');
    const r = runCli(['export', 'ship-confirm', '--book', book, '--out', out], { env });
    expect(r.code).toBe(0);
    const text = await fs.promises.readFile(out, 'utf8');
    expect(text.split('\n')[0]).toBe(
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
    );
    expect(text.split('\n').filter((l) => l.includes('112-4830021-7701005'))).toEqual([
      '112-4830021-7701005\t52846711230006\t2\t2026-12-01\tUSPS\t\t9400111201080805483023\tUSPS Ground Advantage',
      '112-4830021-7701005\t52846711230006\t1\t2026-12-01\tUSPS\t\t9400111201080805483030\tUSPS Ground Advantage',
    ]);
    await fs.promises.rm(out);
    expect(runCli(['export', 'ship-confirm', '--book', book, '--out', out], { env }).stdout).toMatch(
      /Nothing to confirm/,
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(runCli(['export', 'ship-confirm', '--book', book, '--out', out, '--again'], { env }).code).toBe(0);
    expect(await fs.promises.readFile(out, 'utf8')).toBe(text);
  });

  it('prints health and writes the Health sheet', async () => {
    const r = runCli(['health', '--book', book, '--json'], { env });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.action).toBe('health');
    // 3 metrics × 3 windows; no order is due within 24 hours without tracking.
    expect((await sheetRows('Health')).length).toBe(9);
  });

  it('imports returns; a sellable return whose SKU has no Inventory row is a problem, exit 1', async () => {
    const r = runCli(['import', 'returns', sample('returns.txt'), '--book', book], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Imported returns.txt into Returns: 2 rows read: 2 added/);
    expect(r.stdout).toMatch(/Returns, row 2, column location: TOTE-CNV-NAT has no Inventory row/);
  });

  it('purge-pii after the retention period blanks buyer data', async () => {
    const later = { SHIPSHEET_NOW: '2027-01-15T17:00:00Z' };
    const r = runCli(['purge-pii', '--book', book], { env: later });
    expect(r.code).toBe(0);
    const o1 = (await sheetRows('Orders')).find((o) => o['order-id'] === '112-4830021-7701001')!;
    expect(o1['buyer-name']).toBeNull();
    expect(o1['ship-address-1']).toBeNull();
    expect(o1['ship-postal-code']).not.toBeNull();
    expect(o1['pii-purged-at']).toBe('2027-01-15T17:00:00Z');
  });

  it('validate-tracking prints carrier and validity and exits 1 when any number is invalid', () => {
    const ok = runCli(['validate-tracking', '1Z5R89390357567127', '9400 1112 0108 0805 4830 16']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^1Z5R89390357567127: valid — UPS/m);
    const bad = runCli(['validate-tracking', '1Z5R89390357567127', '1Z5R89390357567128']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /1Z5R89390357567128: invalid — UPS 1Z shape, but the check digit is 8, the UPS 1Z rule gives 7/,
    );
  });
});
