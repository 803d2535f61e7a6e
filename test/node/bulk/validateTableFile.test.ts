import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { decodeTable, inventoryTable, keyOf } from '../../../src/core';
import type { FieldValue, Problem } from '../../../src/core';
import { validateTableFile } from '../../../src/node/bulk/validateTableFile';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-check-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = 'sku,location,on-hand,unit-cost,currency,counted-at';

/** A seeded file of `n` rows with a bad value, a missing key part, a blank line or a duplicate now and then. */
function makeRows(n: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 997 === 5) lines.push(',,,,,');
    else if (i % 1009 === 7)
      lines.push(`SKU-${i - 1},A-${(i - 1) % 7},1,1.00,USD,`); // duplicate of the previous row
    else if (i % 1013 === 11) lines.push(`SKU-${i},A-${i % 7},-${i},1.00,USD,`);
    else if (i % 1019 === 13) lines.push(`SKU-${i},,3,1.00,USD,`);
    else if (i % 1021 === 17) lines.push(`SKU-${i},A-${i % 7},3,12.345,USD,2026-02-30T10:00:00Z`);
    else if (i % 1031 === 19) lines.push(`SKU-${i},A-${i % 7},3,1980,JPY,"2026-11-30T09:00:00-08:00"`);
    else lines.push(`SKU-${i},A-${i % 7},${i % 50},${(i % 900) / 100},USD,2026-11-30T09:00:00Z`);
  }
  return lines;
}

/** What --check must find: the whole file decoded at once, plus duplicate keys, in row order. */
function expected(csv: string) {
  const grid = parse(csv, { relax_column_count: true }) as string[][];
  const t = decodeTable(inventoryTable, grid, { source: 'inv.csv' });
  const problems: Problem[] = [...t.problems];
  const seen = new Map<string, number>();
  let rejected = 0;
  for (const r of t.rows) {
    if (!r.valid) {
      rejected++;
      continue;
    }
    const key = keyOf(inventoryTable, r.record as Record<string, FieldValue>);
    if (key === null) continue;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, r.rowNumber);
    else {
      rejected++;
      problems.push({
        sheet: 'inv.csv',
        row: r.rowNumber,
        column: 'location',
        message: `duplicate sku + location: the same as row ${earlier}; this row would not be imported`,
      });
    }
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { problems, rows: t.rows.length, rejected };
}

describe('import --check (validateTableFile)', () => {
  test('finds every problem a whole-file decode finds, across many batches, in row order', async () => {
    const csv = `${HEADER}\r\n${makeRows(12_000).join('\r\n')}\r\n`;
    const file = path.join(dir, 'inv.csv');
    fs.writeFileSync(file, csv);
    const errorsFile = path.join(dir, 'inv.errors.csv');
    const result = await validateTableFile(inventoryTable, file, { errorsFile });
    const want = expected(csv);
    expect(want.problems.length).toBeGreaterThan(40);
    expect(result.stats).toEqual({
      rowsRead: want.rows,
      valid: want.rows - want.rejected,
      rejected: want.rejected,
      problems: want.problems.length,
    });
    expect(result.problems).toEqual(want.problems);
    const written = parse(fs.readFileSync(errorsFile, 'utf8'), { bom: true }) as string[][];
    expect(written[0]).toEqual(['row', 'column', 'value', 'message']);
    expect(written.slice(1).map((r) => [Number(r[0]), r[1], r[3]])).toEqual(
      want.problems.map((p) => [p.row, p.column, p.message]),
    );
    expect(written.find((r) => r[1] === 'unit-cost')).toEqual([
      expect.any(String),
      'unit-cost',
      '12.345',
      'unit-cost has more than 2 decimal places for USD',
    ]);
  });

  test('a header below a preamble, blank lines and a clean file: no errors file', async () => {
    const file = path.join(dir, 'clean.csv');
    fs.writeFileSync(
      file,
      `TemplateType=inventory,Version=2026\r\n\r\n${HEADER}\r\nA,L,1,,,\r\n\r\n  ,,,,,\r\nB,L,2,0.50,KWD,\r\n`,
    );
    const result = await validateTableFile(inventoryTable, file);
    expect(result.problems).toEqual([]);
    expect(result.stats).toEqual({ rowsRead: 2, valid: 2, rejected: 0, problems: 0 });
    expect(fs.existsSync(path.join(dir, 'clean.errors.csv'))).toBe(false);
  });

  test('a file that is not the table is refused before any row is checked', async () => {
    const file = path.join(dir, 'other.csv');
    fs.writeFileSync(file, 'order-id,sku\r\n1,A\r\n');
    const result = await validateTableFile(inventoryTable, file, { errorsFile: false });
    expect(result.ok).toBe(false);
    expect(result.lines.join(' ')).toMatch(
      /other\.csv is not an Inventory file: no row has the Inventory headers/,
    );
  });
});
