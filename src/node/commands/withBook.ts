/** Open the --book workbook for a command, run it, print the results, always release the lock. */
import type { ActionResult, Workbook } from '../../core';
import { openBook } from '../openBook';
import type { OpenBookOptions } from '../openBook';
import { terminalProgress } from '../progress';
import type { Progress } from '../progress';
import { printResults } from './output';

export interface BookCommandOptions {
  book: string;
  json?: boolean;
  writeCopy?: string;
}

export async function withBook(
  options: BookCommandOptions,
  run: (book: Workbook, progress: Progress) => Promise<ActionResult | ActionResult[]>,
  open: OpenBookOptions = {},
): Promise<number> {
  const progress = terminalProgress();
  const opened = await openBook(options.book, {
    writeCopyTo: options.writeCopy,
    onPhase: (l) => progress.phase(l),
    ...open,
  });
  try {
    const result = await run(opened.book, progress);
    progress.stop();
    return printResults(Array.isArray(result) ? result : [result], { json: options.json });
  } finally {
    progress.stop();
    await opened.close();
  }
}
