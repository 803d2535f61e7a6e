/**
 * The printed batch read back from pixels: every label page's Code 128 is that page's tracking number, pages
 * come in pick order, each page says SAMPLE — NOT VALID FOR SHIPPING, fonts are embedded and non-Latin names print.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShipmentRecord } from '../../../src/core';
import {
  decodeTable,
  generateLabels,
  sampleLabelProvider,
  SAMPLE_BANNER,
  shipmentsTable,
} from '../../../src/core';
import { FileLabelSink } from '../../../src/node/labels/fileLabelSink';
import { ratedWorkbook, TEN_ORDERS } from '../../core/workflow/labelFixtures';
import { pdfFonts, pdfPageCount, pdfPageSize, pdfText, renderPdf, scanCode128 } from './barcodeReader';

const NOW = { now: new Date('2026-12-01T17:00:00Z') };
const OFFLINE = { send: async () => Promise.reject(new Error('offline')) };

async function run(settings: Record<string, string> = {}, format?: 'pdf' | 'zpl') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-labels-'));
  const book = await ratedWorkbook(TEN_ORDERS, settings);
  const result = await generateLabels(
    book,
    { provider: sampleLabelProvider(), http: OFFLINE, sink: new FileLabelSink(dir), format },
    NOW,
  );
  const grid = (await book.read([shipmentsTable.name])).get(shipmentsTable.name) ?? [];
  const shipments: ShipmentRecord[] = decodeTable(shipmentsTable, grid).rows.map((r) => r.record);
  const labels = (
    result.data as { labels: { trackingNumber: string; orderId: string; shipmentId: string }[] }
  ).labels;
  return {
    dir,
    result,
    shipments,
    labels,
    file: (prefix: string) =>
      path.join(
        dir,
        fs.readdirSync(dir).find((f) => f.startsWith(prefix))!,
      ),
  };
}

describe('printed labels', () => {
  // One 4x6 batch shared by the tests that only read it (rendering pages is the slow part).
  let batch: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    batch = await run();
  });

  test('4x6 pages: each page barcode is its tracking number, in pick order, with the routing barcode and the SAMPLE banner', async () => {
    const { labels, shipments, file } = batch;
    const pdf = file('labels-');
    expect(pdfPageCount(pdf)).toBe(10);
    expect(pdfPageSize(pdf)).toBe('288 x 432');
    const pages = renderPdf(pdf, 150);
    const text = pdfText(pdf);
    expect(pages).toHaveLength(10);
    const byPage: string[] = [];
    for (const [i, png] of pages.entries()) {
      const codes = await scanCode128(png);
      const tracking = codes.filter((c) => c.symbology === ']C0').map((c) => c.text);
      const routing = codes.filter((c) => c.symbology === ']C1').map((c) => c.text);
      expect(tracking).toHaveLength(1);
      byPage.push(tracking[0]);
      expect(routing).toHaveLength(1);
      expect(routing[0]).toMatch(/^\((420)\)\d{5}$|^\((421)\)\d{3}\w+$/);
      expect(text[i].split(SAMPLE_BANNER).length - 1).toBe(2);
      // The page names the order it is for: pages and the run's pick order agree.
      expect(text[i]).toContain(labels[i].orderId);
    }
    expect(byPage).toEqual(labels.map((l) => l.trackingNumber));
    // Pick order: A-01 first (orders …04 and …09), B-STORE (…01) last.
    expect(labels.map((l) => l.orderId.slice(-2))).toEqual([
      '04',
      '09',
      '02',
      '07',
      '03',
      '08',
      '05',
      '10',
      '06',
      '01',
    ]);
    // The Shipments sheet says where each label is, and it is there.
    for (const [i, l] of labels.entries()) {
      const s = shipments.find((x) => x['shipment-id'] === l.shipmentId);
      expect(s?.['label-file']).toBe(`${pdf}#page=${i + 1}`);
      expect(s?.['tracking-number']).toBe(byPage[i]);
    }
  });

  test('non-Latin names print with embedded fonts', async () => {
    const { file } = batch;
    const pdf = file('labels-');
    expect(pdfFonts(pdf).length).toBeGreaterThan(0);
    for (const f of pdfFonts(pdf)) expect(f).toMatchObject({ embedded: true });
    const all = pdfText(pdf).join('\n');
    expect(all).toContain('山田 太郎');
    expect(all).toContain('渋谷区');
    expect(all).toContain('Almuñécar');
    const slips = pdfText(file('packing-slips-')).join('\n');
    expect(slips).toContain('Con cariño desde Almuñécar');
  });

  test('two labels per Letter page when Settings label-format is pdf-letter-2up, still in pick order', async () => {
    const { labels, file } = await run({ 'label-format': 'pdf-letter-2up' }, 'pdf');
    const pdf = file('labels-');
    expect(pdfPageCount(pdf)).toBe(5);
    expect(pdfPageSize(pdf)).toBe('612 x 792');
    const found: string[] = [];
    for (const png of renderPdf(pdf, 150)) {
      const tracking = (await scanCode128(png)).filter((c) => c.symbology === ']C0');
      // Turned labels: the top half's label comes first.
      expect(tracking).toHaveLength(2);
      found.push(...tracking.map((t) => t.text));
    }
    expect(found).toEqual(labels.map((l) => l.trackingNumber));
  });

  test('packing slips carry a Code 128 of the Amazon order id, one order per slip in pick order; the pick list totals', async () => {
    const { labels, file } = batch;
    const slips = file('packing-slips-');
    const ids: string[] = [];
    for (const png of renderPdf(slips, 150, 110)) ids.push(...(await scanCode128(png)).map((c) => c.text));
    expect(ids).toEqual(labels.map((l) => l.orderId));
    const slipText = pdfText(slips);
    expect(slipText[0]).toContain('PACKING SLIP');
    expect(slipText[0]).toContain('B0C1MUG012');
    expect(slipText[0]).toContain('B0C1SOCKM1');
    const pick = pdfText(file('pick-list-')).join('\n');
    expect(pick).toMatch(/Total: 6 pick lines, 13 units, 10 orders/);
    expect(pick.indexOf('A-01')).toBeLessThan(pick.indexOf('B-STORE'));
  });

  test('ZPL batch: one format per label in pick order, 4x6 at 203 dpi', async () => {
    const { labels, file, shipments } = await run({}, 'zpl');
    const zpl = fs.readFileSync(file('labels-'), 'utf8');
    const formats = zpl.split('^XZ').filter((f) => f.includes('^XA'));
    expect(formats).toHaveLength(10);
    formats.forEach((f, i) => {
      expect(f).toContain('^PW812');
      expect(f).toContain('^LL1218');
      const codes = [...f.matchAll(/\^BCN,[^\n]*\^FD([^^]*)\^FS/g)].map((m) => m[1]);
      expect(codes[1]).toBe(labels[i].trackingNumber);
    });
    expect(shipments.every((s) => s['label-format'] === 'ZPL')).toBe(true);
    expect(fs.existsSync(file('packing-slips-'))).toBe(true);
  });
});
