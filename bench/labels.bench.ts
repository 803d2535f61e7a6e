/**
 * Labels: 1,000 Rated orders through `generateLabels` (sample provider, layout, 4x6 label PDF, packing slips PDF,
 * pick list PDF, workbook write) against bare pdfkit + bwip-js drawing the same pages (same fonts, same text,
 * same barcodes, no workbook, no layout model). Goal (DESIGN.md): within 1.25x. Also the ZPL batch, and the
 * pure part alone (no PDF).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import type { LabelBatch, LabelSink, WrittenBatch } from '../src/core';
import { generateLabels, sampleLabelProvider, sampleTrackingNumber } from '../src/core';
import { FileLabelSink } from '../src/node/labels/fileLabelSink';
import { labelFonts } from '../src/node/labels/fonts';
import type { RatedItem } from '../test/core/workflow/labelFixtures';
import { LISTINGS, ratedWorkbook } from '../test/core/workflow/labelFixtures';
import type { Measurement } from './measure';
import { measure, row } from './measure';

/** Wall time (measure) plus CPU seconds of this process: on a shared, loaded machine CPU time is the steadier figure. */
async function timed(work: () => Promise<unknown>): Promise<Measurement & { cpu: number }> {
  const start = process.cpuUsage();
  const m = await measure(work);
  const used = process.cpuUsage(start);
  return { ...m, cpu: (used.user + used.system) / 1e6 };
}

const N = 1000;
const NOW = { now: new Date('2026-12-01T17:00:00Z') };
const OFFLINE = { send: async () => Promise.reject(new Error('offline')) };
const CARRIERS = [
  ['UPS', 'Ground'],
  ['USPS', 'Ground Advantage'],
  ['USPS', 'Priority Mail'],
  ['FedEx', 'Express Saver'],
] as const;
const NAMES = [
  'Maria Lopez',
  "James O'Neil",
  'Dolores Almuñécar de la Fuente',
  '山田 太郎',
  'Chen Wei',
  'Ana Núñez',
];

function items(): RatedItem[] {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: N }, (_, i) => {
    const [carrier, service] = CARRIERS[i % CARRIERS.length];
    const listing = LISTINGS[Math.floor(rnd() * LISTINGS.length)];
    return {
      orderId: `112-${String(1000000 + i).padStart(7, '0')}-${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`,
      itemId: String(20000000000000 + i),
      sku: listing.sku,
      name: NAMES[i % NAMES.length],
      carrier,
      service,
      allocatedFrom: `A-${String(1 + Math.floor(rnd() * 40)).padStart(2, '0')}:1`,
      gift: i % 7 === 0 ? 'Happy holidays from all of us!' : undefined,
    };
  });
}

class MemorySink implements LabelSink {
  async write(batch: LabelBatch): Promise<WrittenBatch> {
    return { labelFiles: new Map(batch.labels.map((l) => [l.shipmentId, 'mem'])), files: [] };
  }
}

