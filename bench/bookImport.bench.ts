// Streaming import into an .xlsx book (issue 10): `shipsheet import` of 100,000 and 1,048,575 Inventory rows
// into a book whose Inventory sheet already holds half of them (a merge: updates, unchanged rows, new rows),
// against two bare exceljs cases on the same rows: (1) read the file and write a sheet of its rows with
// exceljs's streaming WorkbookWriter (does not read the book at all), (2) the same job as ours with bare
// exceljs: the book streamed in with WorkbookReader, the file merged into its rows by key with csv-parse
// (no validation, rows held in memory), every sheet written out with WorkbookWriter. Our import runs twice:
// with the bench's --max-old-space-size=8192 and with Node's default heap (what the CLI gets), for peak RSS.
// The same import from an .xlsx file (shared strings, as Excel saves) runs against bare exceljs reading that
// file with its streaming WorkbookReader and writing the rows with WorkbookWriter.
// Wall and CPU time, best of BENCH_RUNS (default 3), and peak RSS; each run in its own process.
// `BULK_BENCH_SIZES=100000 npm run bench bookImport` for a quick run; BOOK_BENCH_CASES (below) picks cases.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { inventoryTable, logTable, templateHeaders } from '../src/core';
import { validateTableFile } from '../src/node/bulk/validateTableFile';
import { streamImportIntoBook } from '../src/node/xlsx/stream/streamImport';
import { measure } from './measure';

const SIZES = (process.env.BULK_BENCH_SIZES ?? '100000,1048575').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const HEADER = templateHeaders(inventoryTable);
const context = { now: new Date('2026-12-01T17:00:00Z'), user: 'bench' };

/** Row i of the data; `changed` moves on-hand so the rows the book has get updated. */
function dataRow(i: number, changed = false): (string | number)[] {
  const onHand = (i % 500) + (changed && i % 2 === 0 ? 1 : 0);
  return [
    `SKU-${String(i).padStart(7, '0')}`,
    `A-${String(i % 60).padStart(2, '0')}`,
    onHand,
    i % 7,
    onHand - (i % 7),
    5,
    24,
    (100 + (i % 9000)) / 100,
    'USD',
    i % 3 === 0 ? 'Acme Supply Co.' : 'Zürich Trading GmbH',
    `00${i % 100000}`,
    3 + (i % 20),
    '2026-12-01T17:00:00Z',
    '2026-11-30T12:00:00Z',
  ].slice(0, HEADER.length);
}

