/**
 * Choose carriers from the add-on menu with Settings rate-source amazon: Buy Shipping's live rates through
 * UrlFetchApp and the SP-API fake; Generate labels then buys exactly those quotes from Amazon, even with the
 * offline sample provider in label-provider, and the orders are confirmed.
 */
import type { Grid } from '../../src/core';
import { LWA_TOKEN_ENDPOINT, SPAPI_ENDPOINTS, decodeTable, ordersTable, parseRateId } from '../../src/core';
import type { AppsScript } from '../fakes/appsScript';
import { CREDENTIALS, FakeSpApi } from '../fakes/spApiServer';
import { sellerSheet } from './sheetFromTemplates';

const orders = (gas: AppsScript) =>
  decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid, { checkRequired: false }).rows.map(
    (r) => r.record,
  );

function setSetting(gas: AppsScript, key: string, value: string): void {
  const sheet = gas.spreadsheet.sheet('Settings')!;
  const row = gas.spreadsheet.values('Settings').findIndex((r) => r[0] === key);
  expect(row).toBeGreaterThan(0);
  sheet.cell(row, 1).value = value;
}

it('rates with Buy Shipping from the menu, and labels buy the chosen quotes from Amazon', () => {
  const gas = sellerSheet();
  setSetting(gas, 'rate-source', 'amazon');
  // No keys yet: refused, nothing rated.
  const refused = gas.call<{ status: string }>('menuChooseCarriers');
  expect(refused.status).not.toBe('done');
  expect(orders(gas).filter((o) => o.status === 'Rated')).toHaveLength(0);

  const amazon = new FakeSpApi();
  const answer = (r: Parameters<FakeSpApi['respond']>[0]) => amazon.respond(r);
  gas.urlFetch.serve(SPAPI_ENDPOINTS.NA, answer);
  gas.urlFetch.serve(new URL(LWA_TOKEN_ENDPOINT).origin, answer);
  gas.call('saveSecret', 'amazon.lwa-client-id', CREDENTIALS.clientId);
  gas.call('saveSecret', 'amazon.lwa-client-secret', CREDENTIALS.clientSecret);
  gas.call('saveSecret', 'amazon.lwa-refresh-token', CREDENTIALS.refreshToken);
  gas.call('menuChooseCarriers');
  const rated = orders(gas).filter((o) => o.status === 'Rated');
  expect(rated.length).toBeGreaterThan(2);
  expect(rated.every((o) => o['rate-source'] === 'amazon' && parseRateId(o['rate-id']) !== null)).toBe(true);
  const packages = new Set(rated.map((o) => o['package-id']));
  const rateCalls = amazon.requests.filter((r) => r.path === '/shipping/v2/shipments/rates').length;
  // The sample's same-day order was quoted too, but nothing Amazon sells arrives today: it says so and waits.
  const late = orders(gas).find((o) => o['order-id'] === '112-4830021-7701006')!;
  expect(late).toMatchObject({ status: 'Allocated' });
  expect(late.problem).toMatch(/^not rated: no service can deliver by 2026-12-01/);
  expect(rateCalls).toBe(packages.size + 1);

  gas.call('menuGenerateLabels');
  const chosen = [...new Set(rated.map((o) => parseRateId(o['rate-id'])!.rateId))].sort();
  expect(amazon.rateDesk.purchases.map((p) => `${p.requestToken}|${p.rateId}`).sort()).toEqual(chosen);
  expect(amazon.requests.filter((r) => r.path === '/shipping/v2/shipments/rates')).toHaveLength(rateCalls);
  const labeled = orders(gas).filter((o) => packages.has(o['package-id']));
  expect(labeled.every((o) => o.status === 'Labeled' && o.confirmation === 'Confirmed')).toBe(true);
});
