// The streaming import into an .xlsx book gives the same sheet, Log row and summary as the whole-workbook
// path (XlsxWorkbook + importTable) on the same small inputs, for every table, merge and replace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { FieldValue, TableSchema } from '../../../src/core';
import {
  ALL_TABLES,
  MemoryWorkbook,
  TableEditor,
  encodeCell,
  logEditor,
  tableByName,
} from '../../../src/core';
import { bulkExport, sheetRowsFromBook } from '../../../src/node/bulk/bulkExport';
import { bulkImport } from '../../../src/node/bulk/bulkImport';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { NEEDS_WHOLE_BOOK, streamImportIntoBook } from '../../../src/node/xlsx/stream/streamImport';
import { recordsArbitrary } from '../bulk/tableRecords';

const context = { now: new Date('2026-12-01T17:00:00Z'), user: 'test' };
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-stream-eq-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const BLANK_KEY_TABLES = new Set(['Rates', 'Services', 'Surcharges', 'Zones', 'Boxes', 'Rules']);

/** A book with the table (existing rows and a seller's own column), a Log with a row, and another sheet. */
async function makeBook(file: string, schema: TableSchema, existing: Record<string, FieldValue>[]) {
  const book = await XlsxWorkbook.open(file, { create: true, lock: false });
  const editor = new TableEditor(
    schema,
    null,
    schema.columns.map((c) => c.name),
  );
  for (const r of existing) editor.append(r as never);
  const write = editor.toWrite();
  const log = setUpLog();
  await book.write({ sheets: [write, ...(schema.name === 'Log' ? [] : [log.toWrite()])] });
  // A seller's column right of the table, filled on every row, and a sheet of their own.
  const width = ((await book.read([schema.name])).get(schema.name)![0] ?? []).length;
  const notes: (string | null)[][] = [['My notes'], ...existing.map((_, i) => [`note ${i} — keep`])];
  await book.write({
    sheets: [
      { sheet: schema.name, blocks: [{ row: 1, col: width + 2, values: notes }] },
      { sheet: 'Mine', create: true, blocks: [{ row: 1, col: 1, values: [['x', 1]] }] },
    ],
  });
  book.close();
}

async function exportFile(schema: TableSchema, records: Record<string, FieldValue>[], file: string) {
  const memory = new MemoryWorkbook('file');
  const editor = new TableEditor(
    schema,
    null,
    schema.columns.map((c) => c.name),
  );
  for (const r of records) editor.append(r as never);
  await memory.write({ sheets: [editor.toWrite()] });
  await bulkExport(schema, await sheetRowsFromBook(memory, schema), file);
}

async function gridsOf(file: string, names: string[]) {
  const book = await XlsxWorkbook.open(file, { lock: false });
  try {
    return Object.fromEntries((await book.read(names)).entries());
  } finally {
    book.close();
  }
}

const cases = fc
  .constantFrom(...ALL_TABLES.map((t) => t.name))
  .chain((name) =>
    fc.tuple(
      fc.constant(name),
      recordsArbitrary(tableByName(name)!, 7),
      fc.constantFrom<'merge' | 'replace'>('merge', 'replace'),
      fc.constantFrom('xlsx', 'csv'),
    ),
  );

// The seed is in the test's name: one failing run (even a timeout, which prints no counterexample) can be
// replayed with FC_SEED. Shrinking stops before the test's timeout so a failure reports what it has found.
const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PROPERTY = { seed: SEED, interruptAfterTimeLimit: 180_000 };

