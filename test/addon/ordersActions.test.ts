/**
 * Actions over Orders rows on the bundle: a selection restricts them to the selected orders, and a long run
 * goes on in passes from one-off triggers, with its cursor in document properties.
 */
import type { Grid } from '../../src/core';
import { decodeTable, logTable, ordersTable } from '../../src/core';
import type { AppsScript } from '../fakes/appsScript';
import { sellerSheet } from './sheetFromTemplates';

interface Outcome {
  status: string;
  body: string;
  passes: number;
}

/**
 * A per-order action (addon/actions/actionTable.ts, rows: 'orders'): selection and passes apply to those. The
 * bundle is what runs, so the test names it by its menu handler rather than importing the add-on's modules.
 */
const perOrder = { id: 'chooseCarriers', label: 'Choose carriers' };
const describeWired = describe;
const handler = 'menuChooseCarriers';
const action = perOrder.label.toLowerCase();

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
