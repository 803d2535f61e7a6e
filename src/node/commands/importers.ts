/**
 * What `shipsheet import KIND FILE` can bring in. Each importer turns a file into changes through the core;
 * later steps add theirs here (inventory, listings, returns, any table in bulk).
 */
import type { ActionResult, Workbook } from '../../core';
import {
  boxesTable,
  importOrders,
  importTable,
  parseOrderReport,
  ratesTable,
  rulesTable,
  servicesTable,
  surchargesTable,
  zonesTable,
} from '../../core';
import type { TableSchema } from '../../core';
import { readTableFile } from '../flatfiles/readTableFile';
import type { ReadTableFileOptions } from '../flatfiles/readTableFile';
import { nodeRunContext } from './runContext';
import path from 'node:path';

export interface ImportOptions extends ReadTableFileOptions {
  mode?: 'merge' | 'replace';
}

export type Importer = (book: Workbook, file: string, options: ImportOptions) => Promise<ActionResult>;

export const IMPORTERS: Record<string, Importer> = {
  async orders(book, file, options) {
    const input = await readTableFile(file, options);
    const source = path.basename(file);
    return importOrders(book, parseOrderReport(input.grid, source), source, nodeRunContext());
  },
};

/** A table file merged into its sheet by key (the rate card and the carrier-choice sheets). */
function tableImporter(schema: TableSchema): Importer {
  return async (book, file, options) => {
    const input = await readTableFile(file, options);
    return importTable(book, schema, input.grid, path.basename(file), nodeRunContext());
  };
}

for (const schema of [ratesTable, servicesTable, surchargesTable, zonesTable, boxesTable, rulesTable])
  IMPORTERS[schema.name.toLowerCase()] ??= tableImporter(schema);
