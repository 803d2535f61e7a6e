/**
 * Telling the seller what a run did: a toast when it went through cleanly, a dialog when it refused or found
 * problems (the first ones listed, the rest on the Log sheet). Triggers have no UI, so they only log.
 */
import type { ActionResult, Problem } from '../../src/core';
import { formatProblem } from '../../src/core';

const SHOWN_PROBLEMS = 15;
const TITLE = 'Shipsheet';

export interface Summary {
  readonly title: string;
  readonly body: string;
  /** True when a dialog is worth interrupting the seller for. */
  readonly needsDialog: boolean;
}

export function summarize(label: string, result: ActionResult, notes: readonly string[] = []): Summary {
  if (!result.ok)
    return {
      title: `${label}: nothing changed`,
      body: [result.message ?? 'It did not run.', ...notes].join('\n'),
      needsDialog: true,
    };
  const changed = result.changes
    .filter((c) => c.added > 0 || c.updated > 0)
    .map((c) => `${c.sheet}: ${c.added} added, ${c.updated} updated`);
  const lines = [...result.lines, ...(changed.length > 0 ? changed : ['No rows changed.']), ...notes];
  if (result.problems.length === 0)
    return { title: `${label}: done`, body: lines.join('\n'), needsDialog: false };
  return {
    title: `${label}: done with ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`,
    body: [...lines, '', ...problemLines(result.problems)].join('\n'),
    needsDialog: true,
  };
}

export function problemLines(problems: readonly Problem[]): string[] {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `• ${formatProblem(p)}`);
  if (problems.length > SHOWN_PROBLEMS)
    shown.push(`… and ${problems.length - SHOWN_PROBLEMS} more (see the Log sheet).`);
  return shown;
}

/** Show a summary, when there is a UI to show it in. */
export function show(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  summary: Summary,
  interactive: boolean,
): void {
  if (!interactive) return;
  if (summary.needsDialog) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(summary.title, summary.body, ui.ButtonSet.OK);
  } else spreadsheet.toast(summary.body, `${TITLE}: ${summary.title}`, 10);
}

export function toast(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  message: string,
  interactive: boolean,
): void {
  if (interactive) spreadsheet.toast(message, TITLE, 10);
}
