/** The sidebar's and dialogs' server functions, called as google.script.run calls them, on the bundle. */
import fs from 'node:fs';
import path from 'node:path';
import type { Grid } from '../../src/core';
import { decodeTable, logTable, ordersTable, settingsTable } from '../../src/core';
import { AppsScript, DIST, buildAddonOnce } from '../fakes/appsScript';
import { column, sheetFromTemplates } from './sheetFromTemplates';

interface Field {
  key: string;
  value: string;
  source: string;
}

const RATES =
  'USPS/Ground Advantage 7.45 USD 2026-12-04; UPS/Ground 9.10 USD 2026-12-03; FedEx/Home Delivery 11.20 USD -';

/** The carriers step's output on the first order's rows (as Choose carriers writes it). */
function rateFirstOrder(gas: AppsScript, status = 'Rated'): { orderId: string; rows: number[] } {
  const sheet = gas.spreadsheet.sheet('Orders')!;
  const grid = gas.spreadsheet.values('Orders');
  const idCol = column(gas, 'Orders', 'order-id');
  const orderId = String(grid[1][idCol]);
  const rows = grid.map((r, i) => (r[idCol] === orderId ? i : -1)).filter((i) => i > 0);
  const set = (r: number, h: string, v: string | number) =>
    (sheet.cell(r, column(gas, 'Orders', h)).value = v);
  for (const r of rows) {
    set(r, 'status', status);
    set(r, 'package-id', `${orderId}-1`);
    set(r, 'carrier', 'USPS');
    set(r, 'service', 'Ground Advantage');
    set(r, 'rate', 7.45);
    set(r, 'rate-currency', 'USD');
    set(r, 'rates-considered', RATES);
  }
  gas.spreadsheet.select('Orders', `C${rows[0] + 1}`);
  return { orderId, rows };
}

describe('the rates sidebar', () => {
  it('shows the selected order’s package, the chosen service and the rates considered', () => {
    const gas = sheetFromTemplates();
    const { orderId } = rateFirstOrder(gas);
    const view = gas.call<{
      ok: boolean;
      orderId: string;
      packages: {
        key: string;
        chosen: { service: string };
        options: { carrier: string; price: string; chosen: boolean }[];
      }[];
    }>('getOrderRates');
    expect(view.ok).toBe(true);
    expect(view.orderId).toBe(orderId);
    expect(view.packages).toHaveLength(1);
    expect(view.packages[0].chosen.service).toBe('Ground Advantage');
    expect(view.packages[0].options.map((o) => [o.carrier, o.price, o.chosen])).toEqual([
      ['USPS', '7.45', true],
      ['UPS', '9.10', false],
      ['FedEx', '11.20', false],
    ]);
  });

  it('picks another rate: the package’s rows get the carrier, service, rate and date, and a Log row', () => {
    const gas = sheetFromTemplates();
    const { orderId, rows } = rateFirstOrder(gas);
    const key = `${orderId}-1`;
    const r = gas.call<{
      ok: boolean;
      message: string;
      view: { packages: { chosen: { carrier: string } }[] };
    }>('chooseRate', orderId, key, 1);
    expect(r.ok).toBe(true);
    expect(r.view.packages[0].chosen.carrier).toBe('UPS');
    const t = decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid);
    for (const row of rows) {
      const rec = t.rows.find((x) => x.rowNumber === row + 1)!.record;
      expect([rec.carrier, rec.service, rec.rate, rec['rate-currency'], rec['expected-delivery']]).toEqual([
        'UPS',
        'Ground',
        910,
        'USD',
        '2026-12-03',
      ]);
    }
    const others = t.rows.filter((x) => x.record['order-id'] !== orderId);
    expect(others.every((x) => x.record.carrier === null)).toBe(true);
    const log = decodeTable(logTable, gas.spreadsheet.values('Log') as Grid).rows.map((x) => x.record);
    expect(log[log.length - 1].action).toBe('pick rate');
    // Picking the same again changes nothing.
    const again = gas.call<{ ok: boolean; message: string }>('chooseRate', orderId, key, 1);
    expect(again.message).toMatch(/already chosen/);
    expect(decodeTable(logTable, gas.spreadsheet.values('Log') as Grid).rows).toHaveLength(log.length);
  });

  it('refuses to change the service of a package whose label is bought', () => {
    const gas = sheetFromTemplates();
    const { orderId } = rateFirstOrder(gas, 'Labeled');
    const before = gas.spreadsheet.values('Orders');
    const r = gas.call<{ ok: boolean; message: string }>('chooseRate', orderId, `${orderId}-1`, 2);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/label is bought/);
    expect(gas.spreadsheet.values('Orders')).toEqual(before);
  });

  it('asks for a selection when the cursor is not on an order', () => {
    const gas = sheetFromTemplates();
    gas.spreadsheet.select('Settings', 'A2');
    const v = gas.call<{ ok: boolean; message: string }>('getOrderRates');
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/Select a cell on an order/);
  });
});

