/**
 * `shipsheet import TABLE FILE --book B.xlsx` for bulk table files: the streaming import (no whole-workbook load,
 * up to Excel's 1,048,576 rows, every other part of the book copied as it was). Null when the book needs the
 * whole-workbook path (it does not exist yet, or lacks the table's or the Log sheet: that path creates them).
 */
import { tableByName } from '../../core';
import { NEEDS_WHOLE_BOOK, streamImportIntoBook } from '../xlsx/stream/streamImport';
import { terminalProgress } from '../progress';
import { UsageError } from './errors';
import type { ImportOptions } from './importers';
import { BLANK_KEY_PARTS, IMPORTERS } from './importers';
import { printResults } from './output';
import { nodeRunContext } from './runContext';
import type { BookCommandOptions } from './withBook';

export async function streamImportCommand(
  kind: string,
  file: string,
  opts: BookCommandOptions & ImportOptions,
): Promise<number | null> {
  if (IMPORTERS[kind.toLowerCase()] || /^gsheet:/i.test(opts.book)) return null;
  const schema = tableByName(kind);
  if (!schema) return null;
  if (opts.mode !== undefined && opts.mode !== 'merge' && opts.mode !== 'replace')
    throw new UsageError(`--mode ${String(opts.mode)}: use merge or replace.`);
  const progress = terminalProgress();
  try {
    const result = await streamImportIntoBook(opts.book, schema, file, nodeRunContext(progress), {
      mode: opts.mode,
      encoding: opts.encoding,
      sheet: opts.sheet,
      progress: opts.json ? undefined : progress,
      blankKeyParts: BLANK_KEY_PARTS.has(schema),
      writeCopyTo: opts.writeCopy,
    });
    if (result === NEEDS_WHOLE_BOOK) return null;
    progress.stop();
    return printResults([result], { json: opts.json });
  } finally {
    progress.stop();
  }
}
