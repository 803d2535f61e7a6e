/**
 * The add-on's printable labels, packing slips and pick list as a printer gets them: the HTML the bundle saved
 * (the source of the Drive PDFs) printed to PDF by headless Chromium, rendered at printer resolution by pdftoppm
 * and read back by zxing-wasm, so the SVG barcodes are proven scannable. Also the "labels saved" dialog.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Grid } from '../../src/core';
import { decodeTable, shipmentsTable } from '../../src/core';
import type { AppsScript } from '../fakes/appsScript';
import { pdfPageCount, pdfPageSize, pdfText, renderPdf, scanCode128 } from '../node/labels/barcodeReader';
import { launch, screenshotPath } from './browserShim';
import { sellerSheet } from './sheetFromTemplates';

jest.setTimeout(120_000);

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-addon-labels-'));
}, 60000);
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function labelled(format?: string): AppsScript {
  const gas = sellerSheet();
  if (format) {
    const row = gas.spreadsheet.values('Settings').findIndex((r) => r[0] === 'label-format');
    gas.spreadsheet.sheet('Settings')!.cell(row, 1).value = format;
  }
  gas.call('menuChooseCarriers');
  gas.sheets.ui.length = 0;
  gas.call('menuGenerateLabels');
  return gas;
}

/** The HTML behind a Drive PDF, printed by Chromium as Apps Script's converter prints it. */
async function print(gas: AppsScript, prefix: string): Promise<string> {
  const file = gas.drive.files.find((f) => f.name.startsWith(prefix))!;
  const page = await browser.newPage();
  await page.route('**/*', (route) =>
    route.request().url().startsWith('data:') ? route.continue() : route.abort(),
  );
  await page.setContent(file.sourceHtml!, { waitUntil: 'load' });
  const out = path.join(dir, `${prefix}${Math.random().toString(36).slice(2)}.pdf`);
  await page.pdf({ path: out, preferCSSPageSize: true, printBackground: false });
  await page.close();
  return out;
}

const shipmentsOf = (gas: AppsScript) =>
  decodeTable(shipmentsTable, gas.spreadsheet.values('Shipments') as Grid).rows.map((r) => r.record);

describe('labels printed from the add-on', () => {
  it('4×6 pages, each with its tracking number and routing code as scannable barcodes, in the order recorded', async () => {
    const gas = labelled();
    const ships = shipmentsOf(gas);
    const pdf = await print(gas, 'labels-');
    expect(pdfPageCount(pdf)).toBe(ships.length);
    expect(pdfPageSize(pdf)).toBe('288 x 432');
    const text = pdfText(pdf);
    const byPage: string[] = [];
    // 203 dpi: what a thermal label printer prints at.
    const pngs = renderPdf(pdf, 203);
    // What the seller prints, for the docs (docs/images with UPDATE_DOCS_IMAGES=1).
    fs.copyFileSync(renderPdf(pdf, 100)[0], screenshotPath('addon-label.png'));
    for (const [i, png] of pngs.entries()) {
      const codes = await scanCode128(png);
      const tracking = codes.filter((c) => c.symbology === ']C0').map((c) => c.text);
      const routing = codes.filter((c) => c.symbology === ']C1').map((c) => c.text);
      expect(tracking).toHaveLength(1);
      expect(routing).toHaveLength(1);
      expect(routing[0]).toMatch(/^\(420\)\d{5}$/);
      byPage.push(tracking[0]);
      expect(text[i]).toContain('SAMPLE — NOT VALID FOR SHIPPING');
    }
    // Page n of the file is the label Shipments points at with #page=n.
    const byLink = [...ships]
      .sort(
        (a, b) =>
          Number(/#page=(\d+)/.exec(a['label-file']!)![1]) - Number(/#page=(\d+)/.exec(b['label-file']!)![1]),
      )
      .map((s) => s['tracking-number']);
    expect(byPage).toEqual(byLink);
  });

  it('two labels per Letter sheet with pdf-letter-2up, both scannable', async () => {
    const gas = labelled('pdf-letter-2up');
    const ships = shipmentsOf(gas);
    const pdf = await print(gas, 'labels-');
    expect(pdfPageSize(pdf)).toBe('612 x 792');
    expect(pdfPageCount(pdf)).toBe(Math.ceil(ships.length / 2));
    const found: string[] = [];
    for (const png of renderPdf(pdf, 150))
      found.push(...(await scanCode128(png)).filter((c) => c.symbology === ']C0').map((c) => c.text));
    expect(found.sort()).toEqual(ships.map((s) => s['tracking-number']).sort());
  });

  it('packing slips carry the order id barcode, one per order; the pick list names every SKU', async () => {
    const gas = labelled();
    const ships = shipmentsOf(gas);
    const slips = await print(gas, 'packing-slips-');
    expect(pdfPageSize(slips)).toBe('612 x 792');
    const ids: string[] = [];
    for (const png of renderPdf(slips, 150, 110)) ids.push(...(await scanCode128(png)).map((c) => c.text));
    expect(ids.sort()).toEqual([...new Set(ships.map((s) => s['order-id']))].sort());
    expect(pdfText(slips)[0]).toContain('PACKING SLIP');
    const pick = pdfText(await print(gas, 'pick-list-')).join('\n');
    expect(pick).toContain('Pick list');
    for (const s of ships)
      for (const item of (s['order-items'] ?? '').split('; ')) expect(item).toMatch(/:\d+$/);
  });

  it('the dialog links to the saved files (screenshot)', async () => {
    const gas = labelled();
    const dialog = gas.sheets.ui.find((e) => e.kind === 'dialog')!;
    const page = await browser.newPage({ viewport: { width: 520, height: 420 } });
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    await page.setContent(dialog.body, { waitUntil: 'load' });
    const links = await page.$$eval('#files a', (as) =>
      as.map((a) => [a.textContent, a.getAttribute('href')]),
    );
    expect(links).toHaveLength(3);
    for (const [name, href] of links) {
      const file = gas.drive.files.find((f) => f.name === name)!;
      expect(href).toContain(file.id);
    }
    await page.screenshot({ path: screenshotPath('labels-dialog.png') });
    await page.close();
  });
});
