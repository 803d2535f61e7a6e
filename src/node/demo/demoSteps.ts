/**
 * The seller's day on the bundled sample data, one step after another. Each workflow issue adds its step here,
 * until the demo runs the whole day: import, check stock, choose carriers, labels, tracking, reports.
 */
import path from 'node:path';
import type { ActionResult, RunContext, Workbook } from '../../core';
import type { InventoryLoaderFile, PurchaseListRecord } from '../../core';
import {
  checkStock,
  exportInventoryLoader,
  importInventory,
  importListings,
  generateLabels,
  importTable,
  importOrders,
  parseOrderReport,
  sampleLabelProvider,
  settingsTable,
  setUpSheets,
} from '../../core';
import { OFFLINE_HTTP } from '../labels/offlineHttp';
import { FileLabelSink } from '../labels/fileLabelSink';
import { writePurchaseList } from '../stock/writePurchaseList';
import { writeFileAtomic } from '../xlsx/atomicWrite';
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
      // Pick shelves A-* first, then the back store; keep 1 unit back from Amazon.
      await importSample(demo, 'settings.tsv', (grid, source) =>
        importTable(demo.book, settingsTable, grid, source, demo.context),
      ),
      await importSample(demo, 'listings.tsv', (grid, source) =>
        importListings(demo.book, grid, source, demo.context),
      ),
      // Through the inventory import, so the count is stamped (counted-at) and later shipments come off it.
      await importSample(demo, 'inventory.tsv', (grid, source) =>
        importInventory(demo.book, grid, source, demo.context),
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
  {
    title: 'Check stock: allocate the shelves to the orders, list shortages and reorders',
    run: async (demo) => {
      const checked = await checkStock(demo.book, demo.context);
      if (!checked.ok) return [checked];
      const purchaseList = path.join(demo.outDir, 'purchase-list.csv');
      await writePurchaseList(purchaseList, (checked.data as { purchases: PurchaseListRecord[] }).purchases);
      const loader = await exportInventoryLoader(demo.book);
      if (!loader.ok) return [checked, loader];
      const loaderFile = path.join(demo.outDir, 'inventory-loader.txt');
      await writeFileAtomic(loaderFile, Buffer.from((loader.data as InventoryLoaderFile).text, 'utf8'));
      return [
        { ...checked, lines: [...checked.lines, `Purchase list: ${path.basename(purchaseList)}`] },
        { ...loader, lines: [...loader.lines, `Quantities for Amazon: ${path.basename(loaderFile)}`] },
      ];
    },
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
