import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Workbook } from '../../src/core';
import { XlsxWorkbook } from '../../src/node/xlsx/xlsxWorkbook';
import { describeWorkbookContract } from './workbookContract';

describeWorkbookContract('.xlsx (exceljs)', async (initial) => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-contract-'));
  const file = path.join(dir, 'book.xlsx');
  const seed = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(initial)) {
    const ws = seed.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
  }
  if (Object.keys(initial).length === 0) seed.addWorksheet('Sheet1');
  await seed.xlsx.writeFile(file);
  const opened: XlsxWorkbook[] = [];
  // The first open holds the lock; a reopen is a second reader of what is on disk.
  const openOne = async (lock: boolean): Promise<Workbook> => {
    const b = await XlsxWorkbook.open(file, { lock });
    opened.push(b);
    return b;
  };
  const book = await openOne(true);
  return {
    book,
    reopen: () => openOne(false),
    cleanup: async () => {
      opened.forEach((b) => b.close());
      await fs.promises.rm(dir, { recursive: true, force: true });
    },
  };
});
