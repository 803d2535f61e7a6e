import type { Grid, WritePlan } from '../../../src/core';
import { decodeCell, ordersTable } from '../../../src/core';
import { FakeSheetsServer } from '../../fakes/fakeSheetsServer';
import { fakeSheetsBook, newSpreadsheet } from '../../fakes/fakeSheetsBook';

const server = new FakeSheetsServer();
beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  server.clearFaults();
  server.resetCounts();
  server.latencyMs = 0;
});

function inventory(rows: number): Grid {
  const g: Grid = [['sku', 'location', 'on-hand', 'my notes', 'reserved', 'available']];
  for (let i = 0; i < rows; i++) g.push([`SKU-${i}`, 'A-01', i, `note ${i}`, null, null]);
  return g;
}

function reserveAll(rows: number): WritePlan {
  const values = Array.from({ length: rows }, (_, i) => [i % 3, i - (i % 3)]);
  return { sheets: [{ sheet: 'Inventory', blocks: [{ row: 2, col: 5, values, formats: ['int', 'int'] }] }] };
}

function log(rows: number): WritePlan {
  return {
    sheets: [
      { sheet: 'Log', blocks: [{ row: rows + 2, col: 1, values: [['2026-12-01T17:00:00Z', 'test']] }] },
    ],
  };
}

describe('GoogleSheetsWorkbook request counts', () => {
  it.each([100, 5000])(
    'reads tables with one get and one batchGet, and writes with four requests, at %i rows',
    async (rows) => {
      const id = newSpreadsheet(server, {
        Inventory: inventory(rows),
        Log: [['time', 'action']],
        Orders: [['order-item-id']],
      });
      const book = fakeSheetsBook(server, id);
      const got = await book.read(['Inventory', 'Log', 'Orders', 'Missing']);
      expect(got.get('Inventory')).toHaveLength(rows + 1);
      expect(got.get('Missing')).toBeNull();
      expect(server.counts()).toEqual({ get: 1, 'values.batchGet': 1 });
      server.resetCounts();
      await book.write({ sheets: [...reserveAll(rows).sheets, ...log(0).sheets] });
      expect(server.counts()).toEqual({ get: 1, batchUpdate: 2, 'values.batchUpdate': 1 });
      const after = server.values(id, 'Inventory');
      expect(after[rows]).toEqual([
        `SKU-${rows - 1}`,
        'A-01',
        rows - 1,
        `note ${rows - 1}`,
        (rows - 1) % 3,
        rows - 1 - ((rows - 1) % 3),
      ]);
      expect(server.sheetTitles(id)).toEqual(['Inventory', 'Log', 'Orders']);
    },
  );

  it('splits large uploads so no request body passes the limit, and still commits once', async () => {
    const id = newSpreadsheet(server, { Inventory: inventory(3000) });
    const book = fakeSheetsBook(server, id, { maxRequestBytes: 4000 });
    await book.write(reserveAll(3000));
    const uploads = server.requests.filter((r) => r.kind === 'values.batchUpdate');
    const total = uploads.reduce((n, u) => n + u.bytes, 0);
    expect(uploads.length).toBeGreaterThanOrEqual(Math.ceil(total / 4000));
    expect(uploads.length).toBeGreaterThan(5);
    for (const u of uploads) expect(u.bytes).toBeLessThanOrEqual(4000);
    expect(server.counts().batchUpdate).toBe(2);
    const after = server.values(id, 'Inventory');
    expect(after.slice(1).map((r) => r[4])).toEqual(Array.from({ length: 3000 }, (_, i) => i % 3));
  });
});

