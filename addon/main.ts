/**
 * The add-on's entry points: every function Apps Script calls by name (menu items, triggers, and the
 * sidebar's and dialogs' google.script.run calls). The build declares each export as a top-level function
 * of dist/Code.js; everything else is in the modules they hand over to.
 *
 * @OnlyCurrentDoc is deliberately absent: scheduled reports open the spreadsheet by id (see README, scopes).
 */
import { ACTIONS, actionById } from './actions/actionTable';
import type { RunOutcome } from './actions/runAction';
import { runAction } from './actions/runAction';
import { takeContinuation } from './actions/continuation';
import type { Upload } from './panels/importUpload';
import { importOrderFile } from './panels/importUpload';
import type { OrderRatesView, PickResult } from './panels/orderRates';
import { pickRate as pickRateFor, sidebarView } from './panels/orderRates';
import type { ScheduleConfig, ScheduleView, ScheduledRun } from './panels/schedule';
import {
  REPORT_HANDLER,
  runScheduledReport as runReport,
  saveSchedule as saveScheduleFor,
  scheduleView,
} from './panels/schedule';
import type { SaveResult, SettingsDialogData } from './panels/settingsDialog';
import { saveSettings as saveSettingsFor, settingsDialogData, storeSecret } from './panels/settingsDialog';
import { SpreadsheetWorkbook } from './gas/spreadsheetWorkbook';

const active = () => SpreadsheetApp.getActiveSpreadsheet();

/** The menu, in the order a seller's day goes. Menu building only: safe under AuthMode.NONE. */
const MENU: readonly ({ label: string; handler: string } | null)[] = [
  { label: 'Import orders…', handler: 'menuImportOrders' },
  ...ACTIONS.filter((a) => !['setUpSheets', 'salesReport', 'purgePii'].includes(a.id)).map((a) => ({
    label: a.label,
    handler: a.handler,
  })),
  null,
  { label: 'Order rates (sidebar)…', handler: 'menuOrderRates' },
  { label: actionById('salesReport').label, handler: actionById('salesReport').handler },
  { label: 'Schedule reports…', handler: 'menuScheduleReports' },
  { label: actionById('purgePii').label, handler: actionById('purgePii').handler },
  null,
  { label: actionById('setUpSheets').label, handler: actionById('setUpSheets').handler },
  { label: 'Settings…', handler: 'menuSettings' },
];

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // No properties, no sheet access, no fetch: under AuthMode.NONE (installed, not yet used in this
  // document) only building the menu is allowed.
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item.label, item.handler);
  }
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

function menuRun(id: string): RunOutcome {
  return runAction(actionById(id), { spreadsheet: active(), interactive: true });
}

export const menuImportAmazonOrders = (): RunOutcome => menuRun('importAmazonOrders');
export const menuCheckStock = (): RunOutcome => menuRun('checkStock');
export const menuChooseCarriers = (): RunOutcome => menuRun('chooseCarriers');
export const menuGenerateLabels = (): RunOutcome => menuRun('generateLabels');
export const menuRecordTracking = (): RunOutcome => menuRun('recordTracking');
export const menuSalesReport = (): RunOutcome => menuRun('salesReport');
export const menuSetUpSheets = (): RunOutcome => menuRun('setUpSheets');
export const menuPurgePii = (): RunOutcome => menuRun('purgePii');

function showDialog(file: string, title: string, width: number, height: number): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

export function menuImportOrders(): void {
  showDialog('ImportDialog', 'Import orders', 520, 420);
}

export function menuSettings(): void {
  showDialog('SettingsDialog', 'Shipsheet settings', 560, 640);
}

export function menuScheduleReports(): void {
  showDialog('ScheduleDialog', 'Schedule reports', 480, 520);
}

export function menuOrderRates(): void {
  SpreadsheetApp.getUi().showSidebar(
    HtmlService.createHtmlOutputFromFile('RatesSidebar').setTitle('Shipsheet: order rates'),
  );
}

// google.script.run calls from the sidebar and dialogs. Arguments and results are plain JSON.

export function getOrderRates(): OrderRatesView {
  return sidebarView(active());
}

export function chooseRate(orderId: string, packageKey: string, index: number): PickResult {
  return pickRateFor(active(), String(orderId), String(packageKey), Number(index));
}

export function getSettings(): SettingsDialogData {
  return settingsDialogData(active());
}

export function saveSettings(values: Record<string, unknown>): SaveResult {
  return saveSettingsFor(active(), values);
}

export function saveSecret(name: string, value: string): SaveResult & { secrets: string[] } {
  return storeSecret(name, value);
}

export function uploadOrderReport(upload: Upload): RunOutcome {
  return importOrderFile(active(), upload);
}

export function getSchedule(): ScheduleView {
  return scheduleView(active());
}

export function saveSchedule(config: Partial<ScheduleConfig>): ScheduleView {
  return saveScheduleFor(active(), config);
}

// Triggers.

/** One-off trigger that goes on with a long run (see actions/continuation). */
export function continueRun(e?: { triggerUid?: string }): RunOutcome | null {
  const cursor = takeContinuation(PropertiesService.getUserProperties(), e?.triggerUid);
  if (!cursor) return null;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet() ?? SpreadsheetApp.openById(cursor.spreadsheetId);
  return runAction(actionById(cursor.action), {
    spreadsheet,
    interactive: false,
    cursor,
    source: 'continuation trigger',
  });
}

/** The time-driven trigger the Schedule reports… dialog installs. */
export function runScheduledReport(e?: { triggerUid?: string }): ScheduledRun {
  return runReport(e?.triggerUid);
}

/** Not an Apps Script entry point (no top-level wrapper: its name starts with _): the contract tests use it. */
export function _workbook(spreadsheetId?: string): SpreadsheetWorkbook {
  return new SpreadsheetWorkbook(spreadsheetId ? SpreadsheetApp.openById(spreadsheetId) : active());
}

export const _handlers = { report: REPORT_HANDLER, menu: MENU };
