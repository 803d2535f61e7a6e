/**
 * What `shipsheet import KIND FILE` can bring in. Each importer turns a file into changes through the core;
 * later steps add theirs here (inventory, listings, returns). Domain kinds come first; any other KIND that
 * names a Shipsheet table is a bulk import of that table (importerFor).
 */
import type { ActionResult, Workbook } from '../../core';
import {
  ALL_TABLES,
  boxesTable,
  importAmazonOrders,
  importInventory,
  importListings,
  importOrders,
  importReturns,
  parseOrderReport,
  ratesTable,
  readSettings,
  rulesTable,
  servicesTable,
  settingsTable,
  surchargesTable,
  tableByName,
  zonesTable,
} from '../../core';
import type { TableSchema } from '../../core';
import { spApiClientFromEnv } from '../amazon/spApiFromEnv';
import { XLSX_BOOK_ROW_LIMIT, bulkImport } from '../bulk/bulkImport';
import { validateTableFile } from '../bulk/validateTableFile';
import { readTableFile } from '../flatfiles/readTableFile';
import type { ReadTableFileOptions } from '../flatfiles/readTableFile';
import { XlsxWorkbook } from '../xlsx/xlsxWorkbook';
import { UsageError } from './errors';
import { nodeRunContext } from './runContext';
import path from 'node:path';
import type { Progress } from '../progress';
import { terminalProgress } from '../progress';

export interface ImportOptions extends ReadTableFileOptions {
  mode?: 'merge' | 'replace';
  /** `amazon`: orders come from the Selling Partner API, not a file. */
  from?: string;
  json?: boolean;
  /** Bulk table files: validate every row and write FILE.errors.csv, change nothing. */
  check?: boolean;
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

/**
 * Tables whose optional key parts mean "any" (a Zones row for every carrier, a Surcharges row for every service):
 * a blank part matches a blank one, so re-importing the rate card merges instead of appending.
 */
export const BLANK_KEY_PARTS: ReadonlySet<TableSchema> = new Set([
  ratesTable,
  servicesTable,
  surchargesTable,
  zonesTable,
  boxesTable,
  rulesTable,
]);

/** The domain importer for KIND, else a bulk import of the table KIND names, else undefined. */
export function importerFor(kind: string): Importer | undefined {
  const domain = IMPORTERS[kind.toLowerCase()];
  if (domain) return domain;
  const schema = tableByName(kind);
  if (!schema) return undefined;
  return (book, file, options, progress) => {
    if (options.mode !== undefined && options.mode !== 'merge' && options.mode !== 'replace')
      throw new UsageError(`--mode ${String(options.mode)}: use merge or replace.`);
    return bulkImport(book, schema, file, nodeRunContext(progress), {
      mode: options.mode,
      encoding: options.encoding,
      sheet: options.sheet,
      maxRows: book instanceof XlsxWorkbook ? XLSX_BOOK_ROW_LIMIT : undefined,
      progress: options.json ? undefined : progress,
      blankKeyParts: BLANK_KEY_PARTS.has(schema),
    });
  };
}

export function importKinds(): string[] {
  const domain = Object.keys(IMPORTERS);
  return [...domain, ...ALL_TABLES.map((t) => t.name.toLowerCase()).filter((t) => !domain.includes(t))];
}

/** `import TABLE FILE --check`: the streaming validation of a bulk file; undefined when KIND is not a table. */
export function checkerFor(
  kind: string,
): ((file: string, options: ImportOptions) => Promise<ActionResult>) | undefined {
  const schema = tableByName(kind);
  if (!schema) return undefined;
  return (file, options) =>
    validateTableFile(schema, file, {
      encoding: options.encoding,
      sheet: options.sheet,
      progress: options.json ? undefined : terminalProgress(),
    });
}
