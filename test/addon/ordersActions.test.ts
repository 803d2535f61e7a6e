/**
 * Actions over Orders rows on the bundle: a selection restricts them to the selected orders, and a long run
 * goes on in passes from one-off triggers, with its cursor in document properties.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Grid } from '../../src/core';
import { decodeTable, defaultSettingsRows, logTable, ordersTable, splitTabDelimited } from '../../src/core';
import { ACTIONS } from '../../addon/actions/actionTable';
import { AppsScript, ROOT } from '../fakes/appsScript';
import { sheetFromTemplates } from './sheetFromTemplates';

interface Outcome {
  status: string;
  body: string;
  passes: number;
}

/** The first per-order action in this version (Choose carriers, Generate labels): selection and passes apply to those. */
const perOrder = ACTIONS.find((a) => a.rows === 'orders' && a.run !== undefined);
const wired = perOrder !== undefined;
const describeWired = wired ? describe : describe.skip;
const handler = perOrder?.handler ?? 'none';
const action = perOrder?.label.toLowerCase() ?? 'none';

const sampleGrid = (folder: string, file: string): Grid =>
  splitTabDelimited(fs.readFileSync(path.join(ROOT, 'templates', folder, file), 'utf8'));

/**
 * The sample seller's sheet: orders imported through the add-on, Inventory, Listings, the SAMPLE rate card,
 * boxes and rules and the sample Settings pasted in from templates/, then Check stock run from the menu, so
 * the per-order step has Allocated items to work on.
 */
function sellerSheet(): AppsScript {
  const gas = sheetFromTemplates();
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
  gas.call('menuCheckStock');
  return gas;
}

const statuses = (gas: AppsScript) =>
  decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid, { checkRequired: false }).rows.map(
    (r) => ({
      row: r.rowNumber,
      order: r.record['order-id'],
      status: r.record.status,
      carrier: r.record.carrier,
    }),
  );

describeWired(`${perOrder?.label} on the selected orders`, () => {
  it('changes only the orders of the selected rows (whole orders)', () => {
    const gas = sellerSheet();
    const before = statuses(gas);
    gas.spreadsheet.select('Orders', 'A3:D4');
    const out = gas.call<Outcome>(handler);
    expect(out.body).toMatch(/Worked on the selected orders only \(rows 3–4 of Orders\)/);
    const selectedOrders = new Set(before.filter((r) => r.row === 3 || r.row === 4).map((r) => r.order));
    const after = statuses(gas);
    // The selected orders' allocated items were rated; every other row is exactly as it was.
    expect(after.filter((r) => selectedOrders.has(r.order) && r.status === 'Rated').length).toBeGreaterThan(
      0,
    );
    for (const r of after) {
      const was = before.find((b) => b.row === r.row)!;
      if (!selectedOrders.has(r.order)) expect(r).toEqual(was);
      else if (was.status === 'Allocated') expect(r.carrier === null && r.status === 'Allocated').toBe(false);
    }
  });
});

describeWired(`a long ${perOrder?.label} run`, () => {
  it('saves a cursor, continues from one-off triggers until done, and blocks other runs meanwhile', () => {
    const gas = sellerSheet();
    gas.docProps().setProperty('shipsheet.rowsPerPass', '4');
    gas.docProps().setProperty('shipsheet.timeBudgetMs', '0');
    const first = gas.call<Outcome>(handler);
    expect(first.status).toBe('continuing');
    expect(first.body).toMatch(/goes on by itself from Orders row \d+/);
    expect(JSON.parse(gas.docProps().getProperty('shipsheet.cursor')!)).toMatchObject({
      action: perOrder?.id,
    });
    gas.user = 'packer@example.com';
    expect(gas.call<Outcome>(handler).status).toBe('busy');
    gas.user = 'seller@example.com';
    let passes = first.passes;
    for (let i = 0; i < 20; i++) {
      const t = gas.scriptApp.triggers.find((x) => x.handler === 'continueRun');
      if (!t) break;
      const r = gas.trigger<Outcome>('continueRun', t.uid);
      passes += r.passes;
    }
    expect(gas.scriptApp.triggers.filter((x) => x.handler === 'continueRun')).toEqual([]);
    expect(passes).toBeGreaterThanOrEqual(2);
    // Every allocated item was reached by one pass or another: rated, or left Allocated with its reason.
    const ratedOrWhy = decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid, {
      checkRequired: false,
    }).rows.filter((r) => r.record.status === 'Allocated' && !r.record.problem);
    expect(ratedOrWhy).toEqual([]);
    expect(statuses(gas).some((r) => r.status === 'Rated')).toBe(true);
    const log = decodeTable(logTable, gas.spreadsheet.values('Log') as Grid).rows.filter(
      (r) => r.record.action === action,
    );
    expect(log).toHaveLength(passes);
    // The run is over: a new one starts.
    expect(gas.call<Outcome>(handler).status).not.toBe('busy');
  });
});
