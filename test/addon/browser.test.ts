/** The sidebar and dialogs as a seller uses them, in headless Chromium, wired to the bundled add-on. */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Grid } from '../../src/core';
import { decodeTable, ordersTable, settingsTable } from '../../src/core';
import { AppsScript } from '../fakes/appsScript';
import { launch, openHtml, screenshotPath } from './browserShim';
import { SAMPLE_REPORT, column, sheetFromTemplates } from './sheetFromTemplates';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 60000);
afterAll(async () => {
  await browser?.close();
});

function rate(gas: AppsScript): string {
  const grid = gas.spreadsheet.values('Orders');
  const sheet = gas.spreadsheet.sheet('Orders')!;
  const idCol = column(gas, 'Orders', 'order-id');
  const orderId = String(grid[1][idCol]);
  grid.forEach((r, i) => {
    if (i === 0 || r[idCol] !== orderId) return;
    const set = (h: string, v: string | number) => (sheet.cell(i, column(gas, 'Orders', h)).value = v);
    set('status', 'Rated');
    set('package-id', `${orderId}-1`);
    set('package', 'Box S 8x6x4');
    set('billable-weight-oz', 14);
    set('zone', '5');
    set('carrier', 'USPS');
    set('service', 'Ground Advantage');
    set('rate', 7.45);
    set('rate-currency', 'USD');
    set('expected-delivery', '2026-12-04');
    set(
      'rates-considered',
      'USPS/Ground Advantage 7.45 USD 2026-12-04; UPS/Ground 9.10 USD 2026-12-03; USPS/Priority Mail 10.40 USD 2026-12-03; FedEx/Home Delivery 11.20 USD 2026-12-03',
    );
  });
  gas.spreadsheet.select('Orders', 'A2');
  return orderId;
}

describe('the rates sidebar in Chromium', () => {
  it('shows the rates and picking one writes it to the Orders sheet', async () => {
    const gas = sheetFromTemplates();
    const orderId = rate(gas);
    const page = await openHtml(browser, gas, 'RatesSidebar', { width: 300, height: 620 });
    await page.waitForSelector('.card');
    expect(await page.textContent('#title')).toBe(`Order ${orderId}`);
    await page.screenshot({ path: screenshotPath('rates-sidebar.png') });
    await page.check('input[aria-label="UPS Ground"]');
    await page.click('button.use');
    await page.waitForFunction('document.getElementById("status").textContent.startsWith("Chose")');
    const rec = decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid).rows[0].record;
    expect([rec.carrier, rec.service, rec.rate]).toEqual(['UPS', 'Ground', 910]);
    expect(await page.textContent('tr.chosen')).toContain('UPS Ground');
    await page.close();
  });
});

describe('the Settings dialog in Chromium', () => {
  it('shows a problem for a bad value, then saves good values into properties and the Settings sheet', async () => {
    const gas = sheetFromTemplates();
    const page = await openHtml(browser, gas, 'SettingsDialog', { width: 560, height: 900 });
    await page.waitForSelector('[name="ship-from-city"]');
    await page.fill('[name="safety-stock"]', '2.5');
    await page.click('#save');
    await page.waitForFunction('document.getElementById("status").className === "error"');
    expect(await page.textContent('#status')).toMatch(/safety-stock must be a whole number/);
    expect(gas.docProps().getKeys()).toEqual([]);
    await page.fill('[name="ship-from-city"]', 'Sparks');
    await page.fill('[name="safety-stock"]', '3');
    await page.selectOption('[name="marketplace"]', 'CA');
    await page.click('#save');
    await page.waitForFunction('document.getElementById("status").className === "ok"');
    expect(gas.docProps().getProperty('setting.ship-from-city')).toBe('Sparks');
    const settings = decodeTable(settingsTable, gas.spreadsheet.values('Settings') as Grid).rows.map(
      (r) => r.record,
    );
    expect(settings.find((s) => s.key === 'marketplace')!.value).toBe('CA');
    expect(settings.find((s) => s.key === 'safety-stock')!.value).toBe('3');
    await page.fill('#secretName', 'shippo.api-key');
    await page.fill('#secretValue', 'shippo_test_123');
    await page.click('#saveSecret');
    await page.waitForFunction(
      'document.getElementById("secretNames").textContent.includes("shippo.api-key")',
    );
    expect(await page.inputValue('#secretValue')).toBe('');
    await page.screenshot({ path: screenshotPath('settings-dialog.png'), fullPage: true });
    await page.close();
  });
});

describe('the Import orders dialog in Chromium', () => {
  it('uploads the order report file and imports it', async () => {
    const gas = new AppsScript();
    gas.call('menuSetUpSheets');
    const page = await openHtml(browser, gas, 'ImportDialog', { width: 520, height: 420 });
    await page.setInputFiles('#file', {
      name: 'unshipped-orders.txt',
      mimeType: 'text/plain',
      buffer: fs.readFileSync(SAMPLE_REPORT),
    });
    await page.click('#import');
    await page.waitForFunction('document.getElementById("result").className === "ok"');
    expect(await page.textContent('#result')).toMatch(/14 added/);
    expect(decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid).rows).toHaveLength(14);
    await page.screenshot({ path: screenshotPath('import-dialog.png') });
    await page.close();
  });
});

describe('the Schedule reports dialog in Chromium', () => {
  it('installs one daily trigger', async () => {
    const gas = sheetFromTemplates();
    const page = await openHtml(browser, gas, 'ScheduleDialog', { width: 480, height: 520 });
    await page.waitForFunction('document.getElementById("status").textContent !== ""');
    await page.check('[name="enabled"]');
    await page.selectOption('[name="frequency"]', 'daily');
    await page.selectOption('[name="hour"]', '7');
    await page.selectOption('[name="period"]', 'week');
    await page.check('[name="email"]');
    await page.fill('[name="recipients"]', 'owner@example.com');
    await page.click('button[type="submit"]');
    await page.waitForFunction('document.getElementById("status").className === "ok"');
    expect(gas.scriptApp.triggers.map((t) => t.schedule)).toEqual(['every 1 d at 7h America/Los_Angeles']);
    await page.screenshot({ path: screenshotPath('schedule-dialog.png') });
    await page.close();
  });
});
