/**
 * The seller's day on the bundled sample data, one step after another. Each workflow issue adds its step here,
 * until the demo runs the whole day: import, check stock, choose carriers, labels, tracking, reports.
 */
import path from 'node:path';
import type { ActionResult, RunContext, Workbook } from '../../core';
import {
  importTable,
  importOrders,
  inventoryTable,
  listingsTable,
  parseOrderReport,
  setUpSheets,
} from '../../core';
import { readTableFile } from '../flatfiles/readTableFile';
import { templatePath } from '../packageRoot';
import { FULFILLMENT_DEMO_STEPS } from './fulfillmentDemoSteps';

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
  ...FULFILLMENT_DEMO_STEPS,
];
