/** Record tracking from the menu, on the bundle: numbers typed into Orders move their orders to Shipped. */
import type { Grid } from '../../src/core';
import { decodeTable, logTable, ordersTable } from '../../src/core';
import type { AppsScript } from '../fakes/appsScript';
import { column, sheetFromTemplates } from './sheetFromTemplates';

interface Outcome {
  status: string;
  title: string;
  body: string;
}

/** A single-item order of the sample sheet, as row number and order id. */
function singleItemOrders(gas: AppsScript): { row: number; orderId: string }[] {
  const rows = decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid).rows;
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.record['order-id'], (count.get(r.record['order-id']) ?? 0) + 1);
  return rows
    .filter((r) => count.get(r.record['order-id']) === 1)
    .map((r) => ({ row: r.rowNumber, orderId: r.record['order-id'] }));
}

function type(gas: AppsScript, row: number, header: string, value: string): void {
  gas.spreadsheet.sheet('Orders')!.cell(row - 1, column(gas, 'Orders', header)).value = value;
}

describe('Record tracking (menu)', () => {
  it('records typed tracking numbers: Shipped with carrier and ship date, a Shipments row, a Log row', () => {
    const gas = sheetFromTemplates();
    const [a, b] = singleItemOrders(gas);
    type(gas, a.row, 'tracking-number', '1Z5R89390357567127');
    type(gas, b.row, 'tracking-number', '9405803699300124287899');
    const out = gas.call<Outcome>('menuRecordTracking');
    expect(['done', 'problems']).toContain(out.status);
    const rows = decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid).rows;
    const recA = rows.find((r) => r.rowNumber === a.row)!.record;
    const recB = rows.find((r) => r.rowNumber === b.row)!.record;
    expect([recA.status, recA.carrier]).toEqual(['Shipped', 'UPS']);
    expect([recB.status, recB.carrier]).toEqual(['Shipped', 'USPS']);
    expect(recA['ship-date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.filter((r) => r.record.status === 'Shipped')).toHaveLength(2);
    expect(gas.spreadsheet.values('Shipments').length).toBe(3);
    const log = decodeTable(logTable, gas.spreadsheet.values('Log') as Grid).rows.map((r) => r.record.action);
    expect(log[log.length - 1]).toBe('record tracking');
    // Again: nothing more to record.
    const before = gas.spreadsheet.values('Orders');
    gas.call('menuRecordTracking');
    expect(gas.spreadsheet.values('Orders')).toEqual(before);
  });

  it('a number with a bad check digit is a problem in the dialog and the order stays as it was', () => {
    const gas = sheetFromTemplates();
    const [a] = singleItemOrders(gas);
    type(gas, a.row, 'tracking-number', '1Z5R89390357567128');
    const out = gas.call<Outcome>('menuRecordTracking');
    expect(out.status).toBe('problems');
    expect(out.body).toMatch(
      new RegExp(`Orders, row ${a.row}, column \\w[\\w-]*: tracking number 1Z5R89390357567128`),
    );
    expect(gas.sheets.ui.some((e) => e.kind === 'alert' && /problem/.test(e.title))).toBe(true);
    const rec = decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid).rows.find(
      (r) => r.rowNumber === a.row,
    )!.record;
    expect(rec.status).toBe('New');
  });

  it('runs on the whole sheet even when rows are selected, and says why', () => {
    const gas = sheetFromTemplates();
    const [a, b] = singleItemOrders(gas);
    type(gas, a.row, 'tracking-number', '1Z5R89390357567127');
    type(gas, b.row, 'tracking-number', '9405803699300124287899');
    gas.spreadsheet.select('Orders', `A${a.row}:C${a.row}`);
    const out = gas.call<Outcome>('menuRecordTracking');
    expect(out.body).toMatch(/weighs every order against the others, so it ran on the whole Orders sheet/);
    const shipped = decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid).rows.filter(
      (r) => r.record.status === 'Shipped',
    );
    expect(shipped.map((r) => r.rowNumber).sort()).toEqual([a.row, b.row].sort());
  });
});
