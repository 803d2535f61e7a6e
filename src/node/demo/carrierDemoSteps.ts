/**
 * The demo's carrier choice: load the SAMPLE rate card, boxes, packaging and rules, then choose carriers for
 * the items check stock allocated. Runs after check stock and before labels.
 */
import path from 'node:path';
import type { ActionResult, TableSchema } from '../../core';
import {
  boxesTable,
  chooseCarriers,
  decodeTable,
  importTable,
  listingsTable,
  ordersTable,
  ratesTable,
  rulesTable,
  servicesTable,
  surchargesTable,
  TableEditor,
  zonesTable,
} from '../../core';
import { readTableFile } from '../flatfiles/readTableFile';
import { templatePath } from '../packageRoot';
import type { DemoContext, DemoStep } from './demoSteps';

const CARRIER_SHEETS: [TableSchema, string, string][] = [
  [servicesTable, 'rates', 'sample-services.tsv'],
  [ratesTable, 'rates', 'sample-rates.tsv'],
  [surchargesTable, 'rates', 'sample-surcharges.tsv'],
  [zonesTable, 'rates', 'sample-zones-895.tsv'],
  [boxesTable, 'sample', 'boxes.tsv'],
  [listingsTable, 'sample', 'listing-packaging.tsv'],
  [rulesTable, 'sample', 'rules.tsv'],
];

/**
 * When the demo has no check-stock step (or it allocated nothing because it has not run), every item is still
 * New and carrier choice would find nothing to rate: this stand-in marks every New item Allocated for its full
 * quantity, and says so. It does nothing once any item has moved past New, i.e. when check stock ran.
 */
async function standInForCheckStock(demo: DemoContext): Promise<ActionResult[]> {
  const grid = (await demo.book.read([ordersTable.name])).get(ordersTable.name) ?? null;
  const orders = decodeTable(ordersTable, grid ?? [], { checkRequired: false });
  if (orders.rows.length === 0 || orders.rows.some((r) => r.record.status !== 'New')) return [];
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
        `(No item was allocated by check stock: marked all ${orders.rows.length} New items Allocated as a demo stand-in.)`,
      ],
    },
  ];
}

export const CARRIER_DEMO_STEPS: DemoStep[] = [
  {
    title: 'Load the SAMPLE rate card, boxes and shipping rules',
    run: async (demo) => {
      const results: ActionResult[] = [];
      for (const [schema, folder, file] of CARRIER_SHEETS) {
        const input = await readTableFile(templatePath(folder, file));
        results.push(
          await importTable(demo.book, schema, input.grid, path.basename(file), demo.context, {
            blankKeyParts: schema !== listingsTable,
          }),
        );
      }
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
];
