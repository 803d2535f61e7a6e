/**
 * Actions over Orders rows on the bundle: a selection restricts them to the selected orders, and a long run
 * goes on in passes from one-off triggers, with its cursor in document properties.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Grid } from '../../src/core';
import { decodeTable, logTable, ordersTable, splitTabDelimited } from '../../src/core';
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

/** The sample seller's sheet, with Inventory and Listings pasted in from templates/sample. */
function sellerSheet(): AppsScript {
  const gas = sheetFromTemplates();
  for (const [sheet, file] of [
    ['Inventory', 'inventory.tsv'],
    ['Listings', 'listings.tsv'],
  ])
    gas.spreadsheet.seed(
      sheet,
      splitTabDelimited(fs.readFileSync(path.join(ROOT, 'templates/sample', file), 'utf8')),
    );
  return gas;
}

const statuses = (gas: AppsScript) =>
  decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid, { checkRequired: false }).rows.map(
    (r) => ({
      row: r.rowNumber,
      order: r.record['order-id'],
      status: r.record.status,
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
    for (const r of statuses(gas)) {
      if (selectedOrders.has(r.order)) expect(r.status).not.toBe('New');
      else expect(r.status).toBe('New');
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
      action: 'checkStock',
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
    expect(passes).toBeGreaterThan(2);
    expect(statuses(gas).every((r) => r.status !== 'New')).toBe(true);
    const log = decodeTable(logTable, gas.spreadsheet.values('Log') as Grid).rows.filter(
      (r) => r.record.action === action,
    );
    expect(log).toHaveLength(passes);
    // The run is over: a new one starts.
    expect(gas.call<Outcome>(handler).status).not.toBe('busy');
  });
});