describe('the Settings dialog', () => {
  it('shows defaults, refuses bad values without saving anything, and saves good ones to properties and the sheet', () => {
    const gas = sheetFromTemplates();
    const data = gas.call<{ fields: Field[] }>('getSettings');
    expect(data.fields.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'ship-from-postal-code',
        'timezone',
        'marketplace',
        'selling-plan',
        'safety-stock',
        'pii-retention-days',
      ]),
    );
    const bad = gas.call<{ ok: boolean; problems: string[] }>('saveSettings', {
      'safety-stock': 'lots',
      marketplace: 'XX',
      'api-key': 'x',
    });
    expect(bad.ok).toBe(false);
    expect(bad.problems.join('\n')).toMatch(/safety-stock must be a whole number/);
    expect(bad.problems.join('\n')).toMatch(/marketplace must be one of/);
    expect(bad.problems.join('\n')).toMatch(/api-key is not a setting/);
    expect(gas.docProps().getKeys()).toEqual([]);
    const good = gas.call<{ ok: boolean }>('saveSettings', {
      'ship-from-city': 'Sparks',
      'ship-from-postal-code': '08901',
      'safety-stock': '2',
    });
    expect(good.ok).toBe(true);
    expect(gas.docProps().getProperty('setting.ship-from-postal-code')).toBe('08901');
    const settings = decodeTable(settingsTable, gas.spreadsheet.values('Settings') as Grid).rows.map(
      (r) => r.record,
    );
    expect(settings.find((s) => s.key === 'ship-from-postal-code')!.value).toBe('08901');
    expect(settings.find((s) => s.key === 'safety-stock')!.value).toBe('2');
    const after = gas
      .call<{ fields: Field[] }>('getSettings')
      .fields.find((f) => f.key === 'ship-from-city')!;
    expect(after).toMatchObject({ value: 'Sparks', source: 'dialog' });
  });

  it('reports a Settings sheet value that differs from the dialog’s, and uses the dialog’s', () => {
    const gas = sheetFromTemplates();
    gas.call('saveSettings', { 'ship-from-city': 'Sparks' });
    const sheet = gas.spreadsheet.sheet('Settings')!;
    const grid = gas.spreadsheet.values('Settings');
    const row = grid.findIndex((r) => r[0] === 'ship-from-city');
    sheet.cell(row, 1).value = 'Reno';
    const out = gas.call<{ status: string; body: string }>('menuSetUpSheets');
    expect(out.status).toBe('problems');
    expect(out.body).toMatch(
      new RegExp(
        `Settings, row ${row + 1}, column value: ship-from-city is "Reno" here but "Sparks" in the Settings… dialog`,
      ),
    );
  });

  it('keeps carrier keys in the user’s properties, never in a cell, a document property or the Log', () => {
    const gas = sheetFromTemplates();
    const r = gas.call<{ ok: boolean; secrets: string[] }>(
      'saveSecret',
      'shippo.api-key',
      'shippo_live_s3cr3t',
    );
    expect(r).toMatchObject({ ok: true, secrets: ['shippo.api-key'] });
    expect(gas.userProps().getProperty('secret.shippo.api-key')).toBe('shippo_live_s3cr3t');
    const everything = JSON.stringify([
      gas.spreadsheet.sheets.map((s) => gas.spreadsheet.values(s.name)),
      gas.docProps().getProperties(),
      gas.call('getSettings'),
    ]);
    expect(everything).not.toContain('s3cr3t');
    expect(gas.call<{ ok: boolean }>('saveSecret', 'bad name!', 'x').ok).toBe(false);
    gas.call('saveSecret', 'shippo.api-key', '');
    expect(gas.userProps().getProperty('secret.shippo.api-key')).toBeNull();
  });
});

