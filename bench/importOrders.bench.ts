/**
 * Issue 2 benchmark: import a 100,000-line Amazon order report (41-column 2025 layout) into an .xlsx workbook,
 * against bare csv-parse parsing plus bare exceljs writing of the same rows. Each case runs in its own process
 * so peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { importOrders, parseOrderReport, setUpSheets } from '../src/core';
import { readTableFile } from '../src/node/flatfiles/readTableFile';
import { XlsxWorkbook } from '../src/node/xlsx/xlsxWorkbook';
import type { Measurement } from './measure';
import { measure, row } from './measure';

const LINES = Number(process.env.BENCH_LINES ?? 100_000);

const HEADER =
  'order-id order-item-id purchase-date payments-date reporting-date promise-date days-past-promise buyer-email buyer-name cpf buyer-phone-number sku number-of-items product-name quantity-purchased quantity-shipped quantity-to-ship ship-service-level ship-service-name recipient-name ship-address-1 ship-address-2 ship-address-3 ship-city ship-state ship-postal-code ship-country sales-channel customized-url customized-page is-business-order purchase-order-number price-designation is-prime is-buyer-requested-cancellation buyer-requested-cancel-reason verge-of-cancellation verge-of-lateShipment signature-confirmation-recommended buyer-identification-number buyer-identification-type'.split(
    ' ',
  );

function makeReport(file: string): void {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, HEADER.join('\t') + '\n');
  const chunk: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const order = `111-${String(1000000 + Math.floor(i / 2)).padStart(7, '0')}-${String(4490606 + i).padStart(7, '0')}`;
    const item = String(10000000000000 + i);
    const zip = String(Math.floor(rand() * 99999)).padStart(5, '0');
    const values = [
      order,
      item,
      '2025-09-24T12:02:50+00:00',
      '2025-09-24T05:02:50-07:00',
      '2025-09-24T12:48:11+00:00',
      '2025-09-26T06:59:59+00:00',
      '-1',
      `customer${i}@marketplace.amazon.com`,
      `Buyer ${i}`,
      '',
      '+1 111-111-1111',
      `SKU-${Math.floor(rand() * 5000)}`,
      '1',
      'Personalized Photo Mug, 11 oz "classic"',
      String(1 + Math.floor(rand() * 3)),
      '0',
      '1',
      'Standard',
      'Std US D2D Dom',
      `Recipient ${i}`,
      `${i} Example Ave`,
      'Apt 2B',
      '',
      'DAWSONVILLE',
      'GA',
      zip,
      'US',
      'Amazon.com',
      '',
      '',
      'false',
      '',
      '',
      rand() < 0.4 ? 'true' : 'false',
      'false',
      '',
      'false',
      'false',
      'false',
    ];
    chunk.push(values.join('\t'));
    if (chunk.length === 5000) {
      fs.writeSync(out, chunk.join('\n') + '\n');
      chunk.length = 0;
    }
  }
  if (chunk.length) fs.writeSync(out, chunk.join('\n') + '\n');
  fs.closeSync(out);
}

async function runCase(name: string, dir: string): Promise<Measurement> {
  const report = path.join(dir, 'report.txt');
  if (name === 'bare') {
    return measure(async () => {
      const rows = parse(fs.readFileSync(report, 'utf8'), {
        delimiter: '\t',
        quote: false,
        relax_column_count: true,
      }) as string[][];
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Orders');
      ws.addRows(rows);
      fs.writeFileSync(
        path.join(dir, 'bare.xlsx'),
        new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
      );
    });
  }
  const bookFile = path.join(dir, 'book.xlsx');
  fs.rmSync(bookFile, { force: true });
  const setup = await XlsxWorkbook.open(bookFile, { create: true });
  await setUpSheets(setup);
  setup.close();
  return measure(async () => {
    const book = await XlsxWorkbook.open(bookFile);
    const file = await readTableFile(report);
    const result = await importOrders(book, parseOrderReport(file.grid, 'report.txt'), 'report.txt', {
      now: new Date(),
    });
    book.close();
    if (result.stats.added !== LINES)
      throw new Error(`expected ${LINES} added, got ${JSON.stringify(result.stats)}`);
  });
}

async function main(): Promise<void> {
  const [mode, name, dir] = process.argv.slice(2);
  if (mode === 'case') {
    const m = await runCase(name, dir);
    process.stdout.write(JSON.stringify(m));
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-bench-import-'));
  makeReport(path.join(work, 'report.txt'));
  const results: Record<string, Measurement> = {};
  for (const c of ['bare', 'shipsheet']) {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', __filename, 'case', c, work],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`${c} failed: ${r.stderr}`);
    results[c] = JSON.parse(r.stdout) as Measurement;
  }
  fs.rmSync(work, { recursive: true, force: true });
  console.log(
    `Import a ${LINES.toLocaleString('en-US')}-line order report (41 columns) into an .xlsx workbook`,
  );
  console.log(row('bare csv-parse (sync) + bare exceljs Workbook write', results.bare));
  console.log(row('shipsheet import orders (read, validate, merge, save)', results.shipsheet, results.bare));
}

void main();
