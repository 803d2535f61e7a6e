/** What a workflow step reports back: whether it ran, what it changed, the problems found. */
import type { EditSummary } from '../tables/tableEditor';
import type { Problem } from '../tables/problem';

export interface ActionResult {
  readonly action: string;
  /** False when the step refused to run (bad input): then nothing was written. */
  readonly ok: boolean;
  /** Why it refused, when `ok` is false. */
  readonly message?: string;
  readonly changes: readonly EditSummary[];
  readonly problems: readonly Problem[];
  /** Counts worth printing, e.g. rowsRead, added, updated, unchanged, rejected. */
  readonly stats: Readonly<Record<string, number>>;
  /** Human summary lines, already worded. */
  readonly lines: readonly string[];
  /** Extra machine-readable output of a step (e.g. a shortage list), for --json and callers. */
  readonly data?: unknown;
}

export function refused(action: string, message: string): ActionResult {
  return { action, ok: false, message, changes: [], problems: [], stats: {}, lines: [message] };
}

/** CLI exit code as DESIGN.md sets it: 0 done, 1 done with problems, 2 refused. */
export function exitCodeOf(result: ActionResult): 0 | 1 | 2 {
  if (!result.ok) return 2;
  return result.problems.length > 0 ? 1 : 0;
}