describe('GoogleSheetsWorkbook atomicity and faults', () => {
  it('recovers from a 429 storm with backoff and writes exactly once', async () => {
    const id = newSpreadsheet(server, { Inventory: inventory(50), Log: [['time', 'action']] });
    const waits: number[] = [];
    const book = fakeSheetsBook(server, id, {
      retry: {
        baseDelayMs: 10,
        maxDelayMs: 1000,
        random: () => 0.5,
        sleep: async (ms) => void waits.push(ms),
      },
    });
    server.inject({ status: 429, times: 6, retryAfter: undefined });
    server.inject({ kind: 'batchUpdate', status: 503, times: 2 });
    await book.write({ sheets: [...reserveAll(50).sheets, ...log(0).sheets] });
    expect(waits.slice(0, 6)).toEqual([15, 25, 45, 85, 165, 325]);
    const statuses = server.requests.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2);
    expect(server.values(id, 'Log')).toEqual([
      ['time', 'action'],
      ['2026-12-01T17:00:00Z', 'test'],
    ]);
    expect(server.values(id, 'Inventory')[2].slice(4)).toEqual([1, 0]);
    expect(server.sheetTitles(id)).toEqual(['Inventory', 'Log']);
  });

  it('honours Retry-After', async () => {
    const id = newSpreadsheet(server, { A: [['x']] });
    const waits: number[] = [];
    const book = fakeSheetsBook(server, id, { retry: { sleep: async (ms) => void waits.push(ms) } });
    server.inject({ status: 429, retryAfter: 3 });
    await book.read(['A']);
    expect(waits).toEqual([3000]);
  });

  it('gives up after bounded retries with a clear error and leaves the sheet as it was', async () => {
    const id = newSpreadsheet(server, { Inventory: inventory(20) });
    const before = server.values(id, 'Inventory');
    const book = fakeSheetsBook(server, id, {
      retry: { maxAttempts: 4, baseDelayMs: 1, sleep: async () => undefined },
    });
    server.inject({ kind: 'values.batchUpdate', status: 429, times: 1000 });
    await expect(book.write(reserveAll(20))).rejects.toThrow(
      /429.*after 4 attempts.*60 requests a minute.*Nothing was written to Inventory/s,
    );
    server.clearFaults();
    expect(server.values(id, 'Inventory')).toEqual(before);
    expect(server.sheetTitles(id)).toEqual(['Inventory']);
    expect(server.counts()['values.batchUpdate']).toBe(4);
  });

  it('leaves every table as it was when an upload part fails, and removes the staging sheet', async () => {
    const id = newSpreadsheet(server, { Inventory: inventory(2000), Log: [['time', 'action']] });
    const before = [server.values(id, 'Inventory'), server.values(id, 'Log')];
    const book = fakeSheetsBook(server, id, { maxRequestBytes: 8000 });
    server.inject({ kind: 'values.batchUpdate', status: 400, skip: 2 });
    await expect(book.write({ sheets: [...reserveAll(2000).sheets, ...log(0).sheets] })).rejects.toThrow(
      /Nothing was written to Inventory, Log/,
    );
    expect([server.values(id, 'Inventory'), server.values(id, 'Log')]).toEqual(before);
    expect(server.sheetTitles(id)).toEqual(['Inventory', 'Log']);
  });

  it('leaves everything as it was when the commit is refused', async () => {
    const id = newSpreadsheet(server, { Inventory: inventory(10), Log: [['time', 'action']] });
    const before = server.values(id, 'Inventory');
    const book = fakeSheetsBook(server, id);
    server.inject({ kind: 'batchUpdate', status: 400, skip: 1 });
    await expect(book.write({ sheets: [...reserveAll(10).sheets, ...log(0).sheets] })).rejects.toThrow(
      /Nothing was written to Inventory, Log/,
    );
    expect(server.values(id, 'Inventory')).toEqual(before);
    expect(server.values(id, 'Log')).toEqual([['time', 'action']]);
    expect(server.sheetTitles(id)).toEqual(['Inventory', 'Log']);
  });

  it('knows a commit whose answer was lost was applied, and does not apply it twice', async () => {
    const id = newSpreadsheet(server, { Log: [['time', 'action']] });
    const book = fakeSheetsBook(server, id);
    server.inject({ kind: 'batchUpdate', status: 500, skip: 1, afterApply: true });
    await book.write(log(0));
    expect(server.values(id, 'Log')).toEqual([
      ['time', 'action'],
      ['2026-12-01T17:00:00Z', 'test'],
    ]);
    expect(server.sheetTitles(id)).toEqual(['Log']);
  });

  it('refuses a write to a missing sheet before sending any write request', async () => {
    const id = newSpreadsheet(server, { A: [['h']] });
    const book = fakeSheetsBook(server, id);
    await expect(
      book.write({ sheets: [{ sheet: 'Nope', blocks: [{ row: 1, col: 1, values: [['x']] }] }] }),
    ).rejects.toThrow(/no sheet named Nope; nothing was written/);
    expect(server.counts()).toEqual({ get: 1 });
  });

  it('removes staging sheets left over by a failed run more than an hour ago', async () => {
    const id = newSpreadsheet(server, {
      A: [['h']],
      [`shipsheet-staging-${(Date.now() - 7200_000).toString(36)}-abc`]: [['x']],
    });
    const book = fakeSheetsBook(server, id);
    expect(await book.sheetNames()).toEqual(['A']);
    await book.write({ sheets: [{ sheet: 'A', blocks: [{ row: 2, col: 1, values: [['v']] }] }] });
    expect(server.sheetTitles(id)).toEqual(['A']);
  });

  it('explains a permission error and a missing spreadsheet', async () => {
    const id = newSpreadsheet(server, { A: [['h']] });
    const book = fakeSheetsBook(server, id, {
      principal: 'the service account bot@p.iam.gserviceaccount.com',
    });
    server.inject({ status: 403 });
    await expect(book.read(['A'])).rejects.toThrow(
      /Share the spreadsheet with the service account bot@p\.iam/,
    );
    await expect(fakeSheetsBook(server, 'no-such-sheet-id').read(['A'])).rejects.toThrow(
      /no spreadsheet with id no-such-sheet-id/,
    );
  });
});

