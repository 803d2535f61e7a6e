/**
 * The packing slip of one order (Letter): seller and return address, the Amazon order id with its Code 128,
 * order / ship / ship-by dates, ship-to, service and tracking, the SKU / ASIN / title / quantity table, and the
 * gift message. Long orders continue on further pages with the header repeated.
 */
import type { Address } from '../carriers/plugin';
import { fitText } from './fitText';
import type { LayoutPage } from './layout';
import { lineHeight } from './layout';
import { PageFlow } from './pageFlow';

export interface PackingSlipItem {
  readonly sku: string;
  readonly asin: string;
  readonly title: string;
  readonly quantity: number;
}

export interface PackingSlipContent {
  readonly sellerName: string;
  /** Return address lines (the ship-from address unless Settings gives another). */
  readonly returnAddress: readonly string[];
  readonly orderId: string;
  /** yyyy-mm-dd */
  readonly orderDate: string | null;
  readonly shipDate: string;
  readonly shipBy: string | null;
  readonly shipTo: Address;
  /** `UPS Ground`, one per package. */
  readonly services: readonly string[];
  readonly trackingNumbers: readonly string[];
  readonly items: readonly PackingSlipItem[];
  readonly giftMessage: string | null;
  readonly salesChannel: string | null;
}

const COLS = { sku: 0, asin: 120, title: 200, qty: 500 } as const;

export function packingSlipLayout(c: PackingSlipContent): LayoutPage[] {
  const flow = new PageFlow('packing-slip', (f, pageIndex) => {
    const top = f.y;
    f.text(c.sellerName, 14, { bold: true, width: 300, maxLines: 2 });
    for (const line of c.returnAddress) f.text(line, 9, { width: 300 });
    const leftBottom = f.y;
    f.y = top;
    f.text(pageIndex === 0 ? 'PACKING SLIP' : 'PACKING SLIP (continued)', 16, {
      x: f.right - 230,
      width: 230,
      bold: true,
      align: 'right',
    });
    f.text(`Order ${c.orderId}`, 10, { x: f.right - 230, width: 230, align: 'right' });
    f.add({
      kind: 'barcode',
      symbology: 'code128',
      data: c.orderId,
      x: f.right - 230,
      y: f.y + 2,
      width: 230,
      height: 34,
      center: true,
    });
    f.y = Math.max(leftBottom, f.y + 40) + 8;
    f.rule(1.5);
    f.y += 8;
  });
  flow.newPage();
  // Ship-to (left) and order facts (right).
  const top = flow.y;
  flow.text('SHIP TO', 8, { bold: true, width: 260 });
  const a = c.shipTo;
  flow.text(a.name, 11, { bold: true, width: 260, maxLines: 2 });
  for (const line of [a.company, a.line1, a.line2, a.line3])
    if (line) flow.text(line, 10, { width: 260, maxLines: 2 });
  flow.text([a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', '), 10, {
    width: 260,
  });
  if (a.country.toUpperCase() !== 'US') flow.text(a.country.toUpperCase(), 10, { width: 260 });
  const leftBottom = flow.y;
  flow.y = top;
  const facts: [string, string][] = [
    ['Order date', c.orderDate ?? '—'],
    ['Ship date', c.shipDate],
    ['Ship by', c.shipBy ?? '—'],
    ['Shipping service', c.services.join(', ') || '—'],
    ['Tracking', c.trackingNumbers.join(', ') || '—'],
  ];
  if (c.salesChannel) facts.push(['Sold on', c.salesChannel]);
  const fx = flow.left + 300;
  for (const [k, v] of facts) {
    flow.text(k, 9, { x: fx, width: 90, bold: true, keepY: true });
    flow.text(v, 9, { x: fx + 92, width: flow.right - fx - 92, maxLines: 3 });
  }
  flow.y = Math.max(leftBottom, flow.y) + 14;

  const tableHeader = () => {
    flow.text('SKU', 9, { x: flow.left + COLS.sku, width: 115, bold: true, keepY: true });
    flow.text('ASIN', 9, { x: flow.left + COLS.asin, width: 75, bold: true, keepY: true });
    flow.text('Item', 9, { x: flow.left + COLS.title, width: 290, bold: true, keepY: true });
    flow.text('Qty', 9, {
      x: flow.left + COLS.qty,
      width: flow.width - COLS.qty,
      bold: true,
      align: 'right',
    });
    flow.rule(0.75);
    flow.y += 3;
  };
  tableHeader();
  for (const item of c.items) {
    const title = fitText(item.title, 290, 9, { maxLines: 3 });
    const height = Math.max(1, title.lines.length) * lineHeight(9) + 4;
    if (flow.y + height > flow.bottom) {
      flow.newPage();
      tableHeader();
    }
    flow.text(item.sku, 9, { x: flow.left + COLS.sku, width: 115, maxLines: 2, keepY: true });
    flow.text(item.asin || '—', 9, { x: flow.left + COLS.asin, width: 75, keepY: true });
    flow.text(String(item.quantity), 10, {
      x: flow.left + COLS.qty,
      width: flow.width - COLS.qty,
      bold: true,
      align: 'right',
      keepY: true,
    });
    flow.text(item.title, 9, { x: flow.left + COLS.title, width: 290, maxLines: 3 });
    flow.y += 4;
  }
  flow.rule(0.75);
  flow.y += 3;
  const units = c.items.reduce((n, i) => n + i.quantity, 0);
  flow.text(`${units} unit${units === 1 ? '' : 's'}`, 10, { bold: true, align: 'right' });
  if (c.giftMessage && c.giftMessage.trim() !== '') {
    const fit = fitText(c.giftMessage, flow.width - 24, 11, { maxLines: 8 });
    const boxHeight = 24 + fit.lines.length * lineHeight(11) + 10;
    flow.y += 16;
    flow.ensure(boxHeight);
    flow.add({ kind: 'frame', x: flow.left, y: flow.y, width: flow.width, height: boxHeight, lineWidth: 1 });
    flow.y += 8;
    flow.text('GIFT MESSAGE', 9, { x: flow.left + 12, width: flow.width - 24, bold: true });
    flow.add({
      kind: 'text',
      x: flow.left + 12,
      y: flow.y + 2,
      width: flow.width - 24,
      lines: fit.lines,
      size: 11,
    });
    flow.y += boxHeight - 8;
  }
  flow.y += 18;
  flow.ensure(lineHeight(9));
  flow.text('Thank you for your order. Questions or returns: contact us through Your Orders on Amazon.', 9, {
    align: 'center',
  });
  return flow.finish();
}
