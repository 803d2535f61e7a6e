/** `--book` to a Workbook: a local .xlsx file (the default) or a Google Sheet (`gsheet:ID`). */
import type { Workbook } from '../core';
import type { OpenGoogleSheetOptions } from './gsheets/openGoogleSheet';
import { openGoogleSheet, runOwner } from './gsheets/openGoogleSheet';
import type { OpenXlsxOptions } from './xlsx/xlsxWorkbook';
import { XlsxWorkbook } from './xlsx/xlsxWorkbook';

export interface OpenedBook {
  readonly book: Workbook;
  /** Release locks and connections. Safe to call twice. */
  close(): Promise<void>;
}

export type OpenBookOptions = OpenXlsxOptions & {
  /** For `gsheet:` books: credentials, read-only scope, retries. */
  google?: OpenGoogleSheetOptions;
};

export class BookSpecError extends Error {}

export async function openBook(spec: string, options: OpenBookOptions = {}): Promise<OpenedBook> {
  if (/^gsheet:/i.test(spec)) {
    if (options.writeCopyTo)
      throw new BookSpecError(
        `${spec}: --write-copy is for .xlsx workbooks; a Google Sheet is written in place.`,
      );
    const book = await openGoogleSheet(spec, { onPhase: options.onPhase, ...options.google });
    // Held for the whole command, as the .xlsx lock file is: a second run on the same sheet is refused.
    const release = await book.lock(runOwner());
    return { book, close: release };
  }
  const book = await XlsxWorkbook.open(spec, options);
  return { book, close: async () => book.close() };
}
