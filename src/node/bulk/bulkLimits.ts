/** The caps that keep reading a spreadsheet file bounded in memory and time, and the error when one is hit. */

export class BulkFileError extends Error {}

export interface BulkLimits {
  /** Zip entries in an .xlsx (a workbook has tens; thousands mean something is wrong). */
  readonly maxZipEntries: number;
  /** Declared uncompressed bytes of one zip entry. */
  readonly maxEntryBytes: number;
  /** Declared uncompressed bytes of all entries together. */
  readonly maxTotalBytes: number;
  /** Uncompressed / compressed size of an entry over 1 MiB (spreadsheet XML compresses 5-50x; bombs 1000x). */
  readonly maxCompressionRatio: number;
  /** Data rows read from one file: Excel's own limit of 1,048,576 rows a sheet. */
  readonly maxRows: number;
  /** Columns a row may have (Excel: 16,384). */
  readonly maxColumns: number;
  /** Cells with a value in one sheet. */
  readonly maxCells: number;
  /** Entries of the shared-strings table. */
  readonly maxSharedStrings: number;
  /** Characters of the shared-strings table together. */
  readonly maxSharedStringChars: number;
  /** Bytes of one CSV/TSV record (an unclosed quote would otherwise swallow the whole file). */
  readonly maxRecordBytes: number;
}

export const DEFAULT_LIMITS: BulkLimits = {
  maxZipEntries: 10_000,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 4 * 1024 ** 3,
  maxCompressionRatio: 250,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCells: 40_000_000,
  maxSharedStrings: 4_000_000,
  maxSharedStringChars: 128 * 1024 ** 2,
  maxRecordBytes: 4 * 1024 ** 2,
};

export function limitsWith(overrides: Partial<BulkLimits> = {}): BulkLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

export function mib(bytes: number): string {
  return bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)} GiB`
    : `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
