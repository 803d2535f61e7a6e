/**
 * SpreadsheetApp calls per add-on action at 100, 1,000 and 10,000 order rows, counted on the fake of
 * Google's service with the built dist/Code.js running in a vm. The counts must not depend on the number
 * of rows: every table is read with one getValues() and written in blocks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LWA_TOKEN_ENDPOINT, SPAPI_ENDPOINTS } from '../src/core';
import { AppsScript, ROOT, buildAddonOnce } from '../test/fakes/appsScript';
import { CREDENTIALS, FakeSpApi } from '../test/fakes/spApiServer';
import { seedSampleSeller } from '../test/addon/sheetFromTemplates';
import { sampleOrders } from '../test/node/amazon/sampleOrders';

const SIZES = [100, 1000, 10000];

/** An order report of n items: the sample report's rows again and again, with fresh ids (seeded, no randomness). */
function report(n: number): Buffer {
  const lines = fs
    .readFileSync(path.join(ROOT, 'templates/sample/unshipped-orders.txt'), 'utf8')
    .trimEnd()
    .split('\n');
  const header = lines[0].split('\t');
  const rows = lines.slice(1).map((l) => l.split('\t'));
  const orderCol = header.indexOf('order-id');
  const itemCol = header.indexOf('order-item-id');
  const out = [lines[0]];
  for (let i = 0; i < n; i++) {
    const r = [...rows[i % rows.length]];
    r[orderCol] =
      `114-${String(1000000 + Math.floor(i / 2)).padStart(7, '0')}-${String(i % 7).padStart(7, '0')}`;
    r[itemCol] = String(60000000000000 + i);
    out.push(r.join('\t'));
  }
  return Buffer.from(out.join('\n') + '\n');
}

interface Row {
  action: string;
  counts: number[];
  total: number[];
  ms: number[];
}

/** Amazon's servers (the SP-API fake, in process) and the seller's keys, saved as the Settings dialog does. */
function connectAmazon(gas: AppsScript): void {
  const amazon = new FakeSpApi();
  amazon.orders = sampleOrders();
  const answer = (r: Parameters<FakeSpApi['respond']>[0]) => amazon.respond(r);
  gas.urlFetch.serve(SPAPI_ENDPOINTS.NA, answer);
  gas.urlFetch.serve(new URL(LWA_TOKEN_ENDPOINT).origin, answer);
  gas.call('saveSecret', 'amazon.lwa-client-id', CREDENTIALS.clientId);
  gas.call('saveSecret', 'amazon.lwa-client-secret', CREDENTIALS.clientSecret);
  gas.call('saveSecret', 'amazon.lwa-refresh-token', CREDENTIALS.refreshToken);
}

function measure(gas: AppsScript, run: () => unknown): { spreadsheet: number; all: number; ms: number } {
  gas.calls.reset();
  const t = process.hrtime.bigint();
  run();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const all = [
    'SpreadsheetApp',
    'PropertiesService',
    'LockService',
    'ScriptApp',
    'Utilities',
    'Session',
    'HtmlService',
    'MailApp',
    'Drive',
    'UrlFetchApp',
  ].reduce((n, s) => n + gas.calls.get(s), 0);
  return { spreadsheet: gas.calls.get('SpreadsheetApp'), all, ms };
}

function main(): void {
  buildAddonOnce();
  const rows = new Map<string, Row>();
  const record = (action: string, i: number, m: { spreadsheet: number; all: number; ms: number }) => {
    const r = rows.get(action) ?? { action, counts: [], total: [], ms: [] };
    r.counts[i] = m.spreadsheet;
    r.total[i] = m.all;
    r.ms[i] = m.ms;
    rows.set(action, r);
  };
  SIZES.forEach((n, i) => {
    const gas = new AppsScript({ build: false });
    const file = { name: 'orders.txt', base64: report(n).toString('base64') };
    record(
      'Set up sheets (new spreadsheet)',
      i,
      measure(gas, () => gas.call('menuSetUpSheets')),
    );
    record(
      `Import orders… (upload, all new)`,
      i,
      measure(gas, () => gas.call('uploadOrderReport', file)),
    );
    record(
      `Import orders… (same file again)`,
      i,
      measure(gas, () => gas.call('uploadOrderReport', file)),
    );
    record(
      'Set up sheets (again, filled sheets)',
      i,
      measure(gas, () => gas.call('menuSetUpSheets')),
    );
    seedSampleSeller(gas);
    connectAmazon(gas);
    record(
      'Import orders from Amazon (3 new orders)',
      i,
      measure(gas, () => gas.call('menuImportAmazonOrders')),
    );
    for (const [label, handler] of [
      ['Check stock', 'menuCheckStock'],
      ['Choose carriers', 'menuChooseCarriers'],
      ['Generate labels (buys, 3 files to Drive)', 'menuGenerateLabels'],
      ['Generate labels (again: nothing to buy)', 'menuGenerateLabels'],
      ['Record tracking', 'menuRecordTracking'],
      ['Sales report (with its chart)', 'menuSalesReport'],
      ['Sales report (again: chart updated)', 'menuSalesReport'],
    ])
      record(
        label,
        i,
        measure(gas, () => gas.call(handler)),
      );
    gas.sheets.answers.push('YES');
    record(
      'Purge buyer data… (Yes)',
      i,
      measure(gas, () => gas.call('menuPurgePii')),
    );
    const sheet = gas.spreadsheet.sheet('Orders')!;
    const header = gas.spreadsheet.values('Orders')[0] as string[];
    const col = (h: string) => header.indexOf(h);
    sheet.cell(1, col('status')).value = 'Rated';
    sheet.cell(1, col('rates-considered')).value =
      'USPS/Ground Advantage 7.45 USD 2026-12-04; UPS/Ground 9.10 USD 2026-12-03';
    gas.spreadsheet.select('Orders', 'A2');
    record(
      'Rates sidebar: show the selected order',
      i,
      measure(gas, () => gas.call('getOrderRates')),
    );
    const orderId = String(gas.spreadsheet.values('Orders')[1][col('order-id')]);
    record(
      'Rates sidebar: pick another rate',
      i,
      measure(gas, () => gas.call('chooseRate', orderId, 'row 2', 1)),
    );
    record(
      'Settings…: save',
      i,
      measure(gas, () => gas.call('saveSettings', { 'ship-from-city': 'Sparks', 'safety-stock': '2' })),
    );
    record(
      'Schedule reports…: save',
      i,
      measure(gas, () =>
        gas.call('saveSchedule', { enabled: true, frequency: 'daily', hour: 7, period: 'day' }),
      ),
    );
  });
  console.log(
    `SpreadsheetApp calls per action (all Apps Script service calls in brackets; wall time on the fake):`,
  );
  console.log(`${'action'.padEnd(40)} ${SIZES.map((n) => `${n} rows`.padStart(18)).join(' ')}  same?`);
  let failed = false;
  for (const r of rows.values()) {
    const same = r.counts.every((c) => c === r.counts[0]) && r.total.every((c) => c === r.total[0]);
    if (!same) failed = true;
    console.log(
      `${r.action.padEnd(40)} ${r.counts.map((c, i) => `${c} [${r.total[i]}] ${r.ms[i].toFixed(0)}ms`.padStart(18)).join(' ')}  ${same ? 'yes' : 'NO'}`,
    );
  }
  if (failed) {
    console.error('The number of calls depends on the number of rows.');
    process.exit(1);
  }
}

main();
