/** `shipsheet report sales --book B --period day|week|month --from D --to D --out FILE.xlsx|html`. */
import type { Command } from 'commander';
import type { ReportPeriod } from '../../core';
import { REPORT_PERIODS } from '../../core';
import { runSalesReportFiles } from '../reports/salesReportRun';
import { UsageError } from './errors';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

interface ReportOptions extends BookCommandOptions {
  period: string;
  from?: string;
  to?: string;
  out: string[];
  allOrders: string[];
  settlement: string[];
  currency?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('build a report: sales (by day, week or month and by SKU, with a chart of sales and profit)')
    .argument('<kind>', 'which report: sales')
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option('--period <period>', 'day, week or month', 'week')
    .option('--from <date>', 'first day, yyyy-mm-dd (default: the last complete period)')
    .option('--to <date>', 'last day, yyyy-mm-dd, inclusive')
    .option('--out <file>', 'also write the report to FILE.html or FILE.xlsx (repeatable)', collect, [])
    .option('--all-orders <file>', "Amazon's All Orders report to include (repeatable)", collect, [])
    .option(
      '--settlement <file>',
      "Amazon's settlement report (flat file V2) for actual fees (repeatable)",
      collect,
      [],
    )
    .option('--currency <code>', 'report currency (default: Settings currency)')
    .option('--json', 'print a machine-readable summary')
    .option('--write-copy <file>', 'write the result to another .xlsx instead of the one read')
    .action(async (kind: string, opts: ReportOptions) => {
      if (kind.toLowerCase() !== 'sales')
        throw new UsageError(`shipsheet report: unknown report ${kind}; use: sales`);
      const period = opts.period.toLowerCase();
      if (!REPORT_PERIODS.includes(period as ReportPeriod))
        throw new UsageError(`--period ${opts.period}: use day, week or month`);
      process.exitCode = await withBook(opts, async (book) => {
        const run = await runSalesReportFiles(
          book,
          {
            period: period as ReportPeriod,
            from: opts.from,
            to: opts.to,
            currency: opts.currency,
            allOrders: opts.allOrders,
            settlements: opts.settlement,
            out: opts.out,
          },
          nodeRunContext(),
        );
        return run.result;
      });
    });
}
