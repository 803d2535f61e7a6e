/**
 * What `shipsheet export KIND --out FILE` can write. Each exporter computes through the core and saves the file;
 * each step adds its kind here.
 */
import path from 'node:path';
import type { ActionResult, InventoryLoaderFile, Workbook } from '../../core';
import { exportInventoryLoader, exportShipConfirm } from '../../core';
import { writeShipConfirm } from '../flatfiles/writeShipConfirm';
import { writeFileAtomic } from '../xlsx/atomicWrite';
import { nodeRunContext } from './runContext';

export interface ExportOptions {
  out: string;
  /** ship-confirm: export order items already exported too. */
  again?: boolean;
  /** inventory-loader: also send each listing's price. */
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
  'ship-confirm': (book, options) =>
    exportShipConfirm(book, nodeRunContext(), {
      again: options.again,
      target: path.basename(options.out),
      save: (file) => writeShipConfirm(options.out, file),
    }),
};
