/** `shipsheet init --book FILE.xlsx`: a new workbook with every Shipsheet sheet from the templates. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { setUpSheets } from '../../core';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a workbook with the Shipsheet sheets (or add the ones an existing workbook lacks)')
    .requiredOption('--book <book>', 'workbook to create: FILE.xlsx')
    .option('--json', 'print a machine-readable summary')
    .action(async (opts: BookCommandOptions) => {
      const isNew = !/^gsheet:/i.test(opts.book) && !fs.existsSync(opts.book);
      process.exitCode = await withBook(opts, (book) => setUpSheets(book), { create: isNew });
    });
}
