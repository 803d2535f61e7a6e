/** Draw one layout page (label, packing slip, pick list) into a pdfkit document at the current transform. */
import type { LayoutPage, TextElement } from '../../core/labels/layout';
import { lineHeight } from '../../core/labels/layout';
import { drawLinearBarcode } from './drawLinearBarcode';

export const FONT_REGULAR = 'shipsheet-regular';
export const FONT_BOLD = 'shipsheet-bold';

function drawText(doc: PDFKit.PDFDocument, e: TextElement): void {
  const font = e.bold ? FONT_BOLD : FONT_REGULAR;
  doc.font(font).fillColor(e.inverse ? 'white' : 'black');
  const lh = lineHeight(e.size);
  e.lines.forEach((line, i) => {
    doc.fontSize(e.size);
    // The layout estimated widths; the real font decides. Shrink a line that is wider, never cut it.
    const measured = doc.widthOfString(line);
    const size = measured > e.width ? (e.size * e.width) / measured : e.size;
    if (size !== e.size) doc.fontSize(size);
    const w = Math.min(measured, e.width);
    const x = e.align === 'center' ? e.x + (e.width - w) / 2 : e.align === 'right' ? e.x + e.width - w : e.x;
    const baseline = e.y + i * lh + (lh - e.size) / 2 + e.size * 0.86;
    doc.text(line, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  });
  doc.fillColor('black');
}

export function drawLayoutPage(doc: PDFKit.PDFDocument, page: LayoutPage): void {
  for (const e of page.elements) {
    switch (e.kind) {
      case 'text':
        drawText(doc, e);
        break;
      case 'rule':
        doc.rect(e.x, e.y, e.width, e.height).fillColor('black').fill();
        break;
      case 'frame':
        doc.lineWidth(e.lineWidth).rect(e.x, e.y, e.width, e.height).strokeColor('black').stroke();
        break;
      case 'barcode':
        drawLinearBarcode(doc, e);
        break;
    }
  }
}
