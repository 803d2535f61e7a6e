/**
 * A Code 128 / GS1-128 barcode as inline SVG for the add-on's printable HTML, encoded by bwip-js's generic build
 * (pure JavaScript, no canvas, no Node): only the two encoders are imported, so the bundle carries just them.
 * Sized as the Node PDF writer sizes its bars (src/node/labels/drawLinearBarcode.ts), so the same layout prints
 * the same barcode from either side.
 */
import { code128, drawingSVG, gs1_128 } from 'bwip-js/generic';
import type { BarcodeElement } from '../../src/core';

/** Widest module a label barcode uses (points): carriers print about 0.013–0.017 in. */
const MAX_MODULE_PT = 1.25;
/** Code 128 needs ten modules of white space each side. */
const QUIET_MODULES = 10;

export class BarcodeSvgError extends Error {}

function encode(e: Pick<BarcodeElement, 'symbology' | 'data'>): string {
  try {
    // scaleX 1: one SVG unit per module, so the viewBox width is the symbol's width in modules.
    const options = { text: e.data, scaleX: 1, scaleY: 1, height: 10, paddingwidth: 0, paddingheight: 0 };
    return e.symbology === 'gs1-128'
      ? gs1_128({ ...options, bcid: 'gs1-128' }, drawingSVG())
      : code128({ ...options, bcid: 'code128' }, drawingSVG());
  } catch (err) {
    throw new BarcodeSvgError(
      `cannot encode ${e.symbology} barcode ${JSON.stringify(e.data)}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** The barcode as an absolutely positioned <svg> in points, bars stretched to the element's height. */
export function barcodeSvg(e: BarcodeElement): string {
  const svg = encode(e);
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) throw new BarcodeSvgError(`bwip-js drew no viewBox for ${JSON.stringify(e.data)}`);
  const modules = Number(box[1]);
  const module = Math.min(MAX_MODULE_PT, e.width / (modules + 2 * QUIET_MODULES));
  const used = modules * module;
  const x = e.x + (e.center ? (e.width - used) / 2 : QUIET_MODULES * module);
  const style = `position:absolute;left:${pt(x)};top:${pt(e.y)};width:${pt(used)};height:${pt(e.height)}`;
  return svg
    .trim()
    .replace(
      /^<svg /,
      `<svg class="barcode" data-symbology="${e.symbology}" preserveAspectRatio="none" style="${style}" `,
    )
    .replace(/\n/g, '');
}

export function pt(n: number): string {
  return `${Math.round(n * 100) / 100}pt`;
}
