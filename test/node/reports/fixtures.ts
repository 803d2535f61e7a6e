// A small workbook and Amazon files for the Node report tests: the sample data the demo uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  importOrders,
  importTable,
  inventoryTable,
  listingsTable,
  parseOrderReport,
  setUpSheets,
} from '../../../src/core';
import { readTableFile } from '../../../src/node/flatfiles/readTableFile';
import { templatePath } from '../../../src/node/packageRoot';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';

export const NOW = new Date('2026-12-01T17:00:00Z');
export const SAMPLE_ALL_ORDERS = templatePath('sample', 'all-orders.txt');
export const SAMPLE_SETTLEMENT = templatePath('sample', 'settlement.txt');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh .xlsx workbook with the sample listings, inventory and unshipped orders. */
export async function sampleBook(dir: string): Promise<string> {
  const file = path.join(dir, 'book.xlsx');
  const book = await XlsxWorkbook.open(file, { create: true });
  try {
    const context = { now: NOW };
    await setUpSheets(book);
    for (const [schema, name] of [
      [listingsTable, 'listings.tsv'],
      [inventoryTable, 'inventory.tsv'],
    ] as const)
      await importTable(
        book,
        schema,
        (await readTableFile(templatePath('sample', name))).grid,
        name,
        context,
      );
    const orders = (await readTableFile(templatePath('sample', 'unshipped-orders.txt'))).grid;
    await importOrders(
      book,
      parseOrderReport(orders, 'unshipped-orders.txt'),
      'unshipped-orders.txt',
      context,
    );
  } finally {
    book.close();
  }
  return file;
}

/** Where tests keep files a person may want to look at (gitignored). */
export function testOutput(...parts: string[]): string {
  const dir = path.join(__dirname, '..', '..', '..', 'test-output', ...parts.slice(0, -1));
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, parts[parts.length - 1]);
}
