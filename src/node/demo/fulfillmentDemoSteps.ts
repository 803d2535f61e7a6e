/**
 * The demo's afternoon: tracking comes back from the shipping tool, shipments are confirmed to Amazon, account
 * health is checked, returns come in, and old buyer data is purged. Works on any Orders sheet the morning's
 * steps left (labels bought or not): tracking from labels is picked up when the Shipments sheet has it.
 */
import path from 'node:path';
import { checkHealth, exportShipConfirm, importReturns, purgePii, recordTracking } from '../../core';
import { readTableFile } from '../flatfiles/readTableFile';
import { writeShipConfirm } from '../flatfiles/writeShipConfirm';
import { templatePath } from '../packageRoot';
import type { DemoStep } from './demoSteps';

export const FULFILLMENT_DEMO_STEPS: DemoStep[] = [
  {
    // The next-day order no rate-card service could deliver in time went out by FedEx Standard Overnight, bought
    // on FedEx's own site: its tracking comes from that tool's export, the others from the labels just bought.
    title: 'Record tracking (labels bought, and an order shipped with another tool: other-tool-export.csv)',
    run: async (demo) => {
      const file = await readTableFile(templatePath('sample', 'other-tool-export.csv'));
      return [
        await recordTracking(demo.book, demo.context, { grid: file.grid, source: 'other-tool-export.csv' }),
      ];
    },
  },
  {
    title: 'Confirm shipments to Amazon (ship-confirm.txt)',
    run: async (demo) => {
      const out = path.join(demo.outDir, 'ship-confirm.txt');
      return [
        await exportShipConfirm(demo.book, demo.context, {
          target: path.relative(process.cwd(), out) || out,
          save: (f) => writeShipConfirm(out, f),
        }),
      ];
    },
  },
  {
    title: 'Account health and orders at risk (Health sheet)',
    run: async (demo) => [await checkHealth(demo.book, demo.context)],
  },
  {
    title: 'Returns come in (returns.txt) and sellable ones go back on the shelf',
    run: async (demo) => {
      const file = await readTableFile(templatePath('sample', 'returns.txt'));
      return importReturns(demo.book, file.grid, 'returns.txt', demo.context);
    },
  },
  {
    title: 'Purge buyer data past the retention period',
    run: async (demo) => [await purgePii(demo.book, demo.context)],
  },
];
