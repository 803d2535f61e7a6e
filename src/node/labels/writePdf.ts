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
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: title, Creator: 'Shipsheet' } });
  const fonts = labelFonts();
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  return doc;
}

/** Draw the pages into a document: each on its own page, or two labels per Letter sheet. */
export function drawPages(doc: PDFKit.PDFDocument, pages: readonly LayoutPage[], layout: PdfPageLayout = 'as-is'): void {
  if (layout === 'as-is') {
    for (const page of pages) {
      doc.addPage({ size: [page.widthPt, page.heightPt], margin: 0 });
      drawLayoutPage(doc, page);
    }
    return;
  }
  const half = LETTER.heightPt / 2;
  pages.forEach((page, i) => {
    if (i % 2 === 0) doc.addPage({ size: [LETTER.widthPt, LETTER.heightPt], margin: 0 });
    // A 4×6 label turned a quarter clockwise is 6×4: centred on the top or bottom half of the sheet.
    const left = (LETTER.widthPt - page.heightPt) / 2;
    const top = (i % 2) * half + (half - page.widthPt) / 2;
    doc.save();
    doc.translate(left + page.heightPt, top);
    doc.rotate(90);
    drawLayoutPage(doc, page);
    doc.restore();
  });
}

/** Write pages to a PDF file; resolves when the file is complete on disk. */
export async function writePdf(file: string, pages: readonly LayoutPage[], options: WritePdfOptions): Promise<void> {
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
