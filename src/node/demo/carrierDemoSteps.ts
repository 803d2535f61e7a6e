/**
 * The demo's carrier choice: load the SAMPLE rate card, boxes, packaging and rules, then choose carriers for
 * the items check stock allocated. Runs after check stock and before labels.
 */
import path from 'node:path';
import type { ActionResult, TableSchema } from '../../core';
import {
  boxesTable,
  chooseCarriers,
  importTable,
  listingsTable,
  ratesTable,
  rulesTable,
  servicesTable,
  surchargesTable,
  zonesTable,
} from '../../core';
import { readTableFile } from '../flatfiles/readTableFile';
import { templatePath } from '../packageRoot';
import type { DemoStep } from './demoSteps';

const CARRIER_SHEETS: [TableSchema, string, string][] = [
  [servicesTable, 'rates', 'sample-services.tsv'],
  [ratesTable, 'rates', 'sample-rates.tsv'],
  [surchargesTable, 'rates', 'sample-surcharges.tsv'],
  [zonesTable, 'rates', 'sample-zones-895.tsv'],
  [boxesTable, 'sample', 'boxes.tsv'],
  [listingsTable, 'sample', 'listing-packaging.tsv'],
  [rulesTable, 'sample', 'rules.tsv'],
];

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
    run: async (demo) => [await chooseCarriers(demo.book, demo.context)],
  },
];
