/**
 * The page model every printed document is built from (labels, packing slips, pick lists): positioned text lines,
 * rules, frames and barcodes in points (1/72 in). Pure data, so the PDF writer (Node) and the ZPL writer (core)
 * draw the same layout, and the add-on can too.
 */

/** Text already broken into lines that fit (see fitText); `y` is the top of the first line. */
export interface TextElement {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  /** Width the lines must fit in: a renderer shrinks a line that its real font measures wider, never cuts it. */
  readonly width: number;
  readonly lines: readonly string[];
  /** Font size in points. */
  readonly size: number;
  readonly bold?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  /** White on black (drawn over a filled rule of the same box). */
  readonly inverse?: boolean;
}

/** A filled rectangle: rules, black bars, banner backgrounds. */
export interface RuleElement {
  readonly kind: 'rule';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An unfilled rectangle with a border. */
export interface FrameElement {
  readonly kind: 'frame';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lineWidth: number;
}

export type Symbology = 'code128' | 'gs1-128';

/**
 * A linear barcode filling at most `width` × `height`. For gs1-128 the data is in bracketed-AI form, e.g.
 * `(420)93728`. The data is never shortened: a renderer that cannot fit it reports an error.
 */
export interface BarcodeElement {
  readonly kind: 'barcode';
  readonly symbology: Symbology;
  readonly data: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Centre the bars in the box (default left). */
  readonly center?: boolean;
}

export type LayoutElement = TextElement | RuleElement | FrameElement | BarcodeElement;

export type PageRole = 'label' | 'packing-slip' | 'pick-list';

export interface LayoutPage {
  readonly role: PageRole;
  readonly widthPt: number;
  readonly heightPt: number;
  readonly elements: readonly LayoutElement[];
}

/** 4 × 6 in label stock. */
export const LABEL_4X6 = { widthPt: 288, heightPt: 432 } as const;
/** US Letter, for packing slips, pick lists and 2-up labels. */
export const LETTER = { widthPt: 612, heightPt: 792 } as const;

/** Line height for a font size, shared by layout and renderers so lines land where the layout put them. */
export function lineHeight(size: number): number {
  return size * 1.2;
}

/** Height a text element takes. */
export function textHeight(lines: number, size: number): number {
  return lines * lineHeight(size);
}
