// Bulk import/export (issue 10): Shipsheet's export and import of 100,000 and 1,048,576 rows against bare exceljs
// streaming and bare csv-parse / csv-stringify on the same data, with peak memory. Each case runs in its own
// process so its peak RSS is its own. `BULK_BENCH_SIZES=100000 npm run bench bulkExcel` for a quick run;
// `BULK_BENCH_CASES=csv` runs only the cases whose name contains one of the given words (comma-separated), and
// `BULK_BENCH_REPEAT=3` keeps the best of three runs of each case (least wall, CPU and peak RSS, each on its own).
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { MemoryWorkbook, inventoryTable, templateHeaders } from '../src/core';
import { bulkExport, sheetRowsFromXlsxBook } from '../src/node/bulk/bulkExport';
import { bulkImport } from '../src/node/bulk/bulkImport';
import { validateTableFile } from '../src/node/bulk/validateTableFile';
import { XlsxWorkbook } from '../src/node/xlsx/xlsxWorkbook';
import type { Measurement } from './measure';
import { measure, row } from './measure';

const SIZES = (process.env.BULK_BENCH_SIZES ?? '100000,1048575').split(',').map(Number);
const CASE_FILTER = (process.env.BULK_BENCH_CASES ?? '').split(',').filter((w) => w !== '');
const REPEAT = Math.max(1, Number(process.env.BULK_BENCH_REPEAT ?? 1));
const HEADER = templateHeaders(inventoryTable);
const context = { now: new Date('2026-12-01T17:00:00Z'), user: 'bench' };

function dataRow(i: number): (string | number)[] {
  return [
    `SKU-${String(i).padStart(7, '0')}`,
    `A-${String(i % 60).padStart(2, '0')}`,
    i % 500,
    i % 7,
    (i % 500) - (i % 7),
    5,
    24,
    (100 + (i % 9000)) / 100,
    'USD',
    i % 3 === 0 ? 'Acme Supply Co.' : 'Zürich Trading GmbH',
    `00${i % 100000}`,
    3 + (i % 20),
    '2026-12-01T17:00:00Z',
    '2026-11-30T09:00:00-08:00',
  ];
}

async function* rowsOf(n: number): AsyncGenerator<(string | number)[]> {
  for (let i = 0; i < n; i++) yield dataRow(i);
}

type Case = (dir: string, n: number) => Promise<unknown>;

const bareXlsxRows = async function* (file: string): AsyncGenerator<ExcelJS.CellValue[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache' });
  for await (const ws of reader) for await (const r of ws) yield (r.values as ExcelJS.CellValue[]).slice(1);
};

const CASES: Record<string, Case> = {
  'export xlsx: bare exceljs reader -> writer': async (dir) => {
    const out = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'bare.xlsx') });
    const ws = out.addWorksheet('Inventory');
    for await (const r of bareXlsxRows(path.join(dir, 'book.xlsx'))) ws.addRow(r).commit();
    ws.commit();
    await out.commit();
  },
  'export xlsx: shipsheet export': async (dir) =>
    bulkExport(
      inventoryTable,
      await sheetRowsFromXlsxBook(path.join(dir, 'book.xlsx'), inventoryTable),
      path.join(dir, 'ours.xlsx'),
    ),
  'export csv: bare exceljs reader -> csv-stringify': async (dir) =>
    pipeline(
      Readable.from(bareXlsxRows(path.join(dir, 'book.xlsx'))),
      stringify(),
      fs.createWriteStream(path.join(dir, 'bare.csv')),
    ),
  'export csv: shipsheet export': async (dir) =>
    bulkExport(
      inventoryTable,
      await sheetRowsFromXlsxBook(path.join(dir, 'book.xlsx'), inventoryTable),
      path.join(dir, 'ours.csv'),
    ),
  'import xlsx: bare exceljs reader': async (dir) => {
    let cells = 0;
    for await (const r of bareXlsxRows(path.join(dir, 'book.xlsx'))) cells += r.length;
    return cells;
  },
  'import xlsx: shipsheet import --check (validate)': async (dir) =>
    validateTableFile(inventoryTable, path.join(dir, 'book.xlsx'), { errorsFile: false }),
  'import xlsx: shipsheet import into a memory book': async (dir) =>
    bulkImport(new MemoryWorkbook('bench'), inventoryTable, path.join(dir, 'book.xlsx'), context, {
      errorsFile: false,
    }),
  'import csv: bare csv-parse': async (dir) => {
    let cells = 0;
    for await (const r of fs
      .createReadStream(path.join(dir, 'data.csv'))
      .pipe(parse({ bom: true })) as AsyncIterable<string[]>)
      cells += r.length;
    return cells;
  },
  'import csv: shipsheet import --check (validate)': async (dir) =>
    validateTableFile(inventoryTable, path.join(dir, 'data.csv'), { errorsFile: false }),
  'import csv: shipsheet import into a memory book': async (dir) =>
    bulkImport(new MemoryWorkbook('bench'), inventoryTable, path.join(dir, 'data.csv'), context, {
      errorsFile: false,
    }),
  'import csv: into a new .xlsx book (whole-book path)': async (dir) => {
    const book = await XlsxWorkbook.open(path.join(dir, `target-${process.pid}.xlsx`), {
      create: true,
      lock: false,
    });
    try {
      return await bulkImport(book, inventoryTable, path.join(dir, 'data.csv'), context, {
        errorsFile: false,
      });
    } finally {
      book.close();
    }
  },
};

