/**
 * The 4×6 shipping label the sample provider draws, laid out as UPS and USPS lay theirs: ship-from and package
 * facts on top, a large ship-to block, routing code and routing barcode, service with its icon, the tracking
 * number and its Code 128 barcode. A SAMPLE — NOT VALID FOR SHIPPING banner runs across top and bottom.
 */
import type { Address } from '../carriers/plugin';
import { fitText } from './fitText';
import {
  formatTrackingNumber,
  formatWeight,
  routingBarcodeData,
  routingText,
  serviceIcon,
} from './formatLabelText';
import type { LayoutElement, LayoutPage } from './layout';
import { LABEL_4X6, lineHeight } from './layout';

export const SAMPLE_BANNER = 'SAMPLE — NOT VALID FOR SHIPPING';

export interface ShippingLabelContent {
  readonly shipFrom: Address;
  readonly shipTo: Address;
  readonly carrier: string;
  readonly service: string;
  readonly trackingNumber: string;
  readonly weightOz: number;
  /** Length × width × height in inches, when known. */
  readonly dimensionsIn?: readonly [number, number, number];
  /** yyyy-mm-dd */
  readonly shipDate: string;
  /** Printed small at the bottom: the Amazon order id and package id, so the packer matches label and box. */
  readonly reference: string;
  /** Draw the SAMPLE banners (the sample provider always does). */
  readonly sample: boolean;
}

export interface ShippingLabelLayout {
  readonly page: LayoutPage;
  /** Fields that did not fit and were shortened visibly with "…" (for a per-order note). */
  readonly truncatedFields: readonly string[];
}

const M = 8;
const W = LABEL_4X6.widthPt;

/** Lines of an address, city line last, for a block. */
function addressLines(a: Address): { label: string; text: string; bold?: boolean }[] {
  const cityLine = [
    a.city.toUpperCase(),
    [a.state?.toUpperCase(), a.postalCode.toUpperCase()].filter(Boolean).join(' '),
  ]
    .filter((s) => s !== '')
    .join(' ');
  const out: { label: string; text: string; bold?: boolean }[] = [
    { label: 'name', text: a.name, bold: true },
  ];
  if (a.company) out.push({ label: 'company', text: a.company });
  out.push({ label: 'address line 1', text: a.line1 });
  if (a.line2) out.push({ label: 'address line 2', text: a.line2 });
  if (a.line3) out.push({ label: 'address line 3', text: a.line3 });
  out.push({ label: 'city', text: cityLine, bold: true });
  if (a.country.toUpperCase() !== 'US')
    out.push({ label: 'country', text: a.country.toUpperCase(), bold: true });
  return out;
}

