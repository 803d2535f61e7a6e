/**
 * Purge buyer data on the bundle in the vm: the menu item asks Yes/No first (only Yes purges), blanks the personal
 * data of orders shipped past the retention period and nothing else; the scheduled trigger purges once a day.
 */
import type { Grid } from '../../src/core';
import { decodeTable, logTable, ordersTable } from '../../src/core';
import type { AppsScript } from '../fakes/appsScript';
import { column, sheetFromTemplates } from './sheetFromTemplates';

interface Outcome {
  status: string;
  body: string;
}

const DAY = 86_400_000;

/** The sample orders, the first order shipped 45 days ago and the second 5 days ago. */
function shippedSheet(): { gas: AppsScript; old: string; recent: string } {
  const gas = sheetFromTemplates();
  const grid = gas.spreadsheet.values('Orders');
  const sheet = gas.spreadsheet.sheet('Orders')!;
  const id = column(gas, 'Orders', 'order-id');
  const ids = [...new Set(grid.slice(1).map((r) => String(r[id])))];
  const [old, recent] = ids;
  const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
  grid.forEach((r, i) => {
    if (i === 0 || (r[id] !== old && r[id] !== recent)) return;
    sheet.cell(i, column(gas, 'Orders', 'status')).value = 'Shipped';
    sheet.cell(i, column(gas, 'Orders', 'ship-date')).value = isoDay(r[id] === old ? 45 : 5);
  });
  return { gas, old, recent };
}

const records = (gas: AppsScript) =>
  decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid, { checkRequired: false }).rows.map(
    (r) => r.record,
  );
const purgeLog = (gas: AppsScript) =>
  decodeTable(logTable, gas.spreadsheet.values('Log') as Grid).rows.filter(
    (r) => r.record.action === 'purge pii',
  );

describe('Purge buyer data… in the add-on', () => {
  it('asks first: closing the question or answering No changes nothing', () => {
    const { gas } = shippedSheet();
    const before = gas.spreadsheet.values('Orders');
    const closed = gas.call<Outcome>('menuPurgePii');
    expect(closed.status).toBe('cancelled');
    const question = gas.sheets.ui.find((e) => e.kind === 'alert')!;
    expect(question).toMatchObject({ title: 'Purge buyer data?', buttons: 'YES_NO' });
    expect(question.body).toMatch(/cannot be undone/);
    gas.sheets.answers.push('NO');
    expect(gas.call<Outcome>('menuPurgePii').status).toBe('cancelled');
    expect(gas.spreadsheet.values('Orders')).toEqual(before);
    expect(purgeLog(gas)).toEqual([]);
  });

  it('on Yes blanks the personal data of orders past the retention period only, and says how many', () => {
    const { gas, old, recent } = shippedSheet();
    const before = records(gas);
    gas.sheets.answers.push('YES');
    const out = gas.call<Outcome>('menuPurgePii');
    expect(out.status).toBe('done');
    expect(out.body).toMatch(
      /order items past 30 days after delivery or shipping: \d+ personal cells blanked/,
    );
    const after = records(gas);
    after.forEach((r, i) => {
      const was = before[i];
      if (r['order-id'] === old) {
        expect([r['recipient-name'], r['ship-address-1'], r['buyer-email']]).toEqual([null, null, null]);
        expect(r['pii-purged-at']).toBeTruthy();
        // What reports need stays.
        expect([r['order-id'], r.sku, r['item-price'], r['ship-postal-code']]).toEqual([
          was['order-id'],
          was.sku,
          was['item-price'],
          was['ship-postal-code'],
        ]);
      } else expect(r).toEqual(was);
    });
    expect(after.some((r) => r['order-id'] === recent && r['recipient-name'])).toBe(true);
    expect(purgeLog(gas)).toHaveLength(1);
    // Again: nothing left to purge.
    gas.sheets.answers.push('YES');
    expect(gas.call<Outcome>('menuPurgePii').body).toMatch(/^0 order items|: 0 order items/m);
    expect(records(gas)).toEqual(after);
  });

  it('is in the menu', () => {
    const { gas } = shippedSheet();
    gas.call('onOpen', { authMode: 'LIMITED' });
    const menus = gas.sheets.ui.filter((e) => e.kind === 'menu');
    const items = menus[menus.length - 1].items!;
    expect(items.find((i) => i.label === 'Purge buyer data…')?.handler).toBe('menuPurgePii');
  });

  it('the scheduled trigger purges too, once a day however often it runs', () => {
    const { gas, old } = shippedSheet();
    gas.call('saveSchedule', { enabled: true, frequency: 'hourly', everyHours: 1, period: 'day' });
    const uid = gas.scriptApp.triggers.find((t) => t.handler === 'runScheduledReport')!.uid;
    const first = gas.trigger<{ status: string; purge?: string }>('runScheduledReport', uid);
    expect(first.purge).toMatch(/Purged buyer data/);
    expect(
      records(gas)
        .filter((r) => r['order-id'] === old)
        .every((r) => r['recipient-name'] === null),
    ).toBe(true);
    const second = gas.trigger<{ status: string; purge?: string }>('runScheduledReport', uid);
    expect(second.purge).toBeUndefined();
    expect(purgeLog(gas)).toHaveLength(1);
  });
});
