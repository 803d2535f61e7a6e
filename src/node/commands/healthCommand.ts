/** `shipsheet health --book B`: Amazon's shipping metrics over 7/10/30 days and the orders at risk now. */
import type { Command } from 'commander';
import { checkHealth } from '../../core';
import { UsageError } from './errors';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerHealth(program: Command): void {
  program
    .command('health')
    .description(
      'late shipment, valid tracking and cancel rates as Amazon counts them, and orders at risk; written to the Health sheet',
    )
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option('--hours <n>', 'orders at risk: ship-by within this many hours (default: Settings at-risk-hours)')
    .option('--json', 'print a machine-readable summary')
    .option('--write-copy <file>', 'write the result to another .xlsx instead of the one read')
    .action(async (opts: BookCommandOptions & { hours?: string }) => {
      const hours = opts.hours === undefined ? undefined : Number(opts.hours);
      if (hours !== undefined && !(Number.isFinite(hours) && hours >= 0))
        throw new UsageError(`shipsheet health: --hours must be a number of hours, not ${opts.hours}`);
      process.exitCode = await withBook(opts, (book) =>
        checkHealth(book, nodeRunContext(), { atRiskHours: hours }),
      );
    });
}