/** Bare pdfkit + bwip-js: the same label and slip pages drawn with direct calls, no model in between. */
async function bare(dir: string, orders: RatedItem[]): Promise<void> {
  const fonts = labelFonts();
  const newDoc = () => {
    const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
    doc.registerFont('r', fonts.regular);
    doc.registerFont('b', fonts.bold);
    return doc;
  };
  const bars = (
    doc: PDFKit.PDFDocument,
    bcid: string,
    text: string,
    x: number,
    y: number,
    w: number,
    h: number,
  ) => {
    const sbs = (bwipjs.raw({ bcid, text }) as Array<{ sbs: number[] }>)[0].sbs;
    const modules = sbs.reduce((a, b) => a + b, 0);
    const m = Math.min(1.25, w / (modules + 20));
    let cx = x + (w - modules * m) / 2;
    sbs.forEach((s, i) => {
      if (i % 2 === 0) doc.rect(cx, y, s * m, h);
      cx += s * m;
    });
    doc.fill('black');
  };
  const t = (doc: PDFKit.PDFDocument, font: string, size: number, s: string, x: number, y: number) =>
    doc.font(font).fontSize(size).text(s, x, y, { lineBreak: false });
  const finish = (doc: PDFKit.PDFDocument, file: string) =>
    new Promise<void>((resolve) => {
      const out = fs.createWriteStream(file);
      out.on('finish', resolve);
      doc.pipe(out);
      doc.end();
    });
  const labels = newDoc();
  for (const o of orders) {
    const tracking = sampleTrackingNumber(
      o.carrier === 'UPS' ? 'UPS' : o.carrier === 'USPS' ? 'USPS' : 'FedEx',
      o.service ?? '',
      o.orderId,
    );
    labels.addPage({ size: [288, 432], margin: 0 });
    for (const y of [8, 407]) {
      labels.rect(8, y, 272, 17).fill('black');
      labels.fillColor('white');
      t(labels, 'b', 10.5, 'SAMPLE — NOT VALID FOR SHIPPING', 50, y + 2);
      labels.fillColor('black');
    }
    t(labels, 'b', 7, 'Sample Seller LLC', 12, 30);
    t(labels, 'r', 7, '100 Warehouse Way', 12, 38);
    t(labels, 'b', 7, 'RENO NV 89502', 12, 47);
    t(labels, 'b', 9, '1 LB 4 OZ', 240, 30);
    t(labels, 'r', 7, 'SHIP DATE: 2026-12-01', 200, 41);
    t(labels, 'r', 7, 'DIMS: 8x6x4 IN', 220, 49);
    t(labels, 'b', 9, o.carrier ?? '', 250, 60);
    labels.rect(8, 86, 272, 1.5).fill('black');
    t(labels, 'b', 7.5, 'SHIP TO:', 12, 91);
    t(labels, 'b', 11, o.name ?? '', 24, 102);
    t(labels, 'r', 11, '1420 W Olive Ave', 24, 115);
    t(labels, 'b', 12, 'FRESNO CA 93728-2211', 24, 128);
    labels.rect(8, 226, 272, 3).fill('black');
    t(labels, 'b', 22, 'CA 937', 12, 238);
    bars(labels, 'gs1-128', '(420)93728', 128, 234, 150, 36);
    t(labels, 'r', 6.5, '(420) 93728', 185, 271);
    labels.rect(8, 284, 272, 3).fill('black');
    t(labels, 'b', 13, `${o.carrier} ${o.service}`.toUpperCase(), 12, 292);
    labels.rect(244, 290, 36, 32).fill('black');
    labels.fillColor('white');
    t(labels, 'b', 22, 'G', 254, 292);
    labels.fillColor('black');
    t(labels, 'b', 9, `TRACKING #: ${tracking}`, 12, 326);
    labels.rect(8, 339, 272, 1).fill('black');
    bars(labels, 'code128', tracking, 16, 344, 256, 46);
    t(labels, 'r', 6.5, `REF: ${o.orderId} · PKG ${o.orderId}-1`, 12, 394);
  }
  await finish(labels, path.join(dir, 'bare-labels.pdf'));
  const slips = newDoc();
  for (const o of orders) {
    slips.addPage({ size: [612, 792], margin: 0 });
    t(slips, 'b', 14, 'Sample Seller LLC', 36, 36);
    t(slips, 'r', 9, '100 Warehouse Way', 36, 53);
    t(slips, 'r', 9, 'Reno, NV 89502', 36, 64);
    t(slips, 'b', 16, 'PACKING SLIP', 460, 36);
    t(slips, 'r', 10, `Order ${o.orderId}`, 440, 56);
    bars(slips, 'code128', o.orderId, 346, 70, 230, 34);
    slips.rect(36, 112, 540, 1.5).fill('black');
    t(slips, 'b', 8, 'SHIP TO', 36, 122);
    t(slips, 'b', 11, o.name ?? '', 36, 132);
    t(slips, 'r', 10, '1420 W Olive Ave', 36, 146);
    t(slips, 'r', 10, 'FRESNO, CA 93728-2211', 36, 158);
    for (const [i, [k, v]] of [
      ['Order date', '2026-11-30'],
      ['Ship date', '2026-12-01'],
      ['Ship by', '2026-12-02'],
      ['Shipping service', `${o.carrier} ${o.service}`],
      ['Tracking', o.orderId],
      ['Sold on', 'Amazon.com'],
    ].entries()) {
      t(slips, 'b', 9, k, 336, 122 + i * 11);
      t(slips, 'r', 9, v, 428, 122 + i * 11);
    }
    for (const [x, h] of [
      [36, 'SKU'],
      [156, 'ASIN'],
      [236, 'Item'],
      [560, 'Qty'],
    ] as const)
      t(slips, 'b', 9, h, x, 200);
    slips.rect(36, 211, 540, 0.75).fill('black');
    const l = LISTINGS.find((x) => x.sku === o.sku)!;
    t(slips, 'r', 9, l.sku, 36, 216);
    t(slips, 'r', 9, l.asin, 156, 216);
    t(slips, 'r', 9, l.title, 236, 216);
    t(slips, 'b', 10, '1', 566, 216);
    slips.rect(36, 232, 540, 0.75).fill('black');
    t(slips, 'b', 10, '1 unit', 540, 236);
    if (o.gift) {
      slips.lineWidth(1).rect(36, 266, 540, 46).stroke();
      t(slips, 'b', 9, 'GIFT MESSAGE', 48, 274);
      t(slips, 'r', 11, o.gift, 48, 288);
    }
    t(
      slips,
      'r',
      9,
      'Thank you for your order. Questions or returns: contact us through Your Orders on Amazon.',
      120,
      330,
    );
  }
  await finish(slips, path.join(dir, 'bare-slips.pdf'));
}