interface Result {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

type Case = (dir: string, n: number) => Promise<unknown>;

const CASES: Record<string, Case> = {
  'bare exceljs: csv-parse -> WorkbookWriter': async (dir) => {
    const out = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path.join(dir, `bare-${process.pid}.xlsx`),
    });
    const ws = out.addWorksheet('Inventory');
    for await (const r of fs
      .createReadStream(path.join(dir, 'data.csv'))
      .pipe(parse({ bom: true })) as AsyncIterable<string[]>)
      ws.addRow(r).commit();
    ws.commit();
    await out.commit();
  },
  'bare exceljs merge: WorkbookReader + csv-parse -> WorkbookWriter': async (dir) => {
    const sheets: { name: string; rows: unknown[][] }[] = [];
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path.join(dir, 'book.xlsx'), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const ws of reader) {
      const rows: unknown[][] = [];
      for await (const row of ws) rows[row.number - 1] = (row.values as unknown[]).slice(1);
      sheets.push({ name: (ws as unknown as { name: string }).name, rows });
    }
    const inventory = sheets.find((s) => s.name === 'Inventory')!;
    const header = inventory.rows[0] as string[];
    const byKey = new Map<string, number>();
    inventory.rows.forEach((r, i) => {
      if (i > 0 && r) byKey.set(String(r[0]).toLowerCase(), i);
    });
    let columns: number[] | null = null;
    for await (const record of fs
      .createReadStream(path.join(dir, 'data.csv'))
      .pipe(parse({ bom: true })) as AsyncIterable<string[]>) {
      if (!columns) {
        columns = record.map((h) => header.indexOf(h));
        continue;
      }
      const key = record[0].toLowerCase();
      const at = byKey.get(key);
      const row = at === undefined ? [] : inventory.rows[at];
      record.forEach((v, i) => {
        if (columns![i] >= 0) row[columns![i]] = v;
      });
      if (at === undefined) {
        byKey.set(key, inventory.rows.length);
        inventory.rows.push(row);
      }
    }
    const out = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path.join(dir, `bare-merge-${process.pid}.xlsx`),
      useSharedStrings: true,
      useStyles: true,
    });
    for (const s of sheets) {
      const ws = out.addWorksheet(s.name);
      for (const r of s.rows) ws.addRow(r ?? []).commit();
      ws.commit();
    }
    await out.commit();
  },
  // The same import from an .xlsx file (as Excel saves it: shared strings) against bare exceljs reading it.
  'bare exceljs: WorkbookReader (data.xlsx) -> WorkbookWriter': async (dir) => {
    const out = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path.join(dir, `bare-xlsx-${process.pid}.xlsx`),
    });
    const ws = out.addWorksheet('Inventory');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path.join(dir, 'data.xlsx'), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const sheet of reader)
      for await (const row of sheet) ws.addRow((row.values as unknown[]).slice(1)).commit();
    ws.commit();
    await out.commit();
  },
  'shipsheet import xlsx into the .xlsx book': async (dir) => {
    const book = path.join(dir, `book-xlsx-${process.pid}.xlsx`);
    fs.copyFileSync(path.join(dir, 'book.xlsx'), book);
    const r = await streamImportIntoBook(book, inventoryTable, path.join(dir, 'data.xlsx'), context, {
      errorsFile: false,
    });
    if (typeof r !== 'object' || !r.ok) throw new Error(`import failed: ${JSON.stringify(r)}`);
    return r;
  },
  // The validation alone (what every import of the file costs before any book is touched), for the split.
  'shipsheet import --check (validation only)': async (dir) =>
    validateTableFile(inventoryTable, path.join(dir, 'data.csv'), { errorsFile: false }),
  'shipsheet import csv into the .xlsx book': async (dir) => {
    const book = path.join(dir, `book-${process.pid}.xlsx`);
    fs.copyFileSync(path.join(dir, 'book.xlsx'), book);
    const r = await streamImportIntoBook(book, inventoryTable, path.join(dir, 'data.csv'), context, {
      errorsFile: false,
    });
    if (typeof r !== 'object' || !r.ok) throw new Error(`import failed: ${JSON.stringify(r)}`);
    return r;
  },
};
/** The same import in a process with Node's default heap limit (the CLI's), for its peak RSS. */
const DEFAULT_HEAP = 'shipsheet import csv into the .xlsx book (default heap)';
const DEFAULT_HEAP_XLSX = 'shipsheet import xlsx into the .xlsx book (default heap)';
CASES[DEFAULT_HEAP] = CASES['shipsheet import csv into the .xlsx book'];
CASES[DEFAULT_HEAP_XLSX] = CASES['shipsheet import xlsx into the .xlsx book'];

// BOOK_BENCH_CASES=name|name… runs only those cases (and prints only the pairs of them).
const ONLY = process.env.BOOK_BENCH_CASES?.split('|');
if (ONLY) for (const name of Object.keys(CASES)) if (!ONLY.includes(name)) delete CASES[name];

const BARE = 'bare exceljs: csv-parse -> WorkbookWriter';
const BARE_MERGE = 'bare exceljs merge: WorkbookReader + csv-parse -> WorkbookWriter';
const PAIRS: [string, string][] = [
  [BARE, 'shipsheet import csv into the .xlsx book'],
  [BARE_MERGE, 'shipsheet import csv into the .xlsx book'],
  [BARE, DEFAULT_HEAP],
  [BARE_MERGE, DEFAULT_HEAP],
  [BARE, 'shipsheet import --check (validation only)'],
  ['bare exceljs: WorkbookReader (data.xlsx) -> WorkbookWriter', 'shipsheet import xlsx into the .xlsx book'],
  ['bare exceljs: WorkbookReader (data.xlsx) -> WorkbookWriter', DEFAULT_HEAP_XLSX],
];

