/**
 * The add-on's actions: one entry each. A workflow that lands in the core becomes a menu action by filling
 * in `run` here (and nothing else); an entry without `run` stays in the menu and says it is not in this
 * version yet.
 */
import type { ActionResult, RunContext, Workbook } from '../../src/core';
import { checkStock, recordTracking, setUpSheets } from '../../src/core';
import { chooseCarriersAction } from './chooseCarriersAction';
import { buildSalesReport } from '../panels/schedule';
import { formatShipsheetSheets } from '../gas/sheetFormatting';
import type { Summary } from '../gas/notify';
import { labelsAction, labelsDialog } from '../labels/labelsAction';
import { amazonLabelProviders } from '../amazon/amazonConnection';
import { importFromAmazon } from '../amazon/importFromAmazon';
import { PURGE_CONFIRM, purgeBuyerData } from '../privacy/purgeBuyerData';

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
  /**
   * How the step relates to Orders rows. `orders`: each order is handled on its own (rating, labels), so
   * the step honours a selection on the Orders sheet and runs in passes on very large sheets. `sheet`: the
   * step weighs every order against the others (stock allocation, tracking numbers used twice), so it always
   * runs on the whole sheet in one go and says so when rows are selected. `none`: not about Orders rows.
   */
  readonly rows: 'orders' | 'sheet' | 'none';
  /** The step writes its own Log row (the core's workflows do); otherwise the runner writes one. */
  readonly logsItself: boolean;
  /** The workflow; absent while it is not in this version. */
  readonly run?: (env: StepEnvironment) => Promise<ActionResult>;
  /** Asked (Yes / No) before a destructive step runs from the menu; anything but Yes changes nothing. */
  readonly confirm?: { readonly title: string; readonly prompt: string };
  /** A dialog of its own to show the result in (links to files), instead of the usual toast or alert. */
  readonly resultDialog?: (result: ActionResult, summary: Summary) => GoogleAppsScript.HTML.HtmlOutput | null;
}

export const ACTIONS: readonly ActionSpec[] = [
  {
    id: 'importAmazonOrders',
    label: 'Import orders from Amazon',
    handler: 'menuImportAmazonOrders',
    rows: 'none',
    logsItself: true,
    run: (env) => importFromAmazon(env),
  },
  // Allocation weighs every order against the others (who gets scarce stock), so it needs them all.
  {
    id: 'checkStock',
    label: 'Check stock',
    handler: 'menuCheckStock',
    rows: 'sheet',
    logsItself: true,
    run: ({ book, context }) => checkStock(book, context),
  },
  {
    id: 'chooseCarriers',
    label: 'Choose carriers',
    handler: 'menuChooseCarriers',
    rows: 'orders',
    logsItself: true,
    run: ({ book, context }) => chooseCarriersAction(book, context, amazonLabelProviders),
  },
  {
    id: 'generateLabels',
    label: 'Generate labels',
    handler: 'menuGenerateLabels',
    rows: 'orders',
    logsItself: true,
    run: (env) => labelsAction(env, amazonLabelProviders),
    resultDialog: labelsDialog,
  },
  {
    id: 'recordTracking',
    label: 'Record tracking',
    handler: 'menuRecordTracking',
    // Every tracking number is checked against every order (one number on two orders is refused).
    rows: 'sheet',
    logsItself: true,
    run: ({ book, context }) => recordTracking(book, context),
  },
  {
    id: 'salesReport',
    label: 'Sales report',
    handler: 'menuSalesReport',
    rows: 'none',
    logsItself: true,
    // From the menu: last complete week (Monday–Sunday, the store's time zone); schedules choose their own.
    run: ({ book, context, spreadsheet }) => buildSalesReport(book, 'week', context, spreadsheet),
  },
  {
    id: 'purgePii',
    label: 'Purge buyer data…',
    handler: 'menuPurgePii',
    // Every order past the retention period, whatever is selected.
    rows: 'none',
    logsItself: true,
    confirm: PURGE_CONFIRM,
    run: ({ book, context }) => purgeBuyerData(book, context),
  },
  {
    id: 'setUpSheets',
    label: 'Set up sheets',
    handler: 'menuSetUpSheets',
    rows: 'none',
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
