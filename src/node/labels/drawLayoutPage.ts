/** Draw one layout page (label, packing slip, pick list) into a pdfkit document at the current transform. */
import type { LayoutPage, TextElement } from '../../core/labels/layout';
import { lineHeight } from '../../core/labels/layout';
import { textWidth } from '../../core/labels/fitText';
import { drawLinearBarcode } from './drawLinearBarcode';

export const FONT_REGULAR = 'shipsheet-regular';
export const FONT_BOLD = 'shipsheet-bold';

/** The layout's estimate is generous; below this share of the box a line is drawn without measuring it. */
const SAFE_ESTIMATE = 0.85;

function drawText(doc: PDFKit.PDFDocument, e: TextElement): void {
  doc.font(e.bold ? FONT_BOLD : FONT_REGULAR, e.size);
  if (e.inverse) doc.fillColor('white');
  const lh = lineHeight(e.size);
  e.lines.forEach((line, i) => {
    const left = e.align !== 'center' && e.align !== 'right';
    let size = e.size;
    let w = 0;
    // Measure with the real font when the line is positioned by its width or may be close to the edge:
    // a line wider than its box is shrunk, never cut.
    if (!left || textWidth(line, e.size, e.bold) > e.width * SAFE_ESTIMATE) {
      w = doc.fontSize(e.size).widthOfString(line);
      if (w > e.width) {
        size = (e.size * e.width) / w;
        w = e.width;
      }
      doc.fontSize(size);
    } else doc.fontSize(size);
    const x = e.align === 'center' ? e.x + (e.width - w) / 2 : e.align === 'right' ? e.x + e.width - w : e.x;
    const baseline = e.y + i * lh + (lh - e.size) / 2 + e.size * 0.86;
    doc.text(line, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  });
  if (e.inverse) doc.fillColor('black');
}

export function drawLayoutPage(doc: PDFKit.PDFDocument, page: LayoutPage): void {
  doc.fillColor('black');
  for (const e of page.elements) {
    switch (e.kind) {
      case 'text':
        drawText(doc, e);
        break;
      case 'rule':
        doc.rect(e.x, e.y, e.width, e.height).fill();
        break;
      case 'frame':
        doc.lineWidth(e.lineWidth).rect(e.x, e.y, e.width, e.height).stroke('black');
        break;
      case 'barcode':
        drawLinearBarcode(doc, e);
        break;
    }
  }
}
