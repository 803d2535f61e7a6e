/** `shipsheet purge-pii --book B`: blank buyer personal data past Settings pii-retention-days after delivery. */
import type { Command } from 'commander';
import { purgePii } from '../../core';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerPurgePii(program: Command): void {
  program
    .command('purge-pii')
    .description(
      'blank buyer names, addresses, phones and e-mails of orders delivered or shipped longer ago than Settings pii-retention-days',
    )
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option('--json', 'print a machine-readable summary')
    .option('--write-copy <file>', 'write the result to another .xlsx instead of the one read')
    .action(async (opts: BookCommandOptions) => {
      process.exitCode = await withBook(opts, (book) => purgePii(book, nodeRunContext()));
    });
}
