/** A spreadsheet as a seller starts it: Set up sheets from the menu, then the sample order report uploaded. */
import fs from 'node:fs';
import path from 'node:path';
import { AppsScript, ROOT } from '../fakes/appsScript';

export const SAMPLE_REPORT = path.join(ROOT, 'templates/sample/unshipped-orders.txt');

export function upload(name: string, bytes: Buffer): { name: string; base64: string } {
  return { name, base64: bytes.toString('base64') };
}

export function sheetFromTemplates(gas = new AppsScript()): AppsScript {
  gas.call('onOpen', { authMode: 'LIMITED' });
  gas.call('menuSetUpSheets');
  gas.call('uploadOrderReport', upload('unshipped-orders.txt', fs.readFileSync(SAMPLE_REPORT)));
  gas.sheets.ui.length = 0;
  gas.spreadsheet.toasts.length = 0;
  return gas;
}

/** The header row and the column position (0-based) of a header in a sheet of the fake. */
export function column(gas: AppsScript, sheet: string, header: string): number {
  const i = gas.spreadsheet.values(sheet)[0].indexOf(header);
  if (i < 0) throw new Error(`${sheet} has no column ${header}`);
  return i;
}
