/**
 * What `shipsheet export KIND --out FILE` can write. Domain exports (Amazon's upload files) come first; any
 * other KIND that names a Shipsheet table is a bulk export of that table (xlsx, CSV or TSV by --out).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ActionResult } from '../../core';
import { ALL_TABLES, tableByName } from '../../core';
import { bulkExport, exportFormatOf, sheetRowsFromBook, sheetRowsFromXlsxBook } from '../bulk/bulkExport';
import { UsageError } from './errors';
import { openBook } from '../openBook';
import { terminalProgress } from '../progress';
import { WorkbookFileError } from '../xlsx/xlsxWorkbook';

export interface ExportOptions {
  book: string;
  out: string;
  json?: boolean;
}

export type Exporter = (options: ExportOptions) => Promise<ActionResult>;

/** Domain exports, e.g. ship-confirm, inventory-loader (added by their steps). */
export const EXPORTERS: Record<string, Exporter> = {};

export function exporterFor(kind: string): Exporter | undefined {
  const domain = EXPORTERS[kind.toLowerCase()];
  if (domain) return domain;
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
