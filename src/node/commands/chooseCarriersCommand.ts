/** `shipsheet choose-carriers --book B`: package, carrier service and rate for every allocated order item. */
import type { Command } from 'commander';
import { chooseCarriers } from '../../core';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerChooseCarriers(program: Command): void {
  program
    .command('choose-carriers')
    .description(
      'rate Allocated order items from the Rates/Services/Zones/Surcharges sheets and Rules (→ Rated)',
    )
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option('--json', 'print a machine-readable summary')
    .option('--write-copy <file>', 'write the result to another .xlsx instead of the one read')
    .action(async (opts: BookCommandOptions) => {
      process.exitCode = await withBook(opts, (book) => chooseCarriers(book, nodeRunContext()));
    });
}
