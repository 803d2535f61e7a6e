/**
 * `shipsheet schedule`: run the Schedules sheet's due reports, record each period so it never runs twice,
 * write the files, e-mail them. The workbook is opened per pass (the lock is held only while running), so
 * the seller can edit it between runs; a pass that finds Excel holding the file tries again next time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ActionResult } from '../../core';
import { planScheduledRuns, recordScheduledRun, schedulesTable, settingsTable } from '../../core';
import { openBook } from '../openBook';
import { findAmazonFiles } from './amazonFiles';
import { sendReportEmail, smtpFromEnv } from './emailReport';
import { runSalesReportFiles } from './salesReportRun';
import { reportHtml } from './writeReportHtml';

export interface ScheduleOptions {
  env?: NodeJS.ProcessEnv;
  user?: string;
}

const ACTION = 'schedule';

function info(message: string, ok = true): ActionResult {
  return { action: ACTION, ok, changes: [], problems: [], stats: {}, lines: [message] };
}

/** One pass: everything due at `now`, each at most once per period. */
export async function runDueSchedules(
  bookSpec: string,
  now: Date,
  options: ScheduleOptions = {},
): Promise<ActionResult[]> {
  const opened = await openBook(bookSpec);
  const results: ActionResult[] = [];
  try {
    const book = opened.book;
    const grids = await book.read([schedulesTable.name, settingsTable.name]);
    const schedules = grids.get(schedulesTable.name) ?? null;
    const plan = planScheduledRuns(schedules, grids.get(settingsTable.name) ?? null, now);
    if (plan.problems.length > 0)
      results.push({
        ...info(`Schedules: ${plan.problems.length} problem(s); those schedules do not run.`),
        problems: plan.problems,
      });
    if (plan.due.length === 0) {
      const next = plan.waiting.map(
        (w) =>
          `${w.schedule.period} ${w.schedule.report}: last ran for ${w.schedule['last-period'] ?? 'nothing yet'}`,
      );
      results.push(
        info(
          schedules === null || schedules.length <= 1
            ? 'No schedules in the Schedules sheet.'
            : `Nothing due at ${now.toISOString()}.${next.length ? ' ' + next.join('; ') + '.' : ''}`,
        ),
      );
      return results;
    }
    const base = /^gsheet:/i.test(bookSpec) ? process.cwd() : path.dirname(path.resolve(bookSpec));
    for (const due of plan.due) {
      const s = due.schedule;
      const outDir = path.resolve(base, s['output-folder']);
      await fs.promises.mkdir(outDir, { recursive: true });
      const stem = `sales-${due.period}-${due.run.from}`;
      const out = due.formats.map((f) => path.join(outDir, `${stem}.${f}`));
      const inputFolder = s['input-folder'] ? path.resolve(base, s['input-folder']) : null;
      if (inputFolder !== null && !fs.existsSync(inputFolder)) {
        const message = `input-folder ${inputFolder} does not exist; the ${due.period} report was not run`;
        await book.write({
          sheets: [
            recordScheduledRun(schedules ?? [], due.rowNumber, { at: now, result: `failed: ${message}` }),
          ],
        });
        results.push({
          ...info(`Schedule ${due.period} ${s.report}: ${message}.`),
          problems: [{ sheet: schedulesTable.name, row: due.rowNumber, column: 'input-folder', message }],
        });
        continue;
      }
      const inputs = inputFolder ? await findAmazonFiles(inputFolder) : null;
      const run = await runSalesReportFiles(
        book,
        {
          period: due.period,
          from: due.run.from,
          to: due.run.to,
          out,
          allOrders: inputs?.allOrders,
          settlements: inputs?.settlements,
        },
        { now, user: options.user ?? 'schedule' },
      );
      const skipped =
        due.run.skippedPeriods > 0
          ? ` (caught up after downtime: ${due.run.skippedPeriods} earlier period${due.run.skippedPeriods > 1 ? 's were' : ' was'} not run)`
          : '';
      if (!run.result.ok || !run.report) {
        await book.write({
          sheets: [
            recordScheduledRun(schedules ?? [], due.rowNumber, {
              at: now,
              result: `failed: ${run.result.message ?? ''}`,
            }),
          ],
        });
        results.push(run.result);
        continue;
      }
      const wrote = `wrote ${run.files.map((f) => path.basename(f)).join(', ')}${skipped}`;
      // Recorded before the e-mail: a crash after sending must not send the same period twice.
      await book.write({
        sheets: [
          recordScheduledRun(schedules ?? [], due.rowNumber, {
            periodKey: due.run.periodKey,
            at: now,
            result: wrote + (due.recipients.length ? '; e-mail pending' : ''),
          }),
        ],
      });
      const lines = [
        ...run.result.lines,
        `Schedule ${due.period} ${s.report} for ${due.run.periodKey}: ${wrote}.`,
      ];
      let ok = true;
      if (due.recipients.length > 0) {
        let outcome: string;
        try {
          const svg = run.chart?.svg ?? '';
          await sendReportEmail(smtpFromEnv(options.env), {
            to: due.recipients,
            subject: `Shipsheet sales report, ${due.period} ${due.run.periodKey}`,
            html: reportHtml(run.report, svg, now),
            files: run.files,
            chartPng: run.chart?.png,
          });
          outcome = `e-mailed to ${due.recipients.join(', ')}`;
        } catch (e) {
          ok = false;
          outcome = `e-mail failed: ${(e as Error).message}`;
        }
        await book.write({
          sheets: [
            recordScheduledRun(schedules ?? [], due.rowNumber, { at: now, result: `${wrote}; ${outcome}` }),
          ],
        });
        lines.push(`  ${outcome}.`);
      }
      results.push({
        ...run.result,
        lines,
        problems: ok
          ? run.result.problems
          : [
              ...run.result.problems,
              {
                sheet: schedulesTable.name,
                row: due.rowNumber,
                column: 'email-to',
                message: lines[lines.length - 1].trim(),
              },
            ],
      });
    }
    return results;
  } finally {
    await opened.close();
  }
}

/** Keep running: a pass now, then one at the start of every `intervalMs` until the signal aborts. */
export async function runScheduler(
  bookSpec: string,
  options: ScheduleOptions & {
    intervalMs?: number;
    signal?: AbortSignal;
    clock?: () => Date;
    onResults: (r: ActionResult[]) => void;
  },
): Promise<void> {
  const interval = options.intervalMs ?? 60_000;
  const clock = options.clock ?? (() => new Date());
  while (!options.signal?.aborted) {
    try {
      options.onResults(await runDueSchedules(bookSpec, clock(), options));
    } catch (e) {
      // A busy or unreadable workbook is retried on the next pass; the scheduler keeps running.
      options.onResults([
        info(
          `schedule pass failed: ${(e as Error).message}; trying again in ${Math.round(interval / 1000)} s`,
          false,
        ),
      ]);
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, interval - (Date.now() % interval));
      options.signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          resolve();
        },
        { once: true },
      );
    });
  }
}
