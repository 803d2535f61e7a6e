/** A spreadsheet as a seller starts it: Set up sheets from the menu, then the sample order report uploaded. */
import fs from 'node:fs';
import path from 'node:path';
import type { Grid } from '../../src/core';
import { defaultSettingsRows, splitTabDelimited } from '../../src/core';
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

const sampleGrid = (folder: string, file: string): Grid =>
  splitTabDelimited(fs.readFileSync(path.join(ROOT, 'templates', folder, file), 'utf8'));

/** The sample seller's stock, rate card, boxes, rules and Settings pasted in from templates/ (nothing run yet). */
export function seedSampleSeller(gas: AppsScript): AppsScript {
  for (const [sheet, folder, file] of [
    ['Inventory', 'sample', 'inventory.tsv'],
    ['Listings', 'sample', 'listings.tsv'],
    ['Services', 'rates', 'sample-services.tsv'],
    ['Rates', 'rates', 'sample-rates.tsv'],
    ['Surcharges', 'rates', 'sample-surcharges.tsv'],
    ['Zones', 'rates', 'sample-zones-895.tsv'],
    ['Boxes', 'sample', 'boxes.tsv'],
    ['Rules', 'sample', 'rules.tsv'],
  ])
    gas.spreadsheet.seed(sheet, sampleGrid(folder, file));
  const sample = new Map(
    sampleGrid('sample', 'settings.tsv')
      .slice(1)
      .map((r) => [String(r[0]), String(r[1])]),
  );
  const settings = defaultSettingsRows().map((r) => [r.key, sample.get(r.key) ?? r.value, r.description]);
  gas.spreadsheet.seed('Settings', [['key', 'value', 'description'], ...settings]);
  return gas;
}

/**
 * The sample seller's sheet: orders imported through the add-on, the sample seller seeded, then Check stock run
 * from the menu, so the per-order step has Allocated items to work on.
 */
export function sellerSheet(gas = sheetFromTemplates()): AppsScript {
  seedSampleSeller(gas);
  gas.call('menuCheckStock');
  return gas;
}
