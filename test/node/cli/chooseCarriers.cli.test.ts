/** `shipsheet choose-carriers` end to end on an .xlsx workbook: rates, prints, is idempotent, refuses bad rules. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import type { Grid } from '../../../src/core';
import { carrierSheets, orderRow } from '../../core/workflow/carrierFixture';
import { runCli } from './runCli';

let dir: string;
let book: string;
const env = { SHIPSHEET_NOW: '2026-12-01T17:00:00Z' };

async function makeBook(overrides: Record<string, Grid> = {}): Promise<void> {
  const sheets = carrierSheets(
    [
      orderRow({ order: 'A', item: 'A1', sku: 'MUG' }),
      orderRow({ order: 'B', item: 'B1', sku: 'MUG', zip: '90210', business: true }),
      orderRow({ order: 'B', item: 'B2', sku: 'CANDLE', zip: '90210', business: true }),
      orderRow({ order: 'E', item: 'E1', sku: 'MUG', zip: '60657' }),
    ],
    overrides,
  );
  const wb = await XlsxWorkbook.open(book, { create: true });
  try {
    await wb.write({
      sheets: Object.entries(sheets).map(([sheet, values]) => {
        const width = Math.max(...values.map((r) => r.length));
        return {
          sheet,
          create: true,
          blocks: [
            { row: 1, col: 1, values: values.map((r) => [...r, ...Array(width - r.length).fill(null)]) },
          ],
        };
      }),
    });
  } finally {
    wb.close();
  }
}

beforeEach(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-carriers-'));
  book = path.join(dir, 'book.xlsx');
});
afterEach(async () => {
  await fs.promises.rm(dir, { recursive: true, force: true });
});

describe('shipsheet choose-carriers', () => {
  it('rates the allocated items, lists the order it could not rate (exit 1), and a second run changes nothing', async () => {
    await makeBook();
    const r = runCli(['choose-carriers', '--book', book], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /4 order items to rate: 3 rated in 2 packages \(postage 19\.00 USD\), 1 not rated; 4 rows changed; ship date 2026-12-01/,
    );
    expect(r.stdout).toMatch(/Orders, row 5, column ship-postal-code: no Zones row covers ZIP 606xx/);
    const again = runCli(['choose-carriers', '--book', book, '--json'], { env });
    const json = JSON.parse(again.stdout);
    expect(json).toMatchObject({
      action: 'choose carriers',
      ok: true,
      exitCode: 1,
      stats: { rated: 3, unrated: 1, changed: 0 },
    });
  });

  it('refuses a workbook whose rule does not parse (exit 2) and leaves the file byte for byte as it was', async () => {
    await makeBook({
      Rules: [
        ['priority', 'condition', 'action'],
        [1, 'weight-oz <= 15', 'exclude DHL'],
      ],
    });
    const before = await fs.promises.readFile(book);
    const r = runCli(['choose-carriers', '--book', book], { env });
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/Rules, row 2, column action: "DHL" is not a carrier or service/);
    expect((await fs.promises.readFile(book)).equals(before)).toBe(true);
  });
});
