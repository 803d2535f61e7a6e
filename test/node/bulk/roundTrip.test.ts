import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { FieldValue, TableSchema } from '../../../src/core';
import { ALL_TABLES, MemoryWorkbook, TableEditor, decodeTable, tableByName } from '../../../src/core';
import { bulkExport, sheetRowsFromBook, sheetRowsFromXlsxBook } from '../../../src/node/bulk/bulkExport';
import { bulkImport } from '../../../src/node/bulk/bulkImport';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { recordsArbitrary } from './tableRecords';

const context = { now: new Date('2026-12-01T17:00:00Z'), user: 'test' };
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-roundtrip-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The table goes by name so a counterexample prints the records, not the whole schema.
const tableAndRecords = fc
  .constantFrom(...ALL_TABLES.map((t) => t.name))
  .chain((name) => fc.tuple(fc.constant(name), recordsArbitrary(tableByName(name)!, 4)));

const tableAndRecordsForBooks = fc
  .constantFrom(...ALL_TABLES.map((t) => t.name))
  .chain((name) =>
    fc.tuple(fc.constant(name), recordsArbitrary(tableByName(name)!, 4, { controlChars: false })),
  );

async function sourceBook(
  schema: TableSchema,
  records: Record<string, FieldValue>[],
): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook('source');
  const editor = new TableEditor(
    schema,
    null,
    schema.columns.map((c) => c.name),
  );
  for (const r of records) editor.append(r as never);
  await book.write({ sheets: [editor.toWrite()] });
  return book;
}

async function recordsIn(book: MemoryWorkbook | XlsxWorkbook, schema: TableSchema) {
  const grid = (await book.read([schema.name])).get(schema.name) ?? [];
  const decoded = decodeTable(schema, grid, { checkRequired: false });
  expect(decoded.problems).toEqual([]);
  return decoded.rows.map((r) => r.record);
}

describe.each(['xlsx', 'csv', 'tsv'])('export to .%s then import gives the same records', (format) => {
  test('every table, random records', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(tableAndRecords, async ([name, records]) => {
        const schema = tableByName(name)!;
        const source = await sourceBook(schema, records);
        const expected = await recordsIn(source, schema);
        expect(expected).toHaveLength(records.length);
        const file = path.join(dir, `${schema.name}-${format}-${n++}.${format}`);
        const exported = await bulkExport(schema, await sheetRowsFromBook(source, schema), file);
        expect(exported.stats.rows).toBe(records.length);
        const target = new MemoryWorkbook('target');
        const result = await bulkImport(target, schema, file, context, { errorsFile: false });
        expect(result.problems).toEqual([]);
        expect(result.ok).toBe(true);
        expect(await recordsIn(target, schema)).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});

test('export streamed from an .xlsx book and imported into another .xlsx book gives the same records', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      tableAndRecordsForBooks,
      fc.constantFrom('xlsx', 'csv'),
      async ([name, records], format) => {
        const schema = tableByName(name)!;
        const bookFile = path.join(dir, `book-${n}.xlsx`);
        const targetFile = path.join(dir, `target-${n}.xlsx`);
        const file = path.join(dir, `streamed-${n++}.${format}`);
        const memory = await sourceBook(schema, records);
        const book = await XlsxWorkbook.open(bookFile, { create: true, lock: false });
        await book.write({
          sheets: [
            {
              sheet: schema.name,
              create: true,
              blocks: [{ row: 1, col: 1, values: (await memory.read([schema.name])).get(schema.name)! }],
            },
          ],
        });
        const expected = await recordsIn(book, schema);
        book.close();
        await bulkExport(schema, await sheetRowsFromXlsxBook(bookFile, schema), file);
        const target = await XlsxWorkbook.open(targetFile, { create: true, lock: false });
        try {
          const result = await bulkImport(target, schema, file, context, { errorsFile: false });
          expect(result.problems).toEqual([]);
          expect(await recordsIn(await XlsxWorkbook.open(targetFile, { lock: false }), schema)).toEqual(
            expected,
          );
        } finally {
          target.close();
        }
      },
    ),
    { numRuns: 8 },
  );
}, 120_000);
