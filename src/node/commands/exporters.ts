/** What `shipsheet export KIND --out FILE` can write; each step adds its kind here. */
import path from 'node:path';
import type { ActionResult, Workbook } from '../../core';
import { exportShipConfirm } from '../../core';
import { writeShipConfirm } from '../flatfiles/writeShipConfirm';
import { nodeRunContext } from './runContext';

export interface ExportOptions {
  out: string;
  again?: boolean;
}

export type Exporter = (book: Workbook, options: ExportOptions) => Promise<ActionResult>;

export const EXPORTERS: Record<string, Exporter> = {
  'ship-confirm': (book, options) =>
    exportShipConfirm(book, nodeRunContext(), {
      again: options.again,
      target: path.basename(options.out),
      save: (file) => writeShipConfirm(options.out, file),
    }),
};
