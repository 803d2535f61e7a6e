/**
 * The seller's day on the bundled sample data, one step after another. Each workflow issue adds its step here,
 * until the demo runs the whole day: import, check stock, choose carriers, labels, tracking, reports.
 */
import path from 'node:path';
import type { ActionResult, RunContext, Workbook } from '../../core';
import {
  boxesTable,
  chooseCarriers,
  decodeTable,
  importTable,
  importOrders,
  inventoryTable,
  listingsTable,
  ordersTable,
  parseOrderReport,
  ratesTable,
  rulesTable,
  servicesTable,
  setUpSheets,
  surchargesTable,
  TableEditor,
  zonesTable,
} from '../../core';
import type { TableSchema } from '../../core';
import { readTableFile } from '../flatfiles/readTableFile';
import { templatePath } from '../packageRoot';

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
];

/**
 * Until the check-stock step is in the demo, carrier choice would find nothing Allocated: this marks every New
 * item Allocated for its full quantity (a demo stand-in, said so in the output; it does nothing once any
 * item has moved past New, i.e. when check stock ran).
 */
async function standInForCheckStock(demo: DemoContext): Promise<ActionResult[]> {
  if (DEMO_STEPS.some((s) => /check stock/i.test(s.title))) return [];
  const grid = (await demo.book.read([ordersTable.name])).get(ordersTable.name) ?? null;
  const orders = decodeTable(ordersTable, grid ?? [], { checkRequired: false });
  if (orders.rows.some((r) => r.record.status !== 'New')) return [];
  const editor = new TableEditor(ordersTable, grid, ['status', 'allocated-qty']);
  for (const r of orders.rows)
    editor.update(r.rowNumber, { status: 'Allocated', 'allocated-qty': r.record['quantity-purchased'] });
  await demo.book.write({ sheets: [editor.toWrite()] });
  return [
    {
      action: 'demo stand-in for check stock',
      ok: true,
      changes: [editor.summary()],
      problems: [],
      stats: { allocated: orders.rows.length },
      lines: [
        `(Check stock is not in this demo yet: marked all ${orders.rows.length} New items Allocated as a stand-in.)`,
      ],
    },
  ];
}

/** The SAMPLE rate card, boxes, packaging and rules, then carrier choice for the items stock allocated. */
const CARRIER_SHEETS: [TableSchema, string][] = [
  [servicesTable, '../rates/sample-services.tsv'],
  [ratesTable, '../rates/sample-rates.tsv'],
  [surchargesTable, '../rates/sample-surcharges.tsv'],
  [zonesTable, '../rates/sample-zones-895.tsv'],
  [boxesTable, 'boxes.tsv'],
  [listingsTable, 'listing-packaging.tsv'],
  [rulesTable, 'rules.tsv'],
];

DEMO_STEPS.push(
  {
    title: 'Load the SAMPLE rate card, boxes and shipping rules',
    run: async (demo) => {
      const results: ActionResult[] = [];
      for (const [schema, file] of CARRIER_SHEETS)
        results.push(
          await importSample(demo, file, (grid, source) =>
            importTable(demo.book, schema, grid, source, demo.context, {
              blankKeyParts: schema !== listingsTable,
            }),
          ),
        );
      return results;
    },
  },
  {
    title: 'Choose carriers for the allocated orders',
    run: async (demo) => [
      ...(await standInForCheckStock(demo)),
      await chooseCarriers(demo.book, demo.context),
    ],
  },
);
