/**
 * Layout pages to one PDF file with pdfkit, fonts embedded (subset): 4×6 pages as they are, or labels two to a
 * Letter sheet (each turned to landscape on its half), as the label-format setting asks.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { LayoutPage } from '../../core/labels/layout';
import { LETTER } from '../../core/labels/layout';
import { drawLayoutPage, FONT_BOLD, FONT_REGULAR } from './drawLayoutPage';
import { labelFonts } from './fonts';

export type PdfPageLayout = 'as-is' | 'letter-2up';

export interface WritePdfOptions {
  readonly title: string;
  readonly layout?: PdfPageLayout;
}

/** A pdfkit document with Shipsheet's fonts registered, not yet piped anywhere. */
export function newPdfDocument(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: { Title: title, Creator: 'Shipsheet' },
  });
  const fonts = labelFonts();
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  return doc;
}

/** One label to print: a layout Shipsheet draws, or a provider's PNG placed on a 4×6 page. */
export type PrintableLabel = { readonly layout: LayoutPage } | { readonly png: Uint8Array };

const LABEL_SIZE = { widthPt: 288, heightPt: 432 } as const;

function drawPrintable(doc: PDFKit.PDFDocument, item: PrintableLabel): void {
  if ('layout' in item) drawLayoutPage(doc, item.layout);
  else
    doc.image(Buffer.from(item.png), 0, 0, {
      fit: [LABEL_SIZE.widthPt, LABEL_SIZE.heightPt],
      align: 'center',
      valign: 'center',
    });
}

function sizeOf(item: PrintableLabel): { widthPt: number; heightPt: number } {
  return 'layout' in item ? item.layout : LABEL_SIZE;
}

/**
 * Draw labels into a document: each on its own page, or two per Letter sheet (a 4×6 label turned a quarter
 * clockwise is 6×4, centred on the top or bottom half). Returns the page each label landed on (1-based).
 */
export function drawLabels(
  doc: PDFKit.PDFDocument,
  items: readonly PrintableLabel[],
  layout: PdfPageLayout = 'as-is',
): number[] {
  const pages: number[] = [];
  let page = 0;
  const half = LETTER.heightPt / 2;
  items.forEach((item, i) => {
    const size = sizeOf(item);
    if (layout === 'as-is') {
      doc.addPage({ size: [size.widthPt, size.heightPt], margin: 0 });
      pages.push(++page);
      drawPrintable(doc, item);
      return;
    }
    if (i % 2 === 0) {
      doc.addPage({ size: [LETTER.widthPt, LETTER.heightPt], margin: 0 });
      page++;
    }
    pages.push(page);
    const left = (LETTER.widthPt - size.heightPt) / 2;
    const top = (i % 2) * half + (half - size.widthPt) / 2;
    doc.save();
    doc.translate(left + size.heightPt, top);
    doc.rotate(90);
    drawPrintable(doc, item);
    doc.restore();
  });
  return pages;
}

/** Draw layout pages (slips, pick lists, labels) into a document. */
export function drawPages(
  doc: PDFKit.PDFDocument,
  pages: readonly LayoutPage[],
  layout: PdfPageLayout = 'as-is',
): void {
  drawLabels(
    doc,
    pages.map((p) => ({ layout: p })),
    layout,
  );
}

/** Write pages to a PDF file; resolves when the file is complete on disk. */
export async function writePdf(
  file: string,
  pages: readonly LayoutPage[],
  options: WritePdfOptions,
): Promise<void> {
  const doc = newPdfDocument(options.title);
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  try {
    drawPages(doc, pages, options.layout);
  } finally {
    doc.end();
  }
  await done;
}
