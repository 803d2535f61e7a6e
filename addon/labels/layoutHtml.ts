/**
 * Layout pages (labels, packing slips, pick lists) as one printable HTML document: every element absolutely
 * placed in points as the layout put it, rules and frames as borders (they print without "background graphics"),
 * barcodes as inline SVG. Apps Script turns it into a PDF (Blob.getAs('application/pdf')); a browser prints it as
 * it is. Pure: no Apps Script service is called here.
 */
import type { LayoutElement, LayoutPage, TextElement } from '../../src/core';
import { lineHeight } from '../../src/core';
import { barcodeSvg, pt } from './barcodeSvg';

/** A page of the document: a layout Shipsheet draws, or a provider's label image placed on a 4×6 page. */
export type HtmlPage =
  | { readonly kind: 'layout'; readonly page: LayoutPage }
  | { readonly kind: 'image'; readonly widthPt: number; readonly heightPt: number; readonly dataUrl: string };

export type PageArrangement = 'as-is' | 'letter-2up';

const LETTER = { widthPt: 612, heightPt: 792 };

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function textHtml(e: TextElement): string {
  const lh = lineHeight(e.size);
  const align = e.align ?? 'left';
  return e.lines
    .map((line, i) => {
      const style = [
        `left:${pt(e.x)}`,
        `top:${pt(e.y + i * lh)}`,
        `width:${pt(e.width)}`,
        `height:${pt(lh)}`,
        `font-size:${pt(e.size)}`,
        `line-height:${pt(lh)}`,
        `text-align:${align}`,
        e.bold ? 'font-weight:bold' : '',
        e.inverse ? 'color:#fff' : '',
      ]
        .filter(Boolean)
        .join(';');
      return `<div class="t" style="${style}">${escapeHtml(line)}</div>`;
    })
    .join('');
}

function elementHtml(e: LayoutElement): string {
  switch (e.kind) {
    case 'text':
      return textHtml(e);
    case 'rule':
      // A filled box drawn as a border as thick as the box: borders print even where backgrounds are dropped.
      return `<div class="r" style="left:${pt(e.x)};top:${pt(e.y)};width:${pt(e.width)};border-top-width:${pt(e.height)}"></div>`;
    case 'frame':
      return `<div class="f" style="left:${pt(e.x)};top:${pt(e.y)};width:${pt(e.width - e.lineWidth)};height:${pt(e.height - e.lineWidth)};border-width:${pt(e.lineWidth)}"></div>`;
    case 'barcode':
      return barcodeSvg(e);
  }
}

function pageContent(p: HtmlPage): string {
  if (p.kind === 'image')
    return `<img src="${p.dataUrl}" alt="label" style="position:absolute;left:0;top:0;width:${pt(p.widthPt)};height:${pt(p.heightPt)};object-fit:contain">`;
  return p.page.elements.map(elementHtml).join('');
}

function sizeOf(p: HtmlPage): { widthPt: number; heightPt: number } {
  return p.kind === 'image' ? p : p.page;
}

/**
 * The HTML document. All pages of one document share a paper size (a PDF from HTML has one @page size), so
 * labels, packing slips and pick lists are separate documents. `letter-2up` puts two labels on a Letter sheet,
 * each turned a quarter clockwise on its half, as the Node writer does.
 */
export function layoutHtml(
  pages: readonly HtmlPage[],
  title: string,
  arrangement: PageArrangement = 'as-is',
): string {
  const sheets: string[] = [];
  let paper = pages.length > 0 ? sizeOf(pages[0]) : LETTER;
  if (arrangement === 'as-is')
    for (const p of pages) {
      const s = sizeOf(p);
      sheets.push(
        `<div class="page" style="width:${pt(s.widthPt)};height:${pt(s.heightPt)}">${pageContent(p)}</div>`,
      );
    }
  else {
    paper = LETTER;
    const half = LETTER.heightPt / 2;
    for (let i = 0; i < pages.length; i += 2) {
      const halves = pages.slice(i, i + 2).map((p, j) => {
        const s = sizeOf(p);
        const left = (LETTER.widthPt - s.heightPt) / 2 + s.heightPt;
        const top = j * half + (half - s.widthPt) / 2;
        return `<div class="half" style="left:${pt(left)};top:${pt(top)};width:${pt(s.widthPt)};height:${pt(s.heightPt)}">${pageContent(p)}</div>`;
      });
      sheets.push(
        `<div class="page" style="width:${pt(LETTER.widthPt)};height:${pt(LETTER.heightPt)}">${halves.join('')}</div>`,
      );
    }
  }
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>',
    `@page { size: ${pt(paper.widthPt)} ${pt(paper.heightPt)}; margin: 0 }`,
    'html, body { margin: 0; padding: 0 }',
    "body { font-family: 'Noto Sans', Arial, Helvetica, sans-serif; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact }",
    '.page { position: relative; overflow: hidden; page-break-after: always; break-after: page }',
    '.page:last-child { page-break-after: auto; break-after: auto }',
    '.half { position: absolute; transform-origin: 0 0; transform: rotate(90deg) }',
    '.t { position: absolute; white-space: nowrap; overflow: visible }',
    '.r { position: absolute; height: 0; border-top-style: solid; border-top-color: #000 }',
    '.f { position: absolute; border-style: solid; border-color: #000 }',
    '</style></head><body>',
    ...sheets,
    '</body></html>',
    '',
  ].join('\n');
}
