/**
 * The add-on's actions: one entry each. A workflow that lands in the core becomes a menu action by filling
 * in `run` here (and nothing else); an entry without `run` stays in the menu and says it is not in this
 * version yet.
 */
import type { ActionResult, RunContext, Workbook } from '../../src/core';
import { setUpSheets } from '../../src/core';
import { formatShipsheetSheets } from '../gas/sheetFormatting';

export interface StepEnvironment {
  /** The spreadsheet as a Workbook (the selection and the dialog's settings already applied). */
  readonly book: Workbook;
  readonly context: RunContext;
  /** The spreadsheet itself, for steps that format sheets. */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export interface ActionSpec {
  readonly id: string;
  /** The menu item's text. */
  readonly label: string;
  /** The top-level function the menu item calls. */
  readonly handler: string;
  /** Works on Orders rows: honours a selection on the Orders sheet and runs in passes on large sheets. */
  readonly orderRows: boolean;
  /** The step writes its own Log row (the core's workflows do); otherwise the runner writes one. */
  readonly logsItself: boolean;
  /** The workflow; absent while it is not in this version. */
  readonly run?: (env: StepEnvironment) => Promise<ActionResult>;
}

export const ACTIONS: readonly ActionSpec[] = [
  { id: 'checkStock', label: 'Check stock', handler: 'menuCheckStock', orderRows: true, logsItself: true },
  {
    id: 'chooseCarriers',
    label: 'Choose carriers',
    handler: 'menuChooseCarriers',
    orderRows: true,
    logsItself: true,
  },
  {
    id: 'generateLabels',
    label: 'Generate labels',
    handler: 'menuGenerateLabels',
    orderRows: true,
    logsItself: true,
  },
  {
    id: 'recordTracking',
    label: 'Record tracking',
    handler: 'menuRecordTracking',
    orderRows: true,
    logsItself: true,
  },
  {
    id: 'salesReport',
    label: 'Sales report',
    handler: 'menuSalesReport',
    orderRows: false,
    logsItself: true,
  },
  {
    id: 'setUpSheets',
    label: 'Set up sheets',
    handler: 'menuSetUpSheets',
    orderRows: false,
    logsItself: false,
    run: async ({ book, spreadsheet }) => {
      const result = await setUpSheets(book);
      const formatted = formatShipsheetSheets(spreadsheet);
      return { ...result, lines: [...result.lines, formatted], stats: { ...result.stats } };
    },
  },
];

export function actionById(id: string): ActionSpec {
  const a = ACTIONS.find((x) => x.id === id);
  if (!a) throw new Error(`Shipsheet has no action ${id}`);
  return a;
}
