import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { MemoryWorkbook, TableEditor, ordersTable } from '../../../src/core';
import { bulkExport, sheetRowsFromBook } from '../../../src/node/bulk/bulkExport';

let dir: string;
let ws: ExcelJS.Worksheet;
let csv: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-xlsxfmt-'));
  const book = new MemoryWorkbook('mem');
  const editor = new TableEditor(
    ordersTable,
    null,
    ordersTable.columns.map((c) => c.name),
  );
  editor.append({
    'order-id': '111-2223334-4455566',
    'order-item-id': '11122233344455',
    sku: '=cmd|" /C calc"!A0',
    'quantity-purchased': 2,
    currency: 'USD',
    'item-price': 123456,
    'ship-postal-code': '02134',
    status: 'Shipped',
    carrier: 'USPS',
    'ship-date': '2026-12-01',
    'days-past-promise': -2,
  });
  await book.write({ sheets: [editor.toWrite()] });
  await bulkExport(ordersTable, await sheetRowsFromBook(book, ordersTable), path.join(dir, 'orders.xlsx'));
  await bulkExport(ordersTable, await sheetRowsFromBook(book, ordersTable), path.join(dir, 'orders.csv'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'orders.xlsx'));
  ws = wb.getWorksheet('Orders')!;
  csv = fs.readFileSync(path.join(dir, 'orders.csv'), 'utf8');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const col = (name: string) => ordersTable.columns.findIndex((c) => c.name === name) + 1;

describe('an exported .xlsx opens in Excel the way a seller expects', () => {
  test('the header row is frozen, bold and filled, with a filter', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const h = ws.getCell(1, 1);
    expect(h.value).toBe('order-id');
    expect(h.font?.bold).toBe(true);
    expect(h.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.autoFilter).toBeTruthy();
  });

  test('columns have the schema’s widths', () => {
    expect(ws.getColumn(col('order-id')).width).toBe(20);
    expect(ws.getColumn(col('product-name')).width).toBe(40);
  });

  test('ids and ZIPs are text cells in text format (no 1.11E+13, no lost leading zero)', () => {
    const id = ws.getCell(2, col('order-item-id'));
    expect(id.value).toBe('11122233344455');
    expect(id.numFmt).toBe('@');
    expect(ws.getCell(2, col('ship-postal-code')).value).toBe('02134');
  });

  test('money is a number with a money format, dates are dates, negative numbers stay numbers', () => {
    const price = ws.getCell(2, col('item-price'));
    expect(price.value).toBe(1234.56);
    expect(price.numFmt).toBe('#,##0.00');
    const shipDate = ws.getCell(2, col('ship-date'));
    expect(shipDate.value).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(shipDate.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell(2, col('days-past-promise')).value).toBe(-2);
  });

  test('status and carrier columns have drop-downs', () => {
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const letter = (n: number) => ws.getColumn(n).letter;
    const status = Object.entries(model).find(([k]) => k.startsWith(`${letter(col('status'))}2`))?.[1];
    expect(status).toMatchObject({ type: 'list', errorStyle: 'error' });
    expect(status?.formulae[0]).toContain('Shipped');
    const carrier = Object.entries(model).find(([k]) => k.startsWith(`${letter(col('carrier'))}2`))?.[1];
    expect(carrier).toMatchObject({ type: 'list', errorStyle: 'warning' });
  });

  test('formula-like text is neutralised in the xlsx and the CSV', () => {
    expect(ws.getCell(2, col('sku')).value).toBe(`'=cmd|" /C calc"!A0`);
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(',-2,');
  });
});
