/** `shipsheet schedule --book B [--once]`: run the Schedules sheet's due reports; without --once, keep running. */
import type { Command } from 'commander';
import { runDueSchedules, runScheduler } from '../reports/scheduler';
import { nodeRunContext } from './runContext';
import { printResults } from './output';

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description('run the scheduled reports of the Schedules sheet when due (keeps running; --once for cron)')
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option('--once', 'run what is due now and exit (for cron or a systemd timer)')
    .option('--interval <seconds>', 'how often to check while running', '60')
    .option('--json', 'print a machine-readable summary')
    .action(async (opts: { book: string; once?: boolean; interval: string; json?: boolean }) => {
      const context = nodeRunContext();
      if (opts.once) {
        const results = await runDueSchedules(opts.book, context.now, { user: context.user });
        process.exitCode = printResults(results, { json: opts.json });
        return;
      }
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.stdout.write(
        `shipsheet schedule: checking ${opts.book} every ${opts.interval} s (Ctrl+C stops).\n`,
      );
      await runScheduler(opts.book, {
        intervalMs: Math.max(1, Number(opts.interval) || 60) * 1000,
        signal: controller.signal,
        user: context.user,
        onResults: (r) => printResults(r, { json: opts.json }),
      });
      process.exitCode = 0;
    });
}
