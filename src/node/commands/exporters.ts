/**
 * What `shipsheet export KIND --out FILE` can write. Domain exports (files for Amazon: ship-confirm,
 * inventory-loader, …) come first, each step adds its kind to EXPORTERS; any other KIND that names a Shipsheet
 * table is a bulk export of that table (.xlsx, .csv or .tsv by --out, tableExporterFor).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ActionResult, InventoryLoaderFile, Workbook } from '../../core';
import { ALL_TABLES, exportInventoryLoader, exportShipConfirm, tableByName } from '../../core';
import { bulkExport, exportFormatOf, sheetRowsFromBook, sheetRowsFromXlsxBook } from '../bulk/bulkExport';
import { writeShipConfirm } from '../flatfiles/writeShipConfirm';
import { openBook } from '../openBook';
import { terminalProgress } from '../progress';
import { writeFileAtomic } from '../xlsx/atomicWrite';
import { WorkbookFileError } from '../xlsx/xlsxWorkbook';
import { UsageError } from './errors';
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

export interface TableExportOptions extends ExportOptions {
  book: string;
  json?: boolean;
}

/** The bulk export of the table KIND names (undefined when it names none). It opens the book itself. */
export function tableExporterFor(
  kind: string,
): ((options: TableExportOptions) => Promise<ActionResult>) | undefined {
  const schema = tableByName(kind);
  if (!schema) return undefined;
  return async (options) => {
    if (!exportFormatOf(options.out))
      throw new UsageError(`--out ${options.out}: export writes .xlsx, .csv or .tsv files.`);
    if (path.resolve(options.out) === path.resolve(options.book))
      throw new UsageError(`--out ${options.out} is the workbook itself; export to another file.`);
    const progress = options.json ? undefined : terminalProgress();
    if (!/^gsheet:/i.test(options.book) && /\.xlsx$/i.test(options.book)) {
      // Streamed from the file: a million-row book is never loaded whole, and no lock is needed to read.
      if (!fs.existsSync(options.book)) throw new WorkbookFileError(`${options.book} does not exist.`);
      return bulkExport(schema, await sheetRowsFromXlsxBook(options.book, schema), options.out, { progress });
    }
    const opened = await openBook(options.book, { lock: false });
    try {
      return await bulkExport(schema, await sheetRowsFromBook(opened.book, schema), options.out, {
        progress,
      });
    } finally {
      await opened.close();
    }
  };
}

export function exportKinds(): string[] {
  return [...Object.keys(EXPORTERS), ...ALL_TABLES.map((t) => t.name.toLowerCase())];
}
