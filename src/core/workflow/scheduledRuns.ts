/**
 * Which rows of the Schedules sheet are due now, and the Schedules write that records a run. Pure: the
 * scheduler (Node) or a time-driven trigger (add-on) reads the sheets, asks this, runs the reports, records.
 */
import type { DueRun } from '../reports/dueRuns';
import { dueRun, parseWhen } from '../reports/dueRuns';
import { isTimeZone } from '../reports/localCalendar';
import type { ReportPeriod } from '../reports/localCalendar';
import { readSettings } from '../settings/readSettings';
import type { Grid } from '../tables/cell';
import { decodeTable } from '../tables/decodeTable';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import type { ScheduleRecord } from '../tables/schedules';
import { schedulesTable } from '../tables/schedules';
import { settingsTable } from '../tables/settingsTable';
import { TableEditor } from '../tables/tableEditor';
import type { SheetWrite } from '../workbook';
import { toIsoUtc } from '../dates/parseDateTime';

export interface ScheduledRun {
  readonly rowNumber: number;
  readonly schedule: ScheduleRecord;
  readonly period: ReportPeriod;
  readonly run: DueRun;
  readonly formats: readonly ('html' | 'xlsx')[];
  readonly recipients: readonly string[];
}

export interface SchedulePlan {
  readonly timeZone: string;
  readonly due: readonly ScheduledRun[];
  /** Schedules not due now, with when they last ran (for `--once` output). */
  readonly waiting: readonly { rowNumber: number; schedule: ScheduleRecord; run: DueRun }[];
  readonly problems: readonly Problem[];
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export function planScheduledRuns(
  schedulesGrid: Grid | null,
  settingsGrid: Grid | null,
  now: Date,
): SchedulePlan {
  const { settings, problems: settingProblems } = readSettings(settingsGrid);
  const problems: Problem[] = [...settingProblems];
  const timeZone = settings.text('timezone');
  if (!isTimeZone(timeZone)) {
    problems.push(
      problem(
        settingsTable.name,
        settings.rowOf('timezone'),
        'value',
        `timezone ${JSON.stringify(timeZone)} is not an IANA time zone: no schedule can run`,
      ),
    );
    return { timeZone, due: [], waiting: [], problems };
  }
  if (schedulesGrid === null || schedulesGrid.length === 0)
    return { timeZone, due: [], waiting: [], problems };
  const t = decodeTable(schedulesTable, schedulesGrid);
  problems.push(...t.problems);
  const due: ScheduledRun[] = [];
  const waiting: { rowNumber: number; schedule: ScheduleRecord; run: DueRun }[] = [];
  const seen = new Set<string>();
  for (const row of t.rows) {
    if (!row.valid) continue;
    const s = row.record;
    const key = `${s.report}\u0000${s.period}`;
    if (seen.has(key)) {
      problems.push(
        problem(
          schedulesTable.name,
          row.rowNumber,
          'period',
          `a second ${s.period} ${s.report} schedule: only the first runs`,
        ),
      );
      continue;
    }
    seen.add(key);
    const when = parseWhen(s.when, s.period);
    if (!when.ok) {
      problems.push(
        problem(
          schedulesTable.name,
          row.rowNumber,
          'when',
          `when ${when.reason}; this schedule does not run`,
          s.when ?? '',
        ),
      );
      continue;
    }
    const recipients = (s['email-to'] ?? '').split(/[,;\s]+/).filter((r) => r !== '');
    const bad = recipients.filter((r) => !EMAIL.test(r));
    if (bad.length > 0) {
      problems.push(
        problem(
          schedulesTable.name,
          row.rowNumber,
          'email-to',
          `${bad.join(', ')} ${bad.length > 1 ? 'are not e-mail addresses' : 'is not an e-mail address'}; this schedule does not run`,
        ),
      );
      continue;
    }
    const run = dueRun(when.when, s['last-period'], now, timeZone);
    if (!run.due) {
      waiting.push({ rowNumber: row.rowNumber, schedule: s, run });
      continue;
    }
    const format = s.format ?? 'html';
    due.push({
      rowNumber: row.rowNumber,
      schedule: s,
      period: s.period,
      run,
      recipients,
      formats: format === 'html+xlsx' ? ['html', 'xlsx'] : [format],
    });
  }
  return { timeZone, due, waiting, problems };
}

/** The Schedules write that records a run: the period it covered (so it never runs again), when, and the outcome. */
export function recordScheduledRun(
  schedulesGrid: Grid,
  rowNumber: number,
  fields: { periodKey?: string; at: Date; result: string },
): SheetWrite {
  const editor = new TableEditor(schedulesTable, schedulesGrid, [
    'last-period',
    'last-run-at',
    'last-result',
  ]);
  editor.update(rowNumber, {
    ...(fields.periodKey !== undefined ? { 'last-period': fields.periodKey } : {}),
    'last-run-at': toIsoUtc(fields.at),
    'last-result': fields.result.slice(0, 500),
  });
  return editor.toWrite();
}
