/**
 * The seller's day on the bundled sample data, one step after another. Each workflow issue adds its step here,
 * until the demo runs the whole day: import, check stock, choose carriers, labels, tracking, reports.
 */
import path from 'node:path';
import type { ActionResult, RunContext, Workbook } from '../../core';
import {
  generateLabels,
  importTable,
  importOrders,
  inventoryTable,
  listingsTable,
  parseOrderReport,
  sampleLabelProvider,
  setUpSheets,
} from '../../core';
import { OFFLINE_HTTP } from '../labels/offlineHttp';
import { FileLabelSink } from '../labels/fileLabelSink';
import { readTableFile } from '../flatfiles/readTableFile';
import { templatePath } from '../packageRoot';
import { FULFILLMENT_DEMO_STEPS } from './fulfillmentDemoSteps';
import { runSalesReportFiles } from '../reports/salesReportRun';

export interface DemoContext {
  readonly book: Workbook;
  readonly bookPath: string;
  readonly outDir: string;
  readonly context: RunContext;
}

export interface DemoStep {
  readonly title: string;
  run(demo: DemoContext): Promise<ActionResult[]>;
}

/** The sample data's day: Tuesday 1 December 2026, 09:00 in Los Angeles. Every run of the demo gives the same result. */
export const DEMO_NOW = new Date('2026-12-01T17:00:00Z');

async function importSample(
  demo: DemoContext,
  file: string,
  run: (grid: Awaited<ReturnType<typeof readTableFile>>['grid'], source: string) => Promise<ActionResult>,
) {
  const input = await readTableFile(templatePath('sample', file));
  return run(input.grid, path.basename(file));
}

export const DEMO_STEPS: DemoStep[] = [
  {
    title: 'Set up the sheets',
    run: async (demo) => [await setUpSheets(demo.book)],
  },
  {
    title: 'Load the sample listings and inventory',
    run: async (demo) => [
      await importSample(demo, 'listings.tsv', (grid, source) =>
        importTable(demo.book, listingsTable, grid, source, demo.context),
      ),
      await importSample(demo, 'inventory.tsv', (grid, source) =>
        importTable(demo.book, inventoryTable, grid, source, demo.context),
      ),
    ],
  },
  {
    title: "Import today's unshipped orders",
    run: async (demo) => [
      await importSample(demo, 'unshipped-orders.txt', (grid, source) =>
        importOrders(demo.book, parseOrderReport(grid, source), source, demo.context),
      ),
    ],
  },
  // Labels: after check stock and choose carriers (their steps go before this one), before record tracking.
  {
    title: 'Print labels, packing slips and the pick list (sample labels, NOT VALID FOR SHIPPING)',
    run: async (demo) => [
      await generateLabels(
        demo.book,
        {
          provider: sampleLabelProvider(),
          http: OFFLINE_HTTP,
          sink: new FileLabelSink(path.join(demo.outDir, 'labels')),
        },
        demo.context,
      ),
    ],
  },
  ...FULFILLMENT_DEMO_STEPS,
  {
    title: "Last week's sales report (All Orders and settlement report samples), with its chart",
    run: async (demo) => [
      (
        await runSalesReportFiles(
          demo.book,
          {
            period: 'week',
            allOrders: [templatePath('sample', 'all-orders.txt')],
            settlements: [templatePath('sample', 'settlement.txt')],
            out: [path.join(demo.outDir, 'sales-report.html'), path.join(demo.outDir, 'sales-report.xlsx')],
          },
          demo.context,
        )
      ).result,
    ],
  },
];
