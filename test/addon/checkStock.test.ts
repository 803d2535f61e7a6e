/** Check stock from the menu, on the bundle, with the sample seller's Inventory and Listings pasted in. */
import fs from 'node:fs';
import path from 'node:path';
import type { Grid } from '../../src/core';
import { decodeTable, inventoryTable, logTable, ordersTable, splitTabDelimited } from '../../src/core';
import type { AppsScript } from '../fakes/appsScript';
import { ROOT } from '../fakes/appsScript';
import { sheetFromTemplates } from './sheetFromTemplates';

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

describe('Check stock (menu)', () => {
  it('allocates the orders, reserves Inventory, logs the run, and changes nothing the second time', () => {
    const gas = sellerSheet();
    const out = gas.call<{ status: string; body: string }>('menuCheckStock');
    expect(['done', 'problems']).toContain(out.status);
    const orders = decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid, {
      checkRequired: false,
    }).rows;
    expect(orders.every((r) => r.record.status !== 'New')).toBe(true);
    expect(orders.some((r) => r.record.status === 'Allocated')).toBe(true);
    const inventory = decodeTable(inventoryTable, gas.spreadsheet.values('Inventory') as Grid).rows;
    expect(inventory.some((r) => (r.record.reserved ?? 0) > 0)).toBe(true);
    const log = decodeTable(logTable, gas.spreadsheet.values('Log') as Grid).rows.map((r) => r.record.action);
    expect(log[log.length - 1]).toBe('check stock');
    const before = gas.spreadsheet.values('Orders');
    gas.call('menuCheckStock');
    expect(gas.spreadsheet.values('Orders')).toEqual(before);
  });

  it('runs on the whole sheet when rows are selected, and says why', () => {
    const gas = sellerSheet();
    gas.spreadsheet.select('Orders', 'A2:C3');
    const out = gas.call<{ body: string }>('menuCheckStock');
    expect(out.body).toMatch(
      /Check stock weighs every order against the others, so it ran on the whole Orders sheet/,
    );
    const orders = decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid, {
      checkRequired: false,
    }).rows;
    expect(orders.every((r) => r.record.status !== 'New')).toBe(true);
  });
});
