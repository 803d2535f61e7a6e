/**
 * Generate labels from the menu, on the bundle in the vm: labels bought through the sample provider for the
 * Rated orders, Orders and Shipments recorded, the files saved to the add-on's own Drive folder (drive.file) and
 * linked from a dialog; a second run buys nothing and writes no file.
 */
import type { Grid } from '../../src/core';
import {
  LWA_TOKEN_ENDPOINT,
  SPAPI_ENDPOINTS,
  decodeTable,
  ordersTable,
  shipmentsTable,
} from '../../src/core';
import { CREDENTIALS, FakeSpApi } from '../fakes/spApiServer';
import type { AppsScript } from '../fakes/appsScript';
import { FOLDER_MIME } from '../fakes/drive';
import { column, sellerSheet } from './sheetFromTemplates';

interface Outcome {
  status: string;
  title: string;
  body: string;
  problems: number;
}

function ratedSheet(): AppsScript {
  const gas = sellerSheet();
  gas.call('menuChooseCarriers');
  gas.sheets.ui.length = 0;
  gas.spreadsheet.toasts.length = 0;
  return gas;
}

const orders = (gas: AppsScript) =>
  decodeTable(ordersTable, gas.spreadsheet.values('Orders') as Grid, { checkRequired: false }).rows.map(
    (r) => r.record,
  );
const shipments = (gas: AppsScript) =>
  decodeTable(shipmentsTable, gas.spreadsheet.values('Shipments') as Grid, { checkRequired: false }).rows.map(
    (r) => r.record,
  );
const labelsFolder = (gas: AppsScript) =>
  gas.drive.files.filter((f) => f.name === 'Shipsheet labels' && f.mimeType === FOLDER_MIME && f.byScript);

function setSetting(gas: AppsScript, key: string, value: string): void {
  const sheet = gas.spreadsheet.sheet('Settings')!;
  const row = gas.spreadsheet.values('Settings').findIndex((r) => r[0] === key);
  sheet.cell(row, 1).value = value;
}

