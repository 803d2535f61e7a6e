/**
 * What `shipsheet export KIND --out FILE` can write. Each exporter computes through the core and saves the file;
 * later steps add theirs here (ship-confirm, any sheet in bulk).
 */
import type { ActionResult, InventoryLoaderFile, Workbook } from '../../core';
import { exportInventoryLoader } from '../../core';
import { writeFileAtomic } from '../xlsx/atomicWrite';

export interface ExportOptions {
  out: string;
  withPrice?: boolean;
}

export type Exporter = (book: Workbook, options: ExportOptions) => Promise<ActionResult>;

export const EXPORTERS: Record<string, Exporter> = {
  async 'inventory-loader'(book, options) {
    const result = await exportInventoryLoader(book, { withPrice: options.withPrice });
    if (!result.ok) return result;
    const file = result.data as InventoryLoaderFile;
    // UTF-8 without a byte-order mark: the template's keys must be the first bytes Amazon reads.
    await writeFileAtomic(options.out, Buffer.from(file.text, 'utf8'));
    return {
      ...result,
      lines: [...result.lines, `Written to ${options.out}: upload it as a Price & Quantity file.`],
    };
  },
};
