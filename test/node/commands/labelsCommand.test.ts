/**
 * `shipsheet labels` and `shipsheet void` end to end on an .xlsx workbook: files written, Orders and Shipments
 * recorded, a second run buys nothing, ZPL sent to a printer (a TCP server on 127.0.0.1 standing in for it).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Workbook } from '../../../src/core';
import { decodeTable, ordersTable, shipmentsTable } from '../../../src/core';
import { main } from '../../../src/node/cli';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { ratedWorkbook, TEN_ORDERS } from '../../core/workflow/labelFixtures';

process.env.SHIPSHEET_NOW = '2026-12-01T17:00:00Z';

async function xlsxBook(dir: string): Promise<string> {
  const memory = await ratedWorkbook(TEN_ORDERS.slice(0, 4));
  const file = path.join(dir, 'book.xlsx');
  const xlsx = await XlsxWorkbook.open(file, { create: true });
  const names = await memory.sheetNames();
  const grids = await memory.read(names);
  await xlsx.write({
    sheets: names.map((sheet) => {
      const grid = grids.get(sheet) ?? [];
      const width = Math.max(1, ...grid.map((r) => r.length));
      return {
        sheet,
        create: true,
        blocks: grid.length
          ? [{ row: 1, col: 1, values: grid.map((r) => [...r, ...Array(width - r.length).fill(null)]) }]
          : [],
      };
    }),
  });
  xlsx.close();
  return file;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

async function sheet(file: string) {
  const book: Workbook = await XlsxWorkbook.open(file, { lock: false });
  const t = await book.read([ordersTable.name, shipmentsTable.name]);
  (book as XlsxWorkbook).close();
  return {
    orders: decodeTable(ordersTable, t.get(ordersTable.name)!).rows.map((r) => r.record),
    shipments: decodeTable(shipmentsTable, t.get(shipmentsTable.name)!).rows.map((r) => r.record),
  };
}

describe('shipsheet labels', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-cli-labels-'));
  });

  test('writes labels, slips and pick list, records the workbook; a second run buys nothing', async () => {
    const book = await xlsxBook(dir);
    const out = path.join(dir, 'out');
    const first = await cli(['labels', '--book', book, '--format', 'pdf', '--out', out]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/4 labels bought/);
    expect(fs.readdirSync(out).sort()).toEqual([
      'labels-20261201-170000.pdf',
      'packing-slips-20261201-170000.pdf',
      'pick-list-20261201-170000.pdf',
    ]);
    const after = await sheet(book);
    expect(after.shipments).toHaveLength(4);
    expect(
      after.orders.every((o) => o.status === 'Labeled' && o['tracking-number'] && o['shipment-id']),
    ).toBe(true);

    const second = await cli(['labels', '--book', book, '--format', 'pdf', '--out', out, '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).stats).toMatchObject({ bought: 0, skipped: 4 });
    expect((await sheet(book)).shipments).toEqual(after.shipments);
  });

  test('--printer sends the ZPL batch to host:port', async () => {
    const book = await xlsxBook(dir);
    const received: Buffer[] = [];
    const server = net.createServer((socket) => socket.on('data', (d) => received.push(d)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const r = await cli([
        'labels',
        '--book',
        book,
        '--format',
        'zpl',
        '--out',
        path.join(dir, 'out'),
        '--printer',
        `127.0.0.1:${port}`,
      ]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(
        new RegExp(`Sent labels-20261201-170000.zpl \\(\\d+ bytes\\) to 127.0.0.1:${port}`),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const sent = Buffer.concat(received).toString('utf8');
    expect(sent).toBe(fs.readFileSync(path.join(dir, 'out', 'labels-20261201-170000.zpl'), 'utf8'));
    expect(sent.match(/\^XA/g)).toHaveLength(4);
  });

  test('a printer that is not there is a problem, the labels stay bought and saved', async () => {
    const book = await xlsxBook(dir);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const r = await cli([
      'labels',
      '--book',
      book,
      '--format',
      'zpl',
      '--out',
      path.join(dir, 'out'),
      '--printer',
      `127.0.0.1:${port}`,
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/cannot print to 127.0.0.1/);
    expect((await sheet(book)).shipments).toHaveLength(4);
  });

  test('bad usage is refused before anything is bought', async () => {
    const book = await xlsxBook(dir);
    expect((await cli(['labels', '--book', book, '--format', 'png'])).code).toBe(2);
    expect(
      (await cli(['labels', '--book', book, '--format', 'pdf', '--printer', '127.0.0.1:9100'])).code,
    ).toBe(2);
    expect((await cli(['labels', '--book', book, '--printer', 'not a host:x'])).code).toBe(2);
    expect((await sheet(book)).shipments).toHaveLength(0);
  });

  test('void SHIPMENT-ID voids the label and puts its items back to Rated', async () => {
    const book = await xlsxBook(dir);
    await cli(['labels', '--book', book, '--out', path.join(dir, 'out')]);
    const { shipments } = await sheet(book);
    const id = shipments[0]['shipment-id'];
    const r = await cli(['void', id, '--book', book]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`voided ${id}`));
    const after = await sheet(book);
    expect(after.shipments[0].state).toBe('Voided');
    expect(after.orders.filter((o) => o.status === 'Rated').map((o) => o['order-id'])).toEqual([
      shipments[0]['order-id'],
    ]);
    expect((await cli(['void', id, '--book', book])).code).toBe(2);
    expect((await cli(['void', 'SH-NOPE', '--book', book])).code).toBe(2);
  });
});