describe('GoogleSheetsWorkbook values and formats', () => {
  it('writes RAW: ZIPs and ids stay text, where USER_ENTERED would turn them into numbers', async () => {
    const id = newSpreadsheet(server, { T: [['zip', 'formula-looking']] });
    const book = fakeSheetsBook(server, id);
    await book.write({
      sheets: [
        {
          sheet: 'T',
          blocks: [
            {
              row: 2,
              col: 1,
              values: [
                ['02134', '=1+1'],
                ['TRUE', '2026-12-01'],
              ],
              formats: ['text', 'text'],
            },
          ],
        },
      ],
    });
    expect(server.values(id, 'T').slice(1)).toEqual([
      ['02134', '=1+1'],
      ['TRUE', '2026-12-01'],
    ]);
    expect(server.sheet(id, 'T')!.cells[1][0]!.numberFormat).toEqual({ type: 'TEXT', pattern: '@' });
    // What the API would have done with the same text typed in (USER_ENTERED) into a cell without a format.
    const res = await fetch(
      `${server.rootUrl}v4/spreadsheets/${id}/values/${encodeURIComponent("'T'!C2:D2")}?valueInputOption=USER_ENTERED`,
      {
        method: 'PUT',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify({ values: [['02134', 'TRUE']] }),
      },
    );
    expect(res.status).toBe(200);
    expect(server.values(id, 'T')[1].slice(2)).toEqual([2134, true]);
  });

  it('stores dates as dates (serial day, DATE format) and reads them back through the core codec', async () => {
    const id = newSpreadsheet(server, { D: [['ship-date']] });
    const book = fakeSheetsBook(server, id);
    await book.write({
      sheets: [
        {
          sheet: 'D',
          blocks: [{ row: 2, col: 1, values: [['2026-12-01'], ['1999-12-31']], formats: ['date'] }],
        },
      ],
    });
    const cell = server.sheet(id, 'D')!.cells[1][0]!;
    expect(cell).toMatchObject({ v: 46357, numberFormat: { type: 'DATE' } });
    const grid = (await book.read(['D'])).get('D')!;
    const spec = ordersTable.columns.find((c) => c.name === 'ship-date')!;
    expect(grid.slice(1).map((r) => decodeCell(spec, r[0]))).toEqual([
      { ok: true, value: '2026-12-01' },
      { ok: true, value: '1999-12-31' },
    ]);
  });

  it('keeps the formatting of cells it writes (values are pasted, formats are not)', async () => {
    const id = newSpreadsheet(server, {
      A: [
        ['h', 'x'],
        ['old', 'y'],
      ],
    });
    server.sheet(id, 'A')!.cells[1][0]!.bold = true;
    const book = fakeSheetsBook(server, id);
    await book.write({ sheets: [{ sheet: 'A', blocks: [{ row: 2, col: 1, values: [['new']] }] }] });
    expect(server.sheet(id, 'A')!.cells[1][0]).toMatchObject({ v: 'new', bold: true });
  });

  it('writes blanks as blanks (the API would skip null and keep the old value)', async () => {
    const id = newSpreadsheet(server, {
      A: [
        ['h', 'problem'],
        ['1', 'was short'],
      ],
    });
    const book = fakeSheetsBook(server, id);
    await book.write({ sheets: [{ sheet: 'A', blocks: [{ row: 2, col: 2, values: [[null]] }] }] });
    expect(server.values(id, 'A')).toEqual([['h', 'problem'], ['1']]);
  });

  it('handles sheet names with quotes and spaces, and grows the grid for rows past its end', async () => {
    const id = newSpreadsheet(server, { "Bob's Orders": [['k']] });
    const book = fakeSheetsBook(server, id);
    const values = Array.from({ length: 1500 }, (_, i) => [`r${i}`]);
    await book.write({
      sheets: [
        {
          sheet: "Bob's Orders",
          blocks: [
            { row: 2, col: 1, values },
            { row: 1, col: 30, values: [['far']] },
          ],
        },
      ],
    });
    const grid = (await book.read(["Bob's Orders"])).get("Bob's Orders")!;
    expect(grid).toHaveLength(1501);
    expect(grid[0][29]).toBe('far');
    expect(server.sheet(id, "Bob's Orders")!.rowCount).toBe(1501);
  });

  it('deletes rows below the header of a frozen sheet, keeping the one row Sheets requires', async () => {
    const id = newSpreadsheet(server, { R: [['a'], ['1'], ['2']] });
    server.sheet(id, 'R')!.frozenRowCount = 1;
    const book = fakeSheetsBook(server, id);
    await book.write({ sheets: [{ sheet: 'R', deleteRowsAfter: 1, blocks: [] }] });
    expect((await book.read(['R'])).get('R')).toEqual([['a']]);
    expect(server.sheet(id, 'R')!.rowCount).toBe(2);
  });

  it('creates sheets with a frozen, bold header', async () => {
    const id = newSpreadsheet(server, {});
    const book = fakeSheetsBook(server, id);
    await book.write({
      sheets: [
        {
          sheet: 'New',
          create: true,
          freezeHeader: true,
          blocks: [
            {
              row: 1,
              col: 1,
              values: [
                ['k', 'v'],
                ['a', 'b'],
              ],
            },
          ],
        },
      ],
    });
    const s = server.sheet(id, 'New')!;
    expect(s.frozenRowCount).toBe(1);
    expect(s.cells[0][0]).toMatchObject({ v: 'k', bold: true });
    expect(await book.sheetNames()).toEqual(['Sheet1', 'New']);
  });
});
