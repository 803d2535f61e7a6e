/** The CLI end to end: init, import orders, exit codes, --json, and refusing bad input without touching the book. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { ROOT, runCli } from './runCli';

const fixture = (name: string) => path.join(__dirname, '../../fixtures/orders', name);
// Several CLI runs a test: generous on a loaded 2-core machine.
jest.setTimeout(180_000);

let dir: string;
let book: string;
beforeEach(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-cli-'));
  book = path.join(dir, 'book.xlsx');
});
afterEach(async () => {
  await fs.promises.rm(dir, { recursive: true, force: true });
});

describe('shipsheet init and import orders', () => {
  it('creates a workbook with every sheet, frozen headers and default settings', async () => {
    const r = runCli(['init', '--book', book]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Created Orders, Inventory, Listings, Rates, Rules, Shipments, Returns, Settings, Log/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Orders', 'Inventory', 'Settings', 'Log']),
    );
    const orders = wb.getWorksheet('Orders')!;
    expect(orders.getCell('A1').value).toBe('order-id');
    expect(orders.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const settings = wb.getWorksheet('Settings')!;
    expect(settings.getCell('A2').value).toBe('ship-from-name');
    expect(runCli(['init', '--book', book]).stdout).toMatch(/already has every Shipsheet sheet/);
  });

  it('imports a report, prints what changed, and a second run changes nothing', () => {
    runCli(['init', '--book', book]);
    const first = runCli(['import', 'orders', fixture('us-2025-41col.txt'), '--book', book]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/2 order items: 2 added, 0 updated, 0 unchanged, 0 rejected/);
    const second = runCli(['import', 'orders', fixture('us-2025-41col.txt'), '--book', book, '--json']);
    expect(second.code).toBe(0);
    const json = JSON.parse(second.stdout) as { stats: Record<string, number>; exitCode: number };
    expect(json.stats).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(json.exitCode).toBe(0);
  });

  it('exits 1 and lists bad rows by row and column while the good rows import', () => {
    runCli(['init', '--book', book]);
    const r = runCli(['import', 'orders', fixture('bad-rows.txt'), '--book', book]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 added/);
    expect(r.stdout).toMatch(
      /bad-rows\.txt, row 3, column quantity-purchased: quantity-purchased is not a whole number \(value: "1\.5"\)/,
    );
    expect(r.stdout).toMatch(/bad-rows\.txt, row 4, column purchase-date/);
  });

  it.each([
    ['listings-as-orders.txt', /listings-as-orders\.txt is not an Amazon order report.*Listings/],
    ['binary.png', /binary\.png is not a text report/],
  ])('refuses %s with exit 2 and leaves the workbook byte for byte as it was', (name, message) => {
    runCli(['init', '--book', book]);
    const before = fs.readFileSync(book);
    const r = runCli(['import', 'orders', fixture(name), '--book', book]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
  });

  it('exits 2 with a hint for a missing workbook, a missing file and an unknown kind', () => {
    const missing = runCli(['import', 'orders', fixture('us-2025-41col.txt'), '--book', book]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist\. Create it with: shipsheet init --book/);
    runCli(['init', '--book', book]);
    expect(runCli(['import', 'orders', path.join(dir, 'nope.txt'), '--book', book]).stderr).toMatch(
      /nope\.txt does not exist/,
    );
    const kind = runCli(['import', 'pizzas', fixture('us-2025-41col.txt'), '--book', book]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/unknown kind pizzas/);
    expect(runCli(['frobnicate']).code).toBe(2);
  });
});

describe('shipsheet demo', () => {
  it('runs the sample day into a fresh workbook', async () => {
    const r = runCli(['demo', '--out', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Import today's unshipped orders/);
    expect(r.stdout).toMatch(/14 order items: 14 added/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'shipsheet-demo.xlsx'));
    expect(wb.getWorksheet('Orders')!.actualRowCount).toBe(15);
  });
});

describe('progress on a terminal', () => {
  it('shows phases and a rows/s bar on a TTY, and nothing when piped', () => {
    runCli(['init', '--book', book]);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI')) as Record<
      string,
      string
    >;
    const cmd = `${JSON.stringify(process.execPath)} bin/shipsheet.js import orders ${JSON.stringify(fixture('us-2009-29col.txt'))} --book ${JSON.stringify(book)}`;
    // util-linux `script` gives the command a pseudo-terminal.
    const tty = spawnSync('script', ['-qc', cmd, '/dev/null'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(tty.stdout).toMatch(/Loading book\.xlsx… \d+\.\d s/);
    expect(tty.stdout).toMatch(/Merging order items \[.*\] 100% 3\/3 rows/);
    expect(tty.stdout).toMatch(/Saving book\.xlsx… \d+\.\d s/);
    const piped = runCli(['import', 'orders', fixture('us-2009-29col.txt'), '--book', book]);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toMatch(/Loading/);
  });
});
