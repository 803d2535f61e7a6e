/**
 * The add-on's Workbook on SpreadsheetApp passes the same contract as every backend, running inside the
 * built dist/Code.js against the fake of Google's spreadsheet service.
 */
import type { Grid, Workbook, WritePlan } from '../../src/core';
import { describeWorkbookContract } from '../contract/workbookContract';
import { AppsScript } from '../fakes/appsScript';

interface Namespace {
  _workbook(id?: string): Workbook;
}

/** The bundle's promises settle synchronously; hand them to the suite as ordinary promises. */
function asNodeWorkbook(book: Workbook): Workbook {
  return {
    label: book.label,
    read: (names) => Promise.resolve(book.read(names)),
    write: (plan: WritePlan) => Promise.resolve(book.write(plan)),
    sheetNames: () => Promise.resolve(book.sheetNames()),
  };
}

describeWorkbookContract(
  'Google Sheets add-on (SpreadsheetApp, in the bundle)',
  async (initial: Record<string, Grid>) => {
    const gas = new AppsScript();
    for (const [name, grid] of Object.entries(initial)) gas.spreadsheet.seed(name, grid);
    const ns = gas.namespace<Namespace>();
    return {
      book: asNodeWorkbook(ns._workbook()),
      reopen: async () => asNodeWorkbook(ns._workbook(gas.spreadsheet.id)),
      cleanup: async () => undefined,
    };
  },
);

describe('the SpreadsheetApp Workbook when Google refuses a write half way', () => {
  it('undoes what it had written: values, appended rows and created sheets', async () => {
    const gas = new AppsScript();
    gas.spreadsheet.seed('Orders', [
      ['order-item-id', 'status'],
      ['1', 'New'],
    ]);
    gas.spreadsheet.seed('Log', [['time', 'action']]);
    // The spreadsheet's owner protected the Log's second column.
    gas.spreadsheet.sheet('Log')!.protectedColumns.add(2);
    const book = asNodeWorkbook(gas.namespace<Namespace>()._workbook());
    const before = gas.spreadsheet.values('Orders');
    const maxRows = gas.spreadsheet.sheet('Orders')!.maxRows;
    await expect(
      book.write({
        sheets: [
          { sheet: 'Orders', blocks: [{ row: 2, col: 2, values: [['Allocated'], ['New']] }] },
          { sheet: 'Report', create: true, blocks: [{ row: 1, col: 1, values: [['x']] }] },
          { sheet: 'Log', blocks: [{ row: 2, col: 1, values: [['2026-12-01', 'check stock']] }] },
        ],
      }),
    ).rejects.toThrow(/protected cell.*what had been written was undone, so nothing changed/);
    expect(gas.spreadsheet.values('Orders')).toEqual(before);
    expect(gas.spreadsheet.sheet('Orders')!.maxRows).toBe(maxRows);
    expect(gas.spreadsheet.sheet('Report')).toBeUndefined();
    expect(gas.spreadsheet.values('Log')).toEqual([['time', 'action']]);
  });
});
