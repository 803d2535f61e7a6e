/**
 * The report chart rendered without a browser: SVG by vega's headless view, PNG from that SVG by resvg.
 * vega 6 is an ES module with a top-level await (its optional node-canvas probe), which neither a CommonJS
 * bundle nor jest's module sandbox can require; so the SVG is rendered in a worker thread that imports it.
 */
import { Resvg } from '@resvg/resvg-js';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SalesReport } from '../../core';
import { salesChartSpec } from './chartSpec';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const vega = await import(workerData.vegaUrl);
  const view = new vega.View(vega.parse(workerData.spec), { renderer: 'none' });
  try {
    parentPort.postMessage({ svg: await view.toSVG() });
  } finally {
    view.finalize();
  }
})().catch((e) => parentPort.postMessage({ error: String((e && e.stack) || e) }));
`;

/** Render any Vega spec to SVG text. */
export function renderVegaSvg(spec: Record<string, unknown>): Promise<string> {
  const vegaUrl = pathToFileURL(require.resolve('vega')).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { spec, vegaUrl } });
    worker.once('message', (m: { svg?: string; error?: string }) => {
      void worker.terminate();
      if (m.svg !== undefined) resolve(m.svg);
      else reject(new Error(`chart rendering failed: ${m.error}`));
    });
    worker.once('error', reject);
  });
}

export function renderChartSvg(report: SalesReport): Promise<string> {
  return renderVegaSvg(salesChartSpec(report));
}

/** PNG bytes of the chart at twice its size (sharp in a spreadsheet at 100% zoom and on high-DPI screens). */
export function svgToPng(svg: string, scale = 2): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: 'white',
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width / scale, height: image.height / scale };
}