export function shippingLabelLayout(c: ShippingLabelContent): ShippingLabelLayout {
  const els: LayoutElement[] = [];
  const truncated: string[] = [];
  const text = (
    field: string,
    value: string,
    x: number,
    y: number,
    width: number,
    size: number,
    opts: { bold?: boolean; maxLines?: number; align?: 'left' | 'center' | 'right'; inverse?: boolean } = {},
  ): number => {
    const fit = fitText(value, width, size, { maxLines: opts.maxLines ?? 1, bold: opts.bold });
    if (fit.truncated) truncated.push(field);
    els.push({
      kind: 'text',
      x,
      y,
      width,
      lines: fit.lines,
      size,
      bold: opts.bold,
      align: opts.align,
      inverse: opts.inverse,
    });
    return y + fit.lines.length * lineHeight(size);
  };
  const banner = (y: number) => {
    if (!c.sample) return;
    els.push({ kind: 'rule', x: M, y, width: W - 2 * M, height: 17 });
    text('banner', SAMPLE_BANNER, M, y + 1.5, W - 2 * M, 10.5, {
      bold: true,
      align: 'center',
      inverse: true,
    });
  };

  banner(M);
  // Ship from (left) and package facts (right).
  let y = 30;
  for (const line of addressLines(c.shipFrom))
    y = text(`ship-from ${line.label}`, line.text, 12, y, 168, 7, { bold: line.bold });
  let ry = 30;
  ry = text('weight', formatWeight(c.weightOz), 186, ry, 94, 9, { bold: true, align: 'right' });
  ry = text('ship date', `SHIP DATE: ${c.shipDate}`, 186, ry, 94, 7, { align: 'right' });
  if (c.dimensionsIn && c.dimensionsIn.every((d) => d > 0))
    ry = text('dimensions', `DIMS: ${c.dimensionsIn.map((d) => String(d)).join('x')} IN`, 186, ry, 94, 7, {
      align: 'right',
    });
  text('carrier', c.carrier.toUpperCase(), 186, ry + 2, 94, 9, { bold: true, align: 'right' });
  els.push({ kind: 'rule', x: M, y: 86, width: W - 2 * M, height: 1.5 });

  // Ship to: the biggest block, name and street may wrap to two lines.
  text('ship-to heading', 'SHIP TO:', 12, 91, 60, 7.5, { bold: true });
  // The largest size at which the whole block fits above the routing rule.
  const shipTo = addressLines(c.shipTo);
  const blockTop = 102;
  const blockBottom = 224;
  const toWidth = W - 24 - 12;
  const maxLinesOf = (label: string) => (label === 'name' || label === 'address line 1' ? 2 : 1);
  const sizeOf = (label: string, base: number) => (label === 'city' ? base + 1 : base);
  const blockHeight = (base: number) =>
    shipTo.reduce((h, line) => {
      const size = sizeOf(line.label, base);
      const n = fitText(line.text, toWidth, size, { maxLines: maxLinesOf(line.label), bold: line.bold }).lines
        .length;
      return h + n * lineHeight(size);
    }, 0);
  let base = 11;
  while (base > 7 && blockTop + blockHeight(base) > blockBottom) base -= 0.5;
  y = blockTop;
  for (const line of shipTo)
    y = text(`ship-to ${line.label}`, line.text, 24, y, toWidth, sizeOf(line.label, base), {
      bold: line.bold,
      maxLines: maxLinesOf(line.label),
    });
  els.push({ kind: 'rule', x: M, y: 226, width: W - 2 * M, height: 3 });

  // Routing: large routing text and the 420/421 postal barcode.
  // Routing text in the largest size that fits (foreign postal codes are longer than a ZIP3).
  const route = routingText(c.shipTo.country, c.shipTo.state, c.shipTo.postalCode);
  const routeSize =
    [22, 16, 12, 9].find((s) => !fitText(route, 110, s, { bold: true, maxLines: 1 }).truncated) ?? 9;
  text('routing', route, 12, 252 - routeSize * 0.6, 110, routeSize, { bold: true });
  const routing = routingBarcodeData(c.shipTo.country, c.shipTo.postalCode);
  if (routing) {
    els.push({
      kind: 'barcode',
      symbology: 'gs1-128',
      data: routing,
      x: 128,
      y: 234,
      width: 150,
      height: 36,
      center: true,
    });
    text('routing digits', routing.replace(')', ') '), 128, 271, 150, 6.5, { align: 'center' });
  }
  els.push({ kind: 'rule', x: M, y: 284, width: W - 2 * M, height: 3 });

  // Service and its icon, then the tracking number and its barcode.
  text('service', `${c.carrier} ${c.service}`.toUpperCase(), 12, 292, 222, 13, { bold: true, maxLines: 2 });
  els.push({ kind: 'rule', x: 244, y: 290, width: 36, height: 32 });
  text('service icon', serviceIcon(c.service), 244, 292, 36, 22, {
    bold: true,
    align: 'center',
    inverse: true,
  });
  text('tracking', `TRACKING #: ${formatTrackingNumber(c.carrier, c.trackingNumber)}`, 12, 326, W - 24, 9, {
    bold: true,
  });
  els.push({ kind: 'rule', x: M, y: 339, width: W - 2 * M, height: 1 });
  els.push({
    kind: 'barcode',
    symbology: 'code128',
    data: c.trackingNumber,
    x: 16,
    y: 344,
    width: W - 32,
    height: 46,
    center: true,
  });
  text('reference', `REF: ${c.reference}`, 12, 394, W - 24, 6.5);
  banner(432 - M - 17);
  return { page: { role: 'label', ...LABEL_4X6, elements: els }, truncatedFields: truncated };
}
