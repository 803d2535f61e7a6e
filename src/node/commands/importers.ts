/**
 * What `shipsheet import KIND FILE` can bring in. Each importer turns a file into changes through the core;
 * later steps add theirs here (inventory, listings, returns, any table in bulk).
 */
import type { ActionResult, Workbook } from '../../core';
import { importOrders, parseOrderReport } from '../../core';
import { readTableFile } from '../flatfiles/readTableFile';
import type { ReadTableFileOptions } from '../flatfiles/readTableFile';
import { nodeRunContext } from './runContext';
import path from 'node:path';
import type { Progress } from '../progress';

export interface ImportOptions extends ReadTableFileOptions {
  mode?: 'merge' | 'replace';
}

export type Importer = (
  book: Workbook,
  file: string,
  options: ImportOptions,
  progress: Progress,
) => Promise<ActionResult>;

export const IMPORTERS: Record<string, Importer> = {
  async orders(book, file, options, progress) {
    const source = path.basename(file);
    progress.phase(`Reading ${source}`);
    const input = await readTableFile(file, options);
    return importOrders(book, parseOrderReport(input.grid, source), source, nodeRunContext(progress));
  },
};
