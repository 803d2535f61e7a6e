/** `shipsheet record-tracking --book B [--from FILE]`: tracking from labels, typed cells and a carrier export. */
import path from 'node:path';
import type { Command } from 'commander';
import { recordTracking } from '../../core';
import { readTableFile } from '../flatfiles/readTableFile';
import type { ReadTableFileOptions } from '../flatfiles/readTableFile';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerRecordTracking(program: Command): void {
  program
    .command('record-tracking')
    .description(
      'record tracking numbers (labels bought, numbers typed into Orders, a carrier export) and mark items Shipped',
    )
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option(
      '--from <file>',
      'carrier or shipping-tool export (CSV, tab-delimited or .xlsx) with order id and tracking',
    )
    .option('--encoding <name>', 'text encoding of --from (default: detected)')
    .option('--sheet <name>', 'for an .xlsx --from: the sheet to read')
    .option('--json', 'print a machine-readable summary')
    .option('--write-copy <file>', 'write the result to another .xlsx instead of the one read')
    .action(async (opts: BookCommandOptions & ReadTableFileOptions & { from?: string }) => {
      const file = opts.from ? await readTableFile(opts.from, opts) : null;
      process.exitCode = await withBook(opts, (book) =>
        recordTracking(
          book,
          nodeRunContext(),
          file && opts.from ? { grid: file.grid, source: path.basename(opts.from) } : undefined,
        ),
      );
    });
}
