/** Open the --book workbook for a command, run it, print the results, always release the lock. */
import type { ActionResult, Workbook } from '../../core';
import { openBook } from '../openBook';
import type { OpenBookOptions } from '../openBook';
import { printResults } from './output';

export interface BookCommandOptions {
  book: string;
  json?: boolean;
  writeCopy?: string;
}

export async function withBook(
  options: BookCommandOptions,
  run: (book: Workbook) => Promise<ActionResult | ActionResult[]>,
  open: OpenBookOptions = {},
): Promise<number> {
  const opened = await openBook(options.book, { writeCopyTo: options.writeCopy, ...open });
  try {
    const result = await run(opened.book);
    return printResults(Array.isArray(result) ? result : [result], { json: options.json });
  } finally {
    await opened.close();
  }
}
