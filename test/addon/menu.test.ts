/**
 * The add-on as shipped (dist/Code.js in a vm, Google's services faked): the menu, Set up sheets, the order
 * upload, the items whose workflow is not in this version, and the document lock.
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';
import type { Grid } from '../../src/core';
import { ALL_TABLES, ORDER_STATUSES, decodeTable, ordersTable, templateHeaders } from '../../src/core';
import { AppsScript } from '../fakes/appsScript';
import type { FakeSpreadsheet } from '../fakes/spreadsheetApp';
import { SAMPLE_REPORT, column, sheetFromTemplates, upload } from './sheetFromTemplates';

interface Outcome {
  status: string;
  title: string;
  body: string;
  problems: number;
}

const snapshot = (b: FakeSpreadsheet) => JSON.stringify(b.sheets.map((s) => [s.name, b.values(s.name)]));

describe('the add-on menu', () => {
  it('builds the menu under AuthMode.NONE without touching any authorized service', () => {
    const gas = new AppsScript();
    gas.authModeNone = true;
    gas.call('onOpen', { authMode: 'NONE' });
    const menu = gas.sheets.ui.find((e) => e.kind === 'menu')!;
    expect(menu.items!.map((i) => i.label)).toEqual([
      'Import orders…',
      'Import orders from Amazon',
      'Check stock',
      'Choose carriers',
      'Generate labels',
      'Record tracking',
      '---',
      'Order rates (sidebar)…',
      'Sales report',
      'Schedule reports…',
      'Purge buyer data…',
      '---',
      'Set up sheets',
      'Settings…',
    ]);
    for (const item of menu.items!.filter((i) => i.handler !== ''))
      expect(typeof gas.context[item.handler]).toBe('function');
    expect(gas.calls.methods('SpreadsheetApp')).toEqual({
      'SpreadsheetApp.getUi': 1,
      'Ui.createAddonMenu': 1,
    });
    expect(
      gas.calls.get('PropertiesService') + gas.calls.get('LockService') + gas.calls.get('ScriptApp'),
    ).toBe(0);
  });

  it('onInstall adds the same menu', () => {
    const gas = new AppsScript();
    gas.call('onInstall', { authMode: 'FULL' });
    expect(gas.sheets.ui.filter((e) => e.kind === 'menu')).toHaveLength(1);
  });

  it('opens the sidebar and the dialogs from the HTML files of the build', () => {
    const gas = new AppsScript();
    gas.call('menuOrderRates');
    gas.call('menuSettings');
    gas.call('menuImportOrders');
    gas.call('menuScheduleReports');
    expect(gas.sheets.ui.map((e) => [e.kind, e.title])).toEqual([
      ['sidebar', 'Shipsheet: order rates'],
      ['dialog', 'Shipsheet settings'],
      ['dialog', 'Import orders'],
      ['dialog', 'Schedule reports'],
    ]);
    expect(gas.sheets.ui[0].body).toContain('google.script.run');
  });
});

describe('Set up sheets', () => {
  it('creates every table with its header, a frozen bold header, number formats, drop-downs and a Log row', () => {
    const gas = new AppsScript();
    const out = gas.call<Outcome>('menuSetUpSheets');
    expect(out.status).toBe('done');
    const book = gas.spreadsheet;
    for (const t of ALL_TABLES) {
      const sheet = book.sheet(t.name)!;
      expect(book.values(t.name)[0]).toEqual(templateHeaders(t));
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.peek(0, 0)?.bold).toBe(true);
    }
    const orders = book.sheet('Orders')!;
    const zip = column(gas, 'Orders', 'ship-postal-code');
    const status = column(gas, 'Orders', 'status');
    const carrier = column(gas, 'Orders', 'carrier');
    const rate = column(gas, 'Orders', 'rate');
    // The whole column, not just the rows written: a ZIP pasted by hand later stays text too.
    expect(orders.peek(orders.maxRows - 1, zip)?.format).toBe('@');
    expect(orders.peek(1, rate)?.format).toBe('#,##0.00');
    const statusRule = orders.peek(500, status)!.validation!;
    expect(statusRule.getCriteriaValues()[0]).toEqual([...ORDER_STATUSES]);
    expect(statusRule.getAllowInvalid()).toBe(false);
    const carrierRule = orders.peek(1, carrier)!.validation!;
    expect(carrierRule.getCriteriaValues()[0]).toContain('USPS');
    expect(carrierRule.getAllowInvalid()).toBe(true);
    expect(book.values('Settings').length).toBeGreaterThan(10);
    const log = book.values('Log');
    expect(log).toHaveLength(2);
    expect(log[1][1]).toBe('set up sheets');
    expect(log[1][2]).toBe('seller@example.com');
    expect(book.toasts[0].message).toContain('Created Orders');
  });

  it('changes nothing the second time but logs the run', () => {
    const gas = new AppsScript();
    gas.call('menuSetUpSheets');
    const before = gas.spreadsheet.sheets.map((s) => s.name);
    const out = gas.call<Outcome>('menuSetUpSheets');
    expect(out.body).toContain('already has every Shipsheet sheet');
    expect(gas.spreadsheet.sheets.map((s) => s.name)).toEqual(before);
    expect(gas.spreadsheet.values('Log')).toHaveLength(3);
  });
});

describe('Import orders… (upload)', () => {
  it('imports the sample report, keeps ids and ZIP codes as text, and changes nothing on a second upload', () => {
    const gas = sheetFromTemplates();
    const grid = gas.spreadsheet.values('Orders') as Grid;
    const t = decodeTable(ordersTable, grid);
    expect(t.problems).toEqual([]);
    expect(t.rows).toHaveLength(14);
    const zip = column(gas, 'Orders', 'ship-postal-code');
    expect(grid.map((r) => r[zip])).toContain('02116');
    expect(grid.every((r) => typeof r[column(gas, 'Orders', 'order-item-id')] === 'string')).toBe(true);
    expect(t.rows.every((r) => r.record.status === 'New')).toBe(true);
    const again = gas.call<Outcome>(
      'uploadOrderReport',
      upload('unshipped-orders.txt', fs.readFileSync(SAMPLE_REPORT)),
    );
    expect(again.status).toBe('done');
    expect(again.body).toContain('0 added, 0 updated, 14 unchanged');
    expect(gas.spreadsheet.values('Orders')).toEqual(grid);
    const log = gas.spreadsheet.values('Log');
    expect(log.slice(1).map((r) => r[1])).toEqual(['set up sheets', 'import orders', 'import orders']);
  });

  it('decodes a Windows-1252 report and a CSV copy', () => {
    const gas = new AppsScript();
    gas.call('menuSetUpSheets');
    const text =
      'order-id\torder-item-id\tsku\tquantity-purchased\tship-postal-code\trecipient-name\n111-0000001-0000001\t10000000000001\tSKU-1\t1\t02134\tJosé Núñez\n';
    const r = gas.call<Outcome>('uploadOrderReport', upload('cp1252.txt', iconv.encode(text, 'win1252')));
    expect(r.status).toBe('done');
    const csv =
      'order-id,order-item-id,sku,quantity-purchased,ship-postal-code,recipient-name\n111-0000001-0000002,10000000000002,SKU-2,3,00501,"Doe, Jane"\n';
    expect(gas.call<Outcome>('uploadOrderReport', upload('copy.csv', Buffer.from(csv))).status).toBe('done');
    const rows = decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid).rows.map((x) => x.record);
    expect(rows.map((x) => [x['recipient-name'], x['ship-postal-code'], x['quantity-purchased']])).toEqual([
      ['José Núñez', '02134', 1],
      ['Doe, Jane', '00501', 3],
    ]);
  });

  it('refuses an Excel file, a binary file and a file that is not an order report, changing nothing', () => {
    const gas = sheetFromTemplates();
    const before = snapshot(gas.spreadsheet);
    const xlsx = gas.call<Outcome>(
      'uploadOrderReport',
      upload('orders.xlsx', Buffer.from('PK\u0003\u0004rest-of-zip')),
    );
    expect(xlsx.status).toBe('refused');
    expect(xlsx.body).toMatch(/Excel workbook/);
    const png = gas.call<Outcome>(
      'uploadOrderReport',
      upload('x.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])),
    );
    expect(png.body).toMatch(/not a text file/);
    const other = gas.call<Outcome>(
      'uploadOrderReport',
      upload('inventory.tsv', Buffer.from('sku\ton-hand\nA\t1\n')),
    );
    expect(other.status).toBe('refused');
    expect(other.body).toMatch(/inventory\.tsv is not an Amazon order report/);
    expect(snapshot(gas.spreadsheet)).toBe(before);
  });
});

describe('menu items whose workflow is not in this version', () => {
  it.each([
    'menuCheckStock',
    'menuChooseCarriers',
    'menuGenerateLabels',
    'menuRecordTracking',
    'menuSalesReport',
  ])('%s says so and changes nothing', (handler) => {
    const gas = sheetFromTemplates();
    const before = snapshot(gas.spreadsheet);
    const out = gas.call<Outcome>(handler);
    if (out.status === 'unavailable') {
      expect(out.body).toMatch(/not in this version of the Shipsheet add-on yet/);
      const alert = gas.sheets.ui.find((e) => e.kind === 'alert')!;
      expect(alert.title).toMatch(/not in this version yet/);
      expect(snapshot(gas.spreadsheet)).toBe(before);
    } else expect(['done', 'problems', 'refused']).toContain(out.status);
  });
});

describe('the document lock', () => {
  it('a second user gets "another run is in progress" and nothing changes', () => {
    const gas = new AppsScript();
    gas.holdDocumentLock('other@example.com#execution');
    const out = gas.call<Outcome>('menuSetUpSheets');
    expect(out.status).toBe('busy');
    expect(gas.spreadsheet.toasts[0].message).toMatch(/Another Shipsheet run is in progress/);
    expect(gas.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    gas.releaseDocumentLock();
    expect(gas.call<Outcome>('menuSetUpSheets').status).toBe('done');
  });

  it('is released after a run, also when the run fails', () => {
    const gas = sheetFromTemplates();
    const state = gas.documentLockState()!;
    expect(state.holder).toBeNull();
    expect(state.acquired).toBe(state.released);
    // A header that lost order-item-id: the import refuses, names the sheet, and writes nothing.
    const orders = gas.spreadsheet.sheet('Orders')!;
    orders.cell(0, column(gas, 'Orders', 'order-item-id')).value = 'item';
    const before = snapshot(gas.spreadsheet);
    const out = gas.call<Outcome>('uploadOrderReport', upload('r.txt', fs.readFileSync(SAMPLE_REPORT)));
    expect(out.status).toBe('refused');
    expect(out.body).toMatch(/Orders sheet has no order-item-id column/);
    expect(snapshot(gas.spreadsheet)).toBe(before);
    expect(state.holder).toBeNull();
  });
});

describe('Sales report', () => {
  it('rebuilds the Sales Report sheet with the core and logs the run', () => {
    const gas = sheetFromTemplates();
    const out = gas.call<Outcome>('menuSalesReport');
    expect(['done', 'problems']).toContain(out.status);
    const report = gas.spreadsheet.values('Sales Report');
    expect(report.length).toBeGreaterThan(1);
    const log = gas.spreadsheet.values('Log');
    expect(log[log.length - 1][1]).toBe('report sales');
    // Again: the same sheet (rebuilt, not appended to).
    gas.call('menuSalesReport');
    expect(gas.spreadsheet.values('Sales Report')).toEqual(report);
  });
});
