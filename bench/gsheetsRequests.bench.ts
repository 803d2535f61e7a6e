// Sheets API requests per action on the Google Sheets backend, at 100 and 50,000 order rows: googleapis against
// the loopback fake Sheets API (counts every request, like Google's quota does). Reads and per-row writes must
// cost the same number of requests at any size; only a write whose values pass the per-request byte limit is
// split into more uploads (one per ~1 MB), never per row or per table.
import { OAuth2Client } from 'google-auth-library';
import {
  ALL_TABLES,
  importOrders,
  ordersTable,
  parseOrderReport,
  setUpSheets,
  splitTabDelimited,
  TableEditor,
} from '../src/core';
import { GoogleSheetsWorkbook } from '../src/node/gsheets/googleSheetsWorkbook';
import { nodeFetch, sheetsClient } from '../src/node/gsheets/sheetsClient';
import { FakeSheetsServer } from '../test/fakes/fakeSheetsServer';

const HEADER = [
  'order-id',
  'order-item-id',
  'purchase-date',
  'payments-date',
  'promise-date',
  'buyer-email',
  'buyer-name',
  'sku',
  'product-name',
  'quantity-purchased',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'ship-service-level',
  'recipient-name',
  'ship-address-1',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
];

function report(from: number, count: number): string {
  const lines = [HEADER.join('\t')];
  for (let i = from; i < from + count; i++) {
    const order = `111-${String(1000000 + Math.floor(i / 2)).padStart(7, '0')}-${String(4490606 + i).padStart(7, '0')}`;
    lines.push(
      [
        order,
        String(14027389077212 + i),
        '2026-11-30T15:02:50+00:00',
        '2026-11-30T15:02:50+00:00',
        '2026-12-02T07:59:59+00:00',
        `buyer${i}@marketplace.amazon.com`,
        `Buyer ${i}`,
        `SKU-${i % 500}`,
        `Product ${i % 500}, blue`,
        String(1 + (i % 3)),
        'USD',
        (10 + (i % 90) + 0.99).toFixed(2),
        '0.80',
        '4.99',
        i % 5 === 0 ? 'Expedited' : 'Standard',
        `Recipient ${i}`,
        `${100 + i} Main St`,
        'Springfield',
        'MA',
        String(1000 + (i % 9000)).padStart(5, '0'),
        'US',
      ].join('\t'),
    );
  }
  return lines.join('\n');
}

const ctx = { now: new Date('2026-12-01T17:00:00Z'), user: 'bench' };

async function main(): Promise<void> {
  const server = new FakeSheetsServer();
  await server.start();
  const auth = new OAuth2Client({ transporterOptions: { fetchImplementation: nodeFetch } });
  auth.setCredentials({ access_token: 'bench', expiry_date: Date.now() + 3600_000 });
  const rows: string[][] = [];
  const kinds = ['get', 'values.batchGet', 'batchUpdate', 'values.batchUpdate'] as const;
  const run = async (label: string, n: number, book: GoogleSheetsWorkbook, work: () => Promise<unknown>) => {
    server.resetCounts();
    const t = process.hrtime.bigint();
    await work();
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    const c = server.counts();
    const maxBody = Math.max(0, ...server.requests.map((r) => r.bytes));
    rows.push([
      label,
      String(n),
      ...kinds.map((k) => String(c[k] ?? 0)),
      String(server.requests.length),
      (maxBody / 1024).toFixed(0),
      s.toFixed(2),
    ]);
    void book;
  };
  for (const n of [100, 50_000]) {
    const id = `bench-${n}`;
    server.addSpreadsheet(id, {});
    const book = new GoogleSheetsWorkbook({
      spreadsheetId: id,
      sheets: sheetsClient({ auth, rootUrl: server.rootUrl }),
    });
    await setUpSheets(book);
    const bulk = parseOrderReport(splitTabDelimited(report(0, n)), 'bulk.txt');
    await run('import orders: the first N orders (bulk)', n, book, () =>
      importOrders(book, bulk, 'bulk.txt', ctx),
    );
    const today = parseOrderReport(splitTabDelimited(report(n, 100)), 'today.txt');
    await run("import orders: today's 100 into N rows", n, book, () =>
      importOrders(book, today, 'today.txt', ctx),
    );
    await run('table write: status of every order', n, book, async () => {
      const grid = (await book.read([ordersTable.name])).get(ordersTable.name)!;
      const editor = new TableEditor(ordersTable, grid, ['status']);
      for (let r = 2; r <= grid.length; r++) editor.update(r, { status: 'Allocated' });
      await book.write({ sheets: [editor.toWrite()] });
    });
    await run('read every Shipsheet table', n, book, () => book.read(ALL_TABLES.map((t) => t.name)));
    server.removeSpreadsheet(id);
  }
  await server.stop();
  const head = ['action', 'rows', ...kinds, 'total', 'max body KB', 's'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log('Sheets API requests per action (googleapis → loopback fake Sheets API, 1 MB upload limit)');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  const same = (label: string) => {
    const [a, b] = rows.filter((r) => r[0] === label);
    return a[6] === b[6];
  };
  for (const label of [
    "import orders: today's 100 into N rows",
    'table write: status of every order',
    'read every Shipsheet table',
  ])
    console.log(`${same(label) ? 'same' : 'DIFFERENT'} request count at 100 and 50,000 rows: ${label}`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
