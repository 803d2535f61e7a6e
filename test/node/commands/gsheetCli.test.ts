import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeTable, ordersTable } from '../../../src/core';
import { main } from '../../../src/node/cli';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { templatePath } from '../../../src/node/packageRoot';
import { FakeSheetsServer } from '../../fakes/fakeSheetsServer';
import { fakeSheetsBook, newSpreadsheet } from '../../fakes/fakeSheetsBook';

const server = new FakeSheetsServer();
const saved = { ...process.env };
let dir: string;
let out: string[];

beforeAll(async () => {
  await server.start();
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-gcli-'));
  // No trailing slash on purpose: Shipsheet adds the one googleapis needs.
  process.env.SHIPSHEET_SHEETS_ROOT_URL = server.rootUrl.replace(/\/$/, '');
  process.env.SHIPSHEET_GOOGLE_ACCESS_TOKEN = 'cli-token';
  process.env.SHIPSHEET_NOW = '2026-12-01T17:00:00Z';
});
afterAll(async () => {
  process.env = saved;
  await server.stop();
  await fs.promises.rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  out = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true));
  process.exitCode = undefined;
});
afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
});

const orders = (grid: Parameters<typeof decodeTable>[1]) => decodeTable(ordersTable, grid).rows;

describe('the CLI on a Google Sheet', () => {
  it('runs init and import orders with --book gsheet:ID, in a constant number of requests', async () => {
    const id = newSpreadsheet(server, {});
    expect(await main(['init', '--book', `gsheet:${id}`])).toBe(0);
    expect(server.sheetTitles(id)).toEqual(
      expect.arrayContaining(['Orders', 'Inventory', 'Settings', 'Log']),
    );
    server.resetCounts();
    expect(
      await main([
        'import',
        'orders',
        templatePath('sample', 'unshipped-orders.txt'),
        '--book',
        `gsheet:${id}`,
      ]),
    ).toBe(0);
    // Lock, read (get + batchGet), write (get, staging, upload, commit), unlock.
    expect(server.counts()).toEqual({
      get: 2,
      'values.batchGet': 1,
      batchUpdate: 4,
      'values.batchUpdate': 1,
    });
    expect(server.sheetTitles(id)).not.toContain('shipsheet-lock');
    const rows = orders(server.values(id, 'Orders'));
    expect(rows).toHaveLength(14);
    expect(out.join('')).toMatch(/Imported unshipped-orders.txt into gsheet:.*14 added/);
    expect(server.tokens.every((t) => t === 'cli-token')).toBe(true);
  });

  it('pulls a Google Sheet into a new local workbook and pushes back without changing anything', async () => {
    const id = newSpreadsheet(server, {});
    await main(['init', '--book', `gsheet:${id}`]);
    await main([
      'import',
      'orders',
      templatePath('sample', 'unshipped-orders.txt'),
      '--book',
      `gsheet:${id}`,
    ]);
    const local = path.join(dir, 'local.xlsx');
    expect(await main(['sync', 'pull', '--spreadsheet', id, '--book', local])).toBe(0);
    expect(out.join('')).toMatch(/Orders: 14 added/);
    const book = await XlsxWorkbook.open(local, { lock: false });
    const grid = (await book.read(['Orders'])).get('Orders')!;
    book.close();
    const pulled = orders(grid);
    expect(pulled).toHaveLength(14);
    const fromGoogle = orders(server.values(id, 'Orders'));
    expect(pulled.map((r) => r.record)).toEqual(fromGoogle.map((r) => r.record));
    out = [];
    expect(
      await main([
        'sync',
        'push',
        '--spreadsheet',
        `https://docs.google.com/spreadsheets/d/${id}/edit`,
        '--book',
        local,
        '--json',
      ]),
    ).toBe(0);
    const result = JSON.parse(out.join('')) as { stats: Record<string, number> };
    // Only the Log differs: the pull's own Log row goes up.
    expect(result.stats).toMatchObject({ updated: 0 });
    expect(orders(server.values(id, 'Orders')).map((r) => r.record)).toEqual(fromGoogle.map((r) => r.record));
  });

  it('refuses to run while another run holds the sheet, writing nothing', async () => {
    const id = newSpreadsheet(server, {});
    const release = await fakeSheetsBook(server, id).lock('cron@server, pid 42');
    expect(await main(['init', '--book', `gsheet:${id}`])).toBe(2);
    expect(out.join('')).toMatch(/in use by another Shipsheet run \(cron@server, pid 42/);
    expect(server.sheetTitles(id)).toEqual(['Sheet1', 'shipsheet-lock']);
    await release();
    expect(await main(['init', '--book', `gsheet:${id}`])).toBe(0);
  });

  it('exits 2 with a clear message for a spreadsheet that does not exist or a bad id', async () => {
    expect(await main(['init', '--book', 'gsheet:doesNotExist123'])).toBe(2);
    expect(out.join('')).toMatch(/Google has no spreadsheet with id doesNotExist123/);
    out = [];
    expect(await main(['init', '--book', 'gsheet:no!'])).toBe(2);
    expect(out.join('')).toMatch(/not a Google spreadsheet id/);
    out = [];
    const id = newSpreadsheet(server, {});
    const file = templatePath('sample', 'unshipped-orders.txt');
    expect(await main(['import', 'orders', file, '--book', `gsheet:${id}`, '--write-copy', 'x.xlsx'])).toBe(
      2,
    );
    expect(out.join('')).toMatch(/--write-copy is for .xlsx workbooks/);
  });
});