/** Pairs printed as ratios: [baseline, ours]. */
const PAIRS: [string, string][] = [
  ['export xlsx: bare exceljs reader -> writer', 'export xlsx: shipsheet export'],
  ['export csv: bare exceljs reader -> csv-stringify', 'export csv: shipsheet export'],
  ['import xlsx: bare exceljs reader', 'import xlsx: shipsheet import --check (validate)'],
  ['import xlsx: bare exceljs reader', 'import xlsx: shipsheet import into a memory book'],
  ['import csv: bare csv-parse', 'import csv: shipsheet import --check (validate)'],
  ['import csv: bare csv-parse', 'import csv: shipsheet import into a memory book'],
  ['import csv: bare csv-parse', 'import csv: into a new .xlsx book (whole-book path)'],
];

async function prepare(dir: string, n: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path.join(dir, 'book.xlsx'),
    useSharedStrings: false,
  });
  const ws = book.addWorksheet('Inventory');
  ws.addRow(HEADER).commit();
  for await (const r of rowsOf(n)) ws.addRow(r).commit();
  ws.commit();
  await book.commit();
  await pipeline(
    Readable.from(
      (async function* () {
        yield HEADER;
        yield* rowsOf(n);
      })(),
    ),
    stringify(),
    fs.createWriteStream(path.join(dir, 'data.csv')),
  );
}

async function bestOf(name: string, dir: string, n: number): Promise<Measurement> {
  let best: Measurement | null = null;
  for (let i = 0; i < REPEAT; i++) {
    const m = await runCase(name, dir, n);
    best = !best
      ? m
      : {
          seconds: Math.min(best.seconds, m.seconds),
          peakRssMb: Math.min(best.peakRssMb, m.peakRssMb),
          cpuSeconds: Math.min(best.cpuSeconds ?? Infinity, m.cpuSeconds ?? Infinity),
        };
  }
  return best!;
}

function runCase(name: string, dir: string, n: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], {
      execArgv: ['--expose-gc', '--max-old-space-size=8192'],
      env: { ...process.env, BULK_CASE: name, BULK_DIR: dir, BULK_N: String(n) },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.on('message', (m) => resolve(m as Measurement));
    child.on('error', reject);
    child.on('exit', (code) => code !== 0 && reject(new Error(`${name} exited ${code}`)));
  });
}

async function child(): Promise<void> {
  const name = process.env.BULK_CASE!;
  const m = await measure(() => CASES[name](process.env.BULK_DIR!, Number(process.env.BULK_N)));
  process.send?.(m);
}

async function main(): Promise<void> {
  for (const n of SIZES) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-bulk-bench-'));
    try {
      await prepare(dir, n);
      console.log(
        `\n${n.toLocaleString('en-US')} data rows + header (${HEADER.length} columns; book.xlsx ${(fs.statSync(path.join(dir, 'book.xlsx')).size / 1e6).toFixed(1)} MB, data.csv ${(fs.statSync(path.join(dir, 'data.csv')).size / 1e6).toFixed(1)} MB)`,
      );
      const results = new Map<string, Measurement>();
      for (const name of Object.keys(CASES)) {
        if (CASE_FILTER.length > 0 && !CASE_FILTER.some((w) => name.includes(w))) continue;
        if (name.includes('.xlsx book') && n > 100_000) {
          console.log(
            `${name.padEnd(52)}   refused: over the whole-book backend's ${(100_000).toLocaleString('en-US')}-row limit (an existing book streams: npm run bench bookImport)`,
          );
          continue;
        }
        const m = await bestOf(name, dir, n);
        results.set(name, m);
        console.log(row(name, m));
      }
      console.log('ratios (wall time, ours / bare; CPU time in brackets):');
      for (const [base, ours] of PAIRS) {
        const b = results.get(base);
        const o = results.get(ours);
        if (b && o)
          console.log(
            `  ${ours.padEnd(50)} ${(o.seconds / b.seconds).toFixed(2)}x${o.cpuSeconds && b.cpuSeconds ? ` [CPU ${(o.cpuSeconds / b.cpuSeconds).toFixed(2)}x]` : ''}  (peak ${o.peakRssMb.toFixed(0)} MB vs ${b.peakRssMb.toFixed(0)} MB)`,
          );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (process.env.BULK_CASE) void child();
else
  void main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