async function main(): Promise<void> {
  const orders = items();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-bench-labels-'));
  // Warm up both paths once (font parsing, JIT) so neither pays it in the timed run.
  await bare(dir, orders.slice(0, 20));
  await generateLabels(
    await ratedWorkbook(orders.slice(0, 20)),
    { provider: sampleLabelProvider(), http: OFFLINE, sink: new FileLabelSink(path.join(dir, 'warm')) },
    NOW,
  );

  // Alternate the two, three times each, and keep each one's best: JIT warm-up and the load of a shared machine
  // otherwise decide the ratio more than the code does.
  type Timed = Awaited<ReturnType<typeof timed>>;
  const best = (a: Timed | null, b: Timed): Timed => (a === null || b.cpu < a.cpu ? b : a);
  let base: Timed | null = null;
  let ours: Timed | null = null;
  for (let round = 0; round < 3; round++) {
    base = best(base, await timed(() => bare(dir, orders)));
    const book = await ratedWorkbook(orders);
    ours = best(
      ours,
      await timed(() =>
        generateLabels(
          book,
          { provider: sampleLabelProvider(), http: OFFLINE, sink: new FileLabelSink(path.join(dir, 'pdf')) },
          NOW,
        ),
      ),
    );
  }
  if (!base || !ours) throw new Error('no measurement');
  const zplBook = await ratedWorkbook(orders);
  const zpl = await timed(() =>
    generateLabels(
      zplBook,
      {
        provider: sampleLabelProvider(),
        http: OFFLINE,
        sink: new FileLabelSink(path.join(dir, 'zpl')),
        format: 'zpl',
      },
      NOW,
    ),
  );
  const pureBook = await ratedWorkbook(orders);
  const pure = await timed(() =>
    generateLabels(pureBook, { provider: sampleLabelProvider(), http: OFFLINE, sink: new MemorySink() }, NOW),
  );
  const size = (d: string) =>
    fs.readdirSync(d).reduce((n, f) => n + fs.statSync(path.join(d, f)).size, 0) / 1024 / 1024;
  console.log(`${N} orders (1 package each): labels + packing slips + pick list`);
  console.log(row('bare pdfkit + bwip-js, same label and slip pages', base));
  const b = base;
  console.log(row('shipsheet labels --format pdf (4x6, slips, pick list)', ours, base));
  console.log(row('shipsheet labels --format zpl (ZPL, slips, pick list)', zpl, base));
  console.log(row('  of which the pure core (buy, layout, workbook, no PDF)', pure, base));
  console.log(
    `PDF output: ${size(path.join(dir, 'pdf')).toFixed(1)} MB (bare: ${(fs.statSync(path.join(dir, 'bare-labels.pdf')).size / 1024 / 1024 + fs.statSync(path.join(dir, 'bare-slips.pdf')).size / 1024 / 1024).toFixed(1)} MB)`,
  );
  const cpu = (label: string, m: { cpu: number }) =>
    console.log(`CPU ${label.padEnd(48)} ${m.cpu.toFixed(2).padStart(7)} s  ${(m.cpu / b.cpu).toFixed(2)}x`);
  cpu('bare pdfkit + bwip-js', base);
  cpu('shipsheet --format pdf', ours);
  cpu('shipsheet --format zpl', zpl);
  cpu('pure core', pure);
  const ratio = ours.cpu / base.cpu;
  console.log(
    `ratio to bare (CPU time): ${ratio.toFixed(2)}x, wall ${(ours.seconds / base.seconds).toFixed(2)}x (goal 1.25x) ${ratio <= 1.25 ? 'OK' : 'OVER'}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
