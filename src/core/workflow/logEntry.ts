/** The Log sheet row that records one run of an action. */
import type { LogRecord } from '../tables/log';
import { logTable } from '../tables/log';
import type { Grid } from '../tables/cell';
import { TableEditor } from '../tables/tableEditor';
import { formatProblem } from '../tables/problem';
import type { Problem } from '../tables/problem';
import { toIsoUtc } from '../dates/parseDateTime';

export interface RunContext {
  /** The moment the run is stamped with (passed in: the core reads no clock). */
  readonly now: Date;
  /** Who ran it (an e-mail in the add-on, the OS user on Node). */
  readonly user?: string;
  /** Told how far a long step has got (`total` 0 when unknown); adapters show it on a terminal or in a toast. */
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

export function logEntry(
  action: string,
  context: RunContext,
  counts: { source?: string; rowsRead: number; rowsChanged: number; summary: string },
  problems: readonly Problem[],
): Partial<LogRecord> {
  const first = problems.slice(0, 5).map(formatProblem);
  const more = problems.length > 5 ? [`… and ${problems.length - 5} more`] : [];
  return {
    time: toIsoUtc(context.now),
    action,
    user: context.user ?? null,
    source: counts.source ?? null,
    'rows-read': counts.rowsRead,
    'rows-changed': counts.rowsChanged,
    problems: problems.length,
    details: [counts.summary, ...first, ...more].join('\n').slice(0, 5000),
  };
}

/** An editor on the Log sheet as read (null when there is none yet: it is created), able to append run rows. */
export function logEditor(grid: Grid | null): TableEditor<typeof logTable> {
  return new TableEditor(logTable, grid, LOG_COLUMNS);
}

const LOG_COLUMNS = logTable.columns.map((c) => c.name);