async function prepare(dir: string, n: number): Promise<void> {
  // The book: Inventory with the first half of the rows (shared strings, as Shipsheet's backend writes),
  // a Log sheet, and a sheet of the seller's own.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path.join(dir, 'book.xlsx'),
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = book.addWorksheet('Inventory');
  ws.addRow([...HEADER, 'My notes']).commit();
  for (let i = 0; i < Math.floor(n / 2); i++) ws.addRow([...dataRow(i), `note ${i}`]).commit();
  ws.commit();
  const log = book.addWorksheet('Log');
  log.addRow(templateHeaders(logTable)).commit();
  log.commit();
  const mine = book.addWorksheet('Mine');
  mine.addRow(['kept', 1]).commit();
  mine.commit();
  await book.commit();
  await pipeline(
    Readable.from(
      (function* () {
        yield HEADER;
        for (let i = 0; i < n; i++) yield dataRow(i, true);
      })(),
    ),
    stringify(),
    fs.createWriteStream(path.join(dir, 'data.csv')),
  );
  const file = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path.join(dir, 'data.xlsx'),
    useSharedStrings: true,
  });
  const data = file.addWorksheet('Inventory');
  data.addRow(HEADER).commit();
  for (let i = 0; i < n; i++) data.addRow(dataRow(i, true)).commit();
  data.commit();
  await file.commit();
}

function runCase(name: string, dir: string, n: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], {
      execArgv:
        name === DEFAULT_HEAP || name === DEFAULT_HEAP_XLSX
          ? ['--expose-gc']
          : ['--expose-gc', '--max-old-space-size=8192'],
      env: { ...process.env, BOOK_CASE: name, BOOK_DIR: dir, BOOK_N: String(n) },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.on('message', (m) => resolve(m as Result));
    child.on('error', reject);
    child.on('exit', (code) => code !== 0 && reject(new Error(`${name} exited ${code}`)));
  });
}

async function child(): Promise<void> {
  const name = process.env.BOOK_CASE!;
  const cpu = process.cpuUsage();
  const m = await measure(() => CASES[name](process.env.BOOK_DIR!, Number(process.env.BOOK_N)));
  const used = process.cpuUsage(cpu);
  process.send?.({ ...m, cpuSeconds: (used.user + used.system) / 1e6 });
}

async function main(): Promise<void> {
  console.log(
    `load: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${os.cpus().length} cores; best of ${RUNS}`,
  );
  for (const n of SIZES) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-book-bench-'));
    try {
      await prepare(dir, n);
      console.log(
        `\n${n.toLocaleString('en-US')} file rows into a book of ${Math.floor(n / 2).toLocaleString('en-US')} (book.xlsx ${(fs.statSync(path.join(dir, 'book.xlsx')).size / 1e6).toFixed(1)} MB, data.csv ${(fs.statSync(path.join(dir, 'data.csv')).size / 1e6).toFixed(1)} MB)`,
      );
      const best = new Map<string, Result>();
      for (let run = 0; run < RUNS; run++)
        for (const name of Object.keys(CASES)) {
          const m = await runCase(name, dir, n);
          const b = best.get(name);
          best.set(name, {
            seconds: Math.min(m.seconds, b?.seconds ?? Infinity),
            cpuSeconds: Math.min(m.cpuSeconds, b?.cpuSeconds ?? Infinity),
            peakRssMb: Math.max(m.peakRssMb, b?.peakRssMb ?? 0),
          });
          console.log(
            `  run ${run + 1} ${name.padEnd(64)} ${m.seconds.toFixed(2).padStart(7)} s wall ${m.cpuSeconds.toFixed(2).padStart(7)} s CPU ${m.peakRssMb.toFixed(0).padStart(5)} MB peak RSS`,
          );
        }
      for (const [base, ours] of PAIRS) {
        const b = best.get(base);
        const o = best.get(ours);
        if (!b || !o) continue;
        console.log(
          `best: ${ours} vs ${base}: ${o.seconds.toFixed(2)} s wall (${(o.seconds / b.seconds).toFixed(2)}x), ${o.cpuSeconds.toFixed(2)} s CPU (${(o.cpuSeconds / b.cpuSeconds).toFixed(2)}x), peak ${o.peakRssMb.toFixed(0)} MB vs ${b.peakRssMb.toFixed(0)} MB; bare ${b.seconds.toFixed(2)} s wall, ${b.cpuSeconds.toFixed(2)} s CPU`,
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (process.env.BOOK_CASE) void child();
// For profiling: BOOK_PREPARE=DIR:N writes book.xlsx, data.csv and data.xlsx there and stops.
else if (process.env.BOOK_PREPARE) {
  const [dir, n] = process.env.BOOK_PREPARE.split(':');
  fs.mkdirSync(dir, { recursive: true });
  void prepare(dir, Number(n));
} else
  void main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