describe('Schedule reports…', () => {
  interface View {
    installed: boolean;
    message: string;
    problems: string[];
  }

  it('installs one trigger, keeps it when saved again, replaces it when changed, removes it when off', () => {
    const gas = sheetFromTemplates();
    const daily = {
      enabled: true,
      frequency: 'daily',
      hour: 7,
      period: 'day',
      email: true,
      recipients: 'owner@example.com',
    };
    expect(gas.call<View>('saveSchedule', daily).installed).toBe(true);
    const first = gas.scriptApp.triggers.map((t) => [t.handler, t.schedule]);
    expect(first).toEqual([['runScheduledReport', 'every 1 d at 7h America/Los_Angeles']]);
    const uid = gas.scriptApp.triggers[0].uid;
    expect(gas.call<View>('saveSchedule', daily).message).toMatch(/unchanged/);
    expect(gas.scriptApp.triggers.map((t) => t.uid)).toEqual([uid]);
    gas.call<View>('saveSchedule', { ...daily, frequency: 'hourly', everyHours: 6 });
    expect(gas.scriptApp.triggers.map((t) => t.schedule)).toEqual(['every 6 h']);
    expect(gas.scriptApp.triggers[0].uid).not.toBe(uid);
    const bad = gas.call<View>('saveSchedule', {
      ...daily,
      frequency: 'hourly',
      everyHours: 3,
      recipients: 'nobody',
    });
    expect(bad.problems.join('\n')).toMatch(/1, 2, 4, 6, 8, 12/);
    expect(bad.problems.join('\n')).toMatch(/nobody is not an e-mail address/);
    expect(gas.scriptApp.triggers).toHaveLength(1);
    gas.call<View>('saveSchedule', { ...daily, enabled: false });
    expect(gas.scriptApp.triggers).toHaveLength(0);
  });

  it('the trigger opens its spreadsheet by id, builds the report through the hook and logs what happened', () => {
    const gas = sheetFromTemplates();
    gas.call('saveSchedule', {
      enabled: true,
      frequency: 'daily',
      hour: 7,
      period: 'week',
      email: true,
      recipients: 'owner@example.com',
    });
    const uid = gas.scriptApp.triggers[0].uid;
    const run = gas.trigger<{ status: string; message: string }>('runScheduledReport', uid);
    expect(run.status).toBe('built');
    expect(gas.spreadsheet.values('Sales Report').length).toBeGreaterThan(1);
    const log = decodeTable(logTable, gas.spreadsheet.values('Log') as Grid).rows.map((r) => r.record);
    expect(log[log.length - 1].action).toBe('report sales');
    expect(gas.mail).toHaveLength(1);
    expect(gas.mail[0]).toMatchObject({
      to: 'owner@example.com',
      subject: 'Shipsheet: week sales report for Shipsheet test',
    });
    expect(gas.mail[0].body).toContain('https://docs.google.com/spreadsheets/d/sheet-1/edit');
    expect(gas.calls.get('SpreadsheetApp:SpreadsheetApp.openById')).toBeGreaterThan(0);
    expect(gas.trigger<{ status: string }>('runScheduledReport', 'no-such-trigger').status).toBe(
      'unknown-trigger',
    );
  });

  it('under spreadsheets.currentonly a time-driven trigger could not open its spreadsheet (why the manifest asks for spreadsheets)', () => {
    const gas = sheetFromTemplates();
    gas.call('saveSchedule', { enabled: true, frequency: 'daily', hour: 7, period: 'day' });
    gas.sheets.currentOnly = true;
    gas.sheets.active = null;
    expect(() => gas.trigger('runScheduledReport', gas.scriptApp.triggers[0].uid)).toThrow(
      /permission to call SpreadsheetApp.openById/,
    );
  });
});

describe('the manifest', () => {
  it('is V8 with exactly the scopes the README justifies', () => {
    buildAddonOnce();
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as {
      runtimeVersion: string;
      oauthScopes: string[];
      addOns?: unknown;
      dependencies?: { enabledAdvancedServices?: unknown[] };
    };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.addOns).toBeUndefined();
    expect(manifest.oauthScopes.map((s) => s.replace('https://www.googleapis.com/auth/', '')).sort()).toEqual(
      [
        'drive.file',
        'script.container.ui',
        'script.external_request',
        'script.scriptapp',
        'script.send_mail',
        'spreadsheets',
        'userinfo.email',
      ],
    );
    // Labels go to Drive through the advanced Drive service (v3), which works with drive.file; DriveApp would not.
    expect(manifest.dependencies?.enabledAdvancedServices).toEqual([
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ]);
  });
});