test(`streaming import = whole-workbook import, every table, merge and replace (seed ${SEED})`, async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(cases, async ([name, records, mode, format]) => {
      const schema = tableByName(name)!;
      const k = n++;
      const existing = records.slice(0, 3);
      // Unchanged, updated (another row's values under an existing key), new rows.
      const updated: Record<string, FieldValue> = { ...(records[6] ?? records[0]) };
      for (const key of schema.key) updated[key] = records[2]?.[key] ?? null;
      const incoming = [records[1], updated, ...records.slice(3, 6)].filter((r) => r !== undefined);
      const base = path.join(dir, `base-${k}.xlsx`);
      await makeBook(base, schema, existing);
      const file = path.join(dir, `in-${k}.${format}`);
      await exportFile(schema, schema.key.length > 0 && records.length > 2 ? incoming : records, file);
      const whole = path.join(dir, `whole-${k}.xlsx`);
      const streamed = path.join(dir, `streamed-${k}.xlsx`);
      fs.copyFileSync(base, whole);
      fs.copyFileSync(base, streamed);
      const book = await XlsxWorkbook.open(whole, { lock: false });
      const options = { mode, errorsFile: false as const, blankKeyParts: BLANK_KEY_TABLES.has(name) };
      let expected;
      try {
        expected = await bulkImport(book, schema, file, context, options);
      } finally {
        book.close();
      }
      const actual = await streamImportIntoBook(streamed, schema, file, context, options);
      expect(actual).not.toBe(NEEDS_WHOLE_BOOK);
      expect(actual).toEqual(expected);
      const names = [schema.name, 'Log', 'Mine'];
      expect(await gridsOf(streamed, names)).toEqual(await gridsOf(whole, names));
    }),
    { ...PROPERTY, numRuns: 40 },
  );
}, 240_000);

let n2 = 0;
test(`streaming import = whole-workbook import when rows are long and the key is their last column (seed ${SEED})`, async () => {
  const schema = tableByName('Inventory')!;
  await fc.assert(
    fc.asyncProperty(recordsArbitrary(schema, 6), fc.nat(900), async (records, noteLength) => {
      const k = n2++;
      // The seller's long note first, then the table's columns in reverse: the key cell is past the bytes the
      // first pass decodes to find it.
      const columns = [...schema.columns].reverse();
      const grid = [
        ['My notes', ...columns.map((c) => c.name)],
        ...records
          .slice(0, 3)
          .map((r, i) => [
            `${i}`.padEnd(noteLength, 'ü'),
            ...columns.map((c) => encodeCell(c, r[c.name] ?? null)),
          ]),
      ];
      const base = path.join(dir, `long-base-${k}.xlsx`);
      const book = await XlsxWorkbook.open(base, { create: true, lock: false });
      const log = setUpLog();
      await book.write({
        sheets: [
          { sheet: schema.name, create: true, blocks: [{ row: 1, col: 1, values: grid }] },
          log.toWrite(),
        ],
      });
      book.close();
      const updated: Record<string, FieldValue> = { ...(records[5] ?? records[0]) };
      for (const key of schema.key) updated[key] = records[2]?.[key] ?? null;
      const file = path.join(dir, `long-in-${k}.csv`);
      await exportFile(
        schema,
        [records[1], updated, ...records.slice(3, 5)].filter((r) => r !== undefined),
        file,
      );
      const whole = path.join(dir, `long-whole-${k}.xlsx`);
      const streamed = path.join(dir, `long-streamed-${k}.xlsx`);
      fs.copyFileSync(base, whole);
      fs.copyFileSync(base, streamed);
      const wholeBook = await XlsxWorkbook.open(whole, { lock: false });
      let expected;
      try {
        expected = await bulkImport(wholeBook, schema, file, context, { errorsFile: false });
      } finally {
        wholeBook.close();
      }
      const actual = await streamImportIntoBook(streamed, schema, file, context, { errorsFile: false });
      expect(actual).toEqual(expected);
      expect(await gridsOf(streamed, [schema.name, 'Log'])).toEqual(
        await gridsOf(whole, [schema.name, 'Log']),
      );
    }),
    { ...PROPERTY, numRuns: 15 },
  );
}, 120_000);

/** A Log sheet holding the one row a set-up run leaves. */
function setUpLog(): ReturnType<typeof logEditor> {
  const log = logEditor(null);
  log.append({
    time: '2026-11-30T10:00:00Z',
    action: 'set up',
    'rows-read': 0,
    'rows-changed': 0,
    problems: 0,
  });
  return log;
}
