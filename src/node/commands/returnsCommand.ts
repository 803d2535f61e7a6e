/** `shipsheet restock-returns --book B`: sellable returns typed into the Returns sheet go back into Inventory, once. */
import type { Command } from 'commander';
import { restockReturns } from '../../core';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerRestockReturns(program: Command): void {
  program
    .command('restock-returns')
    .description('add sellable returns from the Returns sheet to Inventory (each return once)')
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option('--json', 'print a machine-readable summary')
    .option('--write-copy <file>', 'write the result to another .xlsx instead of the one read')
    .action(async (opts: BookCommandOptions) => {
      process.exitCode = await withBook(opts, (book) => restockReturns(book, nodeRunContext()));
    });
}