describe('Generate labels in the add-on', () => {
  it('buys a label for every Rated package, records them, and saves labels, slips and pick list to Drive', () => {
    const gas = ratedSheet();
    const rated = orders(gas).filter((o) => o.status === 'Rated');
    const packages = new Set(rated.map((o) => o['package-id']));
    expect(packages.size).toBeGreaterThan(2);

    const out = gas.call<Outcome>('menuGenerateLabels');
    expect(out.status).toBe('done');

    const after = orders(gas);
    for (const o of after.filter((x) => packages.has(x['package-id'])))
      expect([o.status, (o['tracking-number'] ?? '').length > 0]).toEqual(['Labeled', true]);
    const ships = shipments(gas);
    expect(ships).toHaveLength(packages.size);
    expect(new Set(ships.map((s) => s['package-id']))).toEqual(packages);
    expect(ships.every((s) => s.provider === 'sample' && s.state === 'Purchased')).toBe(true);

    // One folder, made by the add-on; three files in it, each a PDF converted from HTML.
    expect(labelsFolder(gas)).toHaveLength(1);
    const files = gas.drive.inFolder(labelsFolder(gas)[0].id);
    expect(files.map((f) => f.name.replace(/\d{8}-\d{6}/, 'STAMP')).sort()).toEqual([
      'labels-STAMP.pdf',
      'packing-slips-STAMP.pdf',
      'pick-list-STAMP.pdf',
    ]);
    for (const f of files) {
      expect(f.mimeType).toBe('application/pdf');
      expect(f.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const labels = files.find((f) => f.name.startsWith('labels-'))!;
    const html = labels.sourceHtml!;
    expect(html.match(/<div class="page"/g)).toHaveLength(packages.size);
    expect(html).toMatch(/@page \{ size: 288pt 432pt; margin: 0 \}/);
    // Each label: the tracking barcode and the routing (GS1-128 postal code) barcode, as SVG.
    expect(html.match(/<svg class="barcode" data-symbology="code128"/g)?.length).toBe(packages.size);
    expect(html.match(/data-symbology="gs1-128"/g)?.length).toBe(packages.size);
    const printed = html.replace(/\s/g, '');
    for (const s of ships) expect(printed.includes(`TRACKING#:${s['tracking-number']}`)).toBe(true);
    expect(html).toContain('SAMPLE — NOT VALID FOR SHIPPING');
    // Shipments link each label to its page of the file.
    const pages = ships.map((s) => s['label-file']).sort();
    expect(pages.every((p) => p!.startsWith(`https://drive.google.com/file/d/${labels.id}/view`))).toBe(true);
    expect(pages.map((p) => Number(/#page=(\d+)$/.exec(p!)?.[1]))).toEqual(
      expect.arrayContaining([...Array(packages.size).keys()].map((i) => i + 1)),
    );

    // The dialog links to the three files.
    const dialog = gas.sheets.ui.find((e) => e.kind === 'dialog')!;
    expect(dialog.title).toBe('Shipsheet: generate labels');
    for (const f of files) expect(dialog.body).toContain(`>${f.name}</a>`);
    expect(dialog.body).toContain(`https://drive.google.com/file/d/${labels.id}/view`);
  });

  it('running it again buys nothing, writes no file and creates no second folder', () => {
    const gas = ratedSheet();
    gas.call('menuGenerateLabels');
    const shipsBefore = shipments(gas);
    const filesBefore = gas.drive.files.length;
    gas.calls.reset();
    gas.sheets.ui.length = 0;
    const again = gas.call<Outcome>('menuGenerateLabels');
    expect(again.status).toBe('done');
    expect(again.body).toMatch(/0 labels bought, 0 printed again, \d+ already labelled/);
    expect(shipments(gas)).toEqual(shipsBefore);
    expect(gas.drive.files).toHaveLength(filesBefore);
    expect(gas.calls.get('Drive')).toBe(0);
    expect(gas.sheets.ui.filter((e) => e.kind === 'dialog')).toEqual([]);
    expect(labelsFolder(gas)).toHaveLength(1);
  });

  it('writes the labels as one ZPL file when Settings label-format is zpl', () => {
    const gas = ratedSheet();
    setSetting(gas, 'label-format', 'zpl');
    gas.call<Outcome>('menuGenerateLabels');
    const ships = shipments(gas);
    const folder = labelsFolder(gas)[0];
    const zpl = gas.drive.inFolder(folder.id).find((f) => f.name.endsWith('.zpl'))!;
    expect(zpl.mimeType).toBe('text/plain');
    const text = gas.drive.text(zpl);
    expect(text.match(/\^XA/g)).toHaveLength(ships.length);
    expect(text.match(/\^XZ/g)).toHaveLength(ships.length);
    for (const s of ships) expect(text).toContain(`^FD${s['tracking-number']}^FS`);
    expect(ships.map((s) => Number(/#(\d+)$/.exec(s['label-file']!)?.[1])).sort()).toEqual(
      ships.map((_, i) => i + 1),
    );
    // Packing slips and pick list still go to the Letter printer as PDFs.
    expect(
      gas.drive
        .inFolder(folder.id)
        .map((f) => f.name.replace(/\d{8}-\d{6}/, 'STAMP'))
        .sort(),
    ).toEqual(['labels-STAMP.zpl', 'packing-slips-STAMP.pdf', 'pick-list-STAMP.pdf']);
  });

  it('does not see (or write into) a folder of the same name the seller made: drive.file sees only its own', () => {
    const gas = ratedSheet();
    const theirs = gas.drive.seedSellerFile('Shipsheet labels');
    gas.call('menuGenerateLabels');
    expect(gas.drive.inFolder(theirs.id)).toEqual([]);
    expect(labelsFolder(gas)).toHaveLength(1);
  });

  it('records the labels bought even when Drive refuses the files, and says how to print them', () => {
    const gas = ratedSheet();
    gas.manifest.oauthScopes = gas.manifest.oauthScopes!.filter((s) => !s.endsWith('/drive.file'));
    const out = gas.call<Outcome>('menuGenerateLabels');
    expect(out.status).toBe('problems');
    expect(out.body).toMatch(/label files could not be written \(.*insufficient authentication scopes.*\)/);
    expect(shipments(gas).length).toBeGreaterThan(0);
    expect(gas.drive.files).toEqual([]);
  });

  it('buys from Amazon Buy Shipping through UrlFetchApp when label-provider is amazon, once per package', () => {
    const gas = ratedSheet();
    // Amazon offers USPS Ground Advantage and UPS Ground here: put every Rated package on the first.
    const sheet = gas.spreadsheet.sheet('Orders')!;
    gas.spreadsheet.values('Orders').forEach((r, i) => {
      if (i === 0 || r[column(gas, 'Orders', 'status')] !== 'Rated') return;
      sheet.cell(i, column(gas, 'Orders', 'carrier')).value = 'USPS';
      sheet.cell(i, column(gas, 'Orders', 'service')).value = 'Ground Advantage';
    });
    setSetting(gas, 'label-provider', 'amazon');
    const amazon = new FakeSpApi();
    const answer = (r: Parameters<FakeSpApi['respond']>[0]) => amazon.respond(r);
    gas.urlFetch.serve(SPAPI_ENDPOINTS.NA, answer);
    gas.urlFetch.serve(new URL(LWA_TOKEN_ENDPOINT).origin, answer);
    gas.call('saveSecret', 'amazon.lwa-client-id', CREDENTIALS.clientId);
    gas.call('saveSecret', 'amazon.lwa-client-secret', CREDENTIALS.clientSecret);
    gas.call('saveSecret', 'amazon.lwa-refresh-token', CREDENTIALS.refreshToken);
    const packages = new Set(
      orders(gas)
        .filter((o) => o.status === 'Rated')
        .map((o) => o['package-id']),
    );
    const purchases = () =>
      amazon.requests.filter((r) => r.method === 'POST' && r.path === '/shipping/v2/shipments').length;

    const out = gas.call<Outcome>('menuGenerateLabels');
    expect(out.status).toBe('done');
    expect(purchases()).toBe(packages.size);
    const ships = shipments(gas);
    expect(ships).toHaveLength(packages.size);
    expect(
      ships.every((s) => s.provider === 'amazon' && /^amzn1\.shipment\./.test(s['provider-shipment-id']!)),
    ).toBe(true);
    // Amazon's own label documents (PDF here) are saved as they came, one file per label, and linked.
    const folder = labelsFolder(gas)[0];
    const own = gas.drive.inFolder(folder.id).filter((f) => f.name.startsWith('label-SH-'));
    expect(own).toHaveLength(packages.size);
    for (const f of own) expect(f.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    for (const s of ships)
      expect(s['label-file']).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/drive-\d+\/view/);

    gas.call('menuGenerateLabels');
    expect(purchases()).toBe(packages.size);
    expect(shipments(gas)).toHaveLength(packages.size);
  });
});
