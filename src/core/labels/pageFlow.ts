/** Lays elements down a run of Letter pages: a cursor that starts a new page (with its header) when one is full. */
import { fitText } from './fitText';
import type { LayoutElement, LayoutPage, PageRole } from './layout';
import { LETTER, lineHeight } from './layout';

export const PAGE_MARGIN = 36;

export class PageFlow {
  readonly pages: LayoutPage[] = [];
  private elements: LayoutElement[] = [];
  y = PAGE_MARGIN;
  readonly left = PAGE_MARGIN;
  readonly right = LETTER.widthPt - PAGE_MARGIN;
  readonly bottom = LETTER.heightPt - PAGE_MARGIN;
  private started = false;

  constructor(
    private readonly role: PageRole,
    /** Draws the header of each page (continuation pages too); returns the y below it. */
    private readonly header: (flow: PageFlow, pageIndex: number) => void,
  ) {}

  get width(): number {
    return this.right - this.left;
  }

  /** Start the first page, or a new one. */
  newPage(): void {
    if (this.started) this.pages.push({ role: this.role, ...LETTER, elements: this.elements });
    this.started = true;
    this.elements = [];
    this.y = PAGE_MARGIN;
    this.header(this, this.pages.length);
  }

  /** Make room for `height` points, starting a new page when the current one has less. */
  ensure(height: number): void {
    if (!this.started || this.y + height > this.bottom) this.newPage();
  }

  add(element: LayoutElement): void {
    if (!this.started) this.newPage();
    this.elements.push(element);
  }

  /** A text block at the cursor (or at x/width given); returns its height. Moves the cursor unless `keepY`. */
  text(
    value: string,
    size: number,
    opts: {
      x?: number;
      width?: number;
      bold?: boolean;
      maxLines?: number;
      align?: 'left' | 'center' | 'right';
      keepY?: boolean;
    } = {},
  ): number {
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.right - x;
    const fit = fitText(value, width, size, { bold: opts.bold, maxLines: opts.maxLines });
    const lines = fit.lines.length === 0 ? [''] : fit.lines;
    const height = lines.length * lineHeight(size);
    this.add({ kind: 'text', x, y: this.y, width, lines, size, bold: opts.bold, align: opts.align });
    if (!opts.keepY) this.y += height;
    return height;
  }

  rule(height = 0.75): void {
    this.add({ kind: 'rule', x: this.left, y: this.y, width: this.width, height });
    this.y += height;
  }

  finish(): LayoutPage[] {
    if (this.started) this.pages.push({ role: this.role, ...LETTER, elements: this.elements });
    this.started = false;
    this.elements = [];
    return this.pages;
  }
}
