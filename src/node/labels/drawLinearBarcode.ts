/** A Code 128 / GS1-128 barcode drawn into pdfkit as vector bars, from bwip-js's encoding (exact, scalable). */
import bwipjs from 'bwip-js/node';
import type { BarcodeElement } from '../../core/labels/layout';

/** Widest module a label barcode uses (points): carriers print about 0.013–0.017 in. */
const MAX_MODULE_PT = 1.25;
/** Code 128 needs ten modules of white space each side. */
const QUIET_MODULES = 10;

export class BarcodeDrawError extends Error {}

/** Bar and space widths in modules, bar first. */
export function encodeLinear(e: Pick<BarcodeElement, 'symbology' | 'data'>): number[] {
  try {
    const raw = bwipjs.raw({ bcid: e.symbology, text: e.data }) as Array<{ sbs?: number[] }>;
    const sbs = raw[0]?.sbs;
    if (!sbs) throw new Error('no bars');
    return sbs;
  } catch (err) {
    throw new BarcodeDrawError(
      `cannot encode ${e.symbology} barcode ${JSON.stringify(e.data)}: ${String(err)}`,
    );
  }
}

export function drawLinearBarcode(doc: PDFKit.PDFDocument, e: BarcodeElement): void {
  const sbs = encodeLinear(e);
  const modules = sbs.reduce((a, b) => a + b, 0);
  const module = Math.min(MAX_MODULE_PT, e.width / (modules + 2 * QUIET_MODULES));
  const used = modules * module;
  let x = e.x + (e.center ? (e.width - used) / 2 : QUIET_MODULES * module);
  for (let i = 0; i < sbs.length; i++) {
    const w = sbs[i] * module;
    if (i % 2 === 0) doc.rect(x, e.y, w, e.height);
    x += w;
  }
  doc.fill();
}
