/**
 * What `shipsheet import KIND FILE` can bring in. Each importer turns a file into changes through the core;
 * later steps add theirs here (inventory, listings, returns, any table in bulk).
 */
import type { ActionResult, Workbook } from '../../core';
import {
  importAmazonOrders,
  importInventory,
  importListings,
  importOrders,
  importReturns,
  parseOrderReport,
  readSettings,
  settingsTable,
} from '../../core';
import { spApiClientFromEnv } from '../amazon/spApiFromEnv';
import { readTableFile } from '../flatfiles/readTableFile';
import type { ReadTableFileOptions } from '../flatfiles/readTableFile';
import { nodeRunContext } from './runContext';
import path from 'node:path';
import type { Progress } from '../progress';

export interface ImportOptions extends ReadTableFileOptions {
  mode?: 'merge' | 'replace';
  /** `amazon`: orders come from the Selling Partner API, not a file. */
  from?: string;
}

export type Importer = (
  book: Workbook,
  file: string,
  options: ImportOptions,
  progress: Progress,
) => Promise<ActionResult | ActionResult[]>;

export const IMPORTERS: Record<string, Importer> = {
  async orders(book, file, options, progress) {
    if (options.from === 'amazon') return importFromAmazon(book, progress);
    const source = path.basename(file);
    progress.phase(`Reading ${source}`);
    const input = await readTableFile(file, options);
    return importOrders(book, parseOrderReport(input.grid, source), source, nodeRunContext(progress));
  },
  async inventory(book, file, options, progress) {
    const source = path.basename(file);
    progress.phase(`Reading ${source}`);
    const input = await readTableFile(file, options);
    return importInventory(book, input.grid, source, nodeRunContext(progress));
  },
  async listings(book, file, options, progress) {
    const source = path.basename(file);
    progress.phase(`Reading ${source}`);
    const input = await readTableFile(file, options);
    return importListings(book, input.grid, source, nodeRunContext(progress));
  },
  /** Amazon's returns report or typed returns; sellable ones are restocked right after. */
  async returns(book, file, options, progress) {
    const source = path.basename(file);
    progress.phase(`Reading ${source}`);
    const input = await readTableFile(file, options);
    return importReturns(book, input.grid, source, nodeRunContext(progress));
  },
};

/** `import orders --from amazon`: the Orders API instead of a file. */
async function importFromAmazon(book: Workbook, progress: Progress): Promise<ActionResult> {
  const settings = readSettings(
    (await book.read([settingsTable.name])).get(settingsTable.name) ?? null,
  ).settings;
  progress.phase('Connecting to Amazon');
  return importAmazonOrders(book, spApiClientFromEnv(settings.text('marketplace')), nodeRunContext(progress));
}
