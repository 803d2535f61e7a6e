/**
 * Import orders from Amazon, on the bundle in the vm: the seller's LWA keys saved through the Settings dialog's
 * secret fields, UrlFetchApp answered by the SP-API fake (test/fakes/spApiServer.ts, in process) at Amazon's own
 * endpoints, the async core run to its end under the add-on's synchronous Promise.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Grid } from '../../src/core';
import { LWA_TOKEN_ENDPOINT, SPAPI_ENDPOINTS, decodeTable, ordersTable } from '../../src/core';
import { AppsScript, DIST } from '../fakes/appsScript';
import { CREDENTIALS, FakeSpApi } from '../fakes/spApiServer';
import { sampleOrders } from '../node/amazon/sampleOrders';

interface Outcome {
  status: string;
  title: string;
  body: string;
}

function setUp(withKeys = true): { gas: AppsScript; amazon: FakeSpApi } {
  const gas = new AppsScript();
  gas.call('onOpen', { authMode: 'LIMITED' });
  gas.call('menuSetUpSheets');
  const amazon = new FakeSpApi();
  amazon.orders = sampleOrders();
  // Amazon's real origins: the add-on uses its default endpoints, and the fake answers for Amazon there.
  const answer = (r: Parameters<FakeSpApi['respond']>[0]) => amazon.respond(r);
  gas.urlFetch.serve(SPAPI_ENDPOINTS.NA, answer);
  gas.urlFetch.serve(new URL(LWA_TOKEN_ENDPOINT).origin, answer);
  if (withKeys) {
    // As the Settings… dialog saves them (google.script.run saveSecret).
    gas.call('saveSecret', 'amazon.lwa-client-id', CREDENTIALS.clientId);
    gas.call('saveSecret', 'amazon.lwa-client-secret', CREDENTIALS.clientSecret);
    gas.call('saveSecret', 'amazon.lwa-refresh-token', CREDENTIALS.refreshToken);
  }
  gas.sheets.ui.length = 0;
  gas.spreadsheet.toasts.length = 0;
  return { gas, amazon };
}

const orders = (gas: AppsScript) =>
  decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid, { checkRequired: false }).rows.map(
    (r) => r.record,
  );

function everyCell(gas: AppsScript): string {
  return gas.spreadsheet.sheets
    .map((s) => gas.spreadsheet.values(s.name).flat().map(String).join('\t'))
    .join('\n');
}

describe('Import orders from Amazon in the add-on', () => {
  it('is in the menu, after Import orders…', () => {
    const gas = new AppsScript();
    gas.call('onOpen', { authMode: 'NONE' });
    const items = gas.sheets.ui.find((e) => e.kind === 'menu')!.items!.map((i) => i.label);
    expect(items.slice(0, 2)).toEqual(['Import orders…', 'Import orders from Amazon']);
  });

  it('the Settings dialog suggests the names the keys are saved under', () => {
    new AppsScript();
    const html = fs.readFileSync(path.join(DIST, 'SettingsDialog.html'), 'utf8');
    for (const name of ['amazon.lwa-client-id', 'amazon.lwa-client-secret', 'amazon.lwa-refresh-token'])
      expect(html).toContain(`<option value="${name}"></option>`);
  });

  it('pulls the waiting MFN orders with names and addresses, page by page; a second pull adds nothing', () => {
    const { gas, amazon } = setUp();
    const first = gas.call<Outcome>('menuImportAmazonOrders');
    expect(first.status).toBe('done');
    expect(first.body).toMatch(/Pulled 3 order\(s\) from Amazon \(ATVPDKIKX0DER\) from the last 7 days/);
    const rows = orders(gas);
    expect(rows.map((o) => o['order-item-id'])).toEqual([
      '70000000000001',
      '70000000000002',
      '70000000000003',
      '70000000000004',
    ]);
    expect(rows[0]).toMatchObject({
      'order-id': '113-0000001-0000001',
      'recipient-name': 'Maria Lopez',
      'ship-postal-code': '93728',
      'item-price': 3798,
    });
    // Login with Amazon once (form body through UrlFetchApp's contentType), then the Orders API with the token.
    const token = gas.urlFetch.requests.filter((r) => r.url === LWA_TOKEN_ENDPOINT);
    expect(token).toHaveLength(1);
    expect(token[0].method).toBe('POST');
    expect(token[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(token[0].body).toContain('grant_type=refresh_token');
    const api = amazon.requests.filter((r) => r.path.startsWith('/orders/'));
    expect(api.length).toBeGreaterThanOrEqual(3);
    expect(api.every((r) => String(r.headers['x-amz-access-token'] ?? '') !== '')).toBe(true);
    // The sync mark is in Settings; the next pull starts from it and changes nothing.
    expect(
      gas.spreadsheet.values('Settings').find((r) => r[0] === 'amazon-orders-synced-until')?.[1],
    ).toBeTruthy();
    const again = gas.call<Outcome>('menuImportAmazonOrders');
    expect(again.status).toBe('done');
    expect(again.body).toMatch(/updated since/);
    expect(orders(gas)).toEqual(rows);
  });

  it('keeps the keys out of every cell, the Log and the document properties', () => {
    const { gas } = setUp();
    gas.call('menuImportAmazonOrders');
    const cells = everyCell(gas);
    const docProps = JSON.stringify(gas.docProps().getProperties());
    for (const secret of Object.values(CREDENTIALS)) {
      expect(cells).not.toContain(secret);
      expect(docProps).not.toContain(secret);
    }
    // Only the seller's own user properties hold them.
    expect(gas.userProps().getProperty('secret.amazon.lwa-refresh-token')).toBe(CREDENTIALS.refreshToken);
    expect(gas.userProps('packer@example.com').getKeys()).toEqual([]);
  });

  it('refuses without the keys, naming the ones to save, and neither fetches nor writes', () => {
    const { gas } = setUp(false);
    gas.call('saveSecret', 'amazon.lwa-client-id', CREDENTIALS.clientId);
    const before = everyCell(gas);
    const out = gas.call<Outcome>('menuImportAmazonOrders');
    expect(out.status).toBe('refused');
    expect(out.body).toMatch(/save amazon\.lwa-client-secret, amazon\.lwa-refresh-token .*Settings…/);
    expect(gas.urlFetch.requests).toEqual([]);
    expect(everyCell(gas)).toBe(before);
  });

  it('waits out a 429 storm with Utilities.sleep and still imports everything', () => {
    const { gas, amazon } = setUp();
    amazon.fail('/orders/v0/orders', 429, 2);
    const out = gas.call<Outcome>('menuImportAmazonOrders');
    expect(out.status).toBe('done');
    expect(orders(gas)).toHaveLength(4);
    expect(gas.sleeps.length).toBeGreaterThanOrEqual(2);
    expect(gas.sleeps.every((ms) => ms > 0 && ms <= 120_000)).toBe(true);
  });

  it('stops before Apps Script would cut it off when Amazon throttles past the time budget, writing no order', () => {
    const { gas, amazon } = setUp();
    gas.docProps().setProperty('shipsheet.timeBudgetMs', '100');
    amazon.fail('/orders/v0/orders', 429, 1);
    const out = gas.call<Outcome>('menuImportAmazonOrders');
    expect(out.status).toBe('failed');
    expect(out.body).toMatch(/Amazon is throttling this run .* no orders were written/);
    expect(orders(gas)).toEqual([]);
    expect(gas.sleeps).toEqual([]);
  });

  it('says what Amazon refused and writes nothing when the refresh token is wrong', () => {
    const { gas } = setUp();
    gas.call('saveSecret', 'amazon.lwa-refresh-token', 'Atzr|revoked');
    const before = everyCell(gas);
    const out = gas.call<Outcome>('menuImportAmazonOrders');
    expect(out.status).toBe('refused');
    expect(out.body).toMatch(
      /Login with Amazon refused the refresh token: .*invalid grant.*Nothing was written/,
    );
    expect(out.body).not.toContain('Atzr|revoked');
    expect(everyCell(gas)).toBe(before);
    expect(orders(gas)).toEqual([]);
  });

  it('needs the script.external_request scope the manifest declares', () => {
    const { gas } = setUp();
    gas.manifest.oauthScopes = gas.manifest.oauthScopes!.filter(
      (s) => !s.endsWith('/script.external_request'),
    );
    const out = gas.call<Outcome>('menuImportAmazonOrders');
    expect(out.status).toBe('failed');
    expect(out.body).toMatch(/permission to call UrlFetchApp\.fetch/);
    expect(orders(gas)).toEqual([]);
  });
});
