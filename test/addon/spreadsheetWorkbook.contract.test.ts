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
