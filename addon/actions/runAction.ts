/**
 * Running one action the way every menu item runs: under the document lock, on the selected orders (or all),
 * with the dialog's settings laid over the Settings sheet, in passes that continue from a trigger near the
 * time limit, with a Log row, and a toast or dialog saying what changed and what is wrong.
 */
import { logEditor } from '../../src/core';
import type { ActionResult, EditSummary, Problem, RunContext, Workbook } from '../../src/core';
import { logEntry, logTable, ordersTable } from '../../src/core';
import { BUSY_MESSAGE, acquireLock } from '../gas/lock';
import { show, summarize } from '../gas/notify';
import { SpreadsheetWorkbook } from '../gas/spreadsheetWorkbook';
import { runSync } from '../runtime/syncPromise';
import { SettingsOverlay, savedSettings } from '../settings/documentSettings';
import type { ActionSpec } from './actionTable';
import type { Cursor } from './continuation';
import { clearCursor, continuationScheduled, loadCursor, scheduleContinuation, tuning } from './continuation';
import { FilteredWorkbook } from './filteredWorkbook';
import { both, ordersStartingIn, selectedOrders } from './orderFilters';
import type { RowSpan } from './selection';
import { readSelection, rowsOf } from './selection';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type RunStatus =
  'done' | 'problems' | 'refused' | 'busy' | 'unavailable' | 'continuing' | 'failed' | 'cancelled';

/** What a run came to, as plain data (google.script.run and the tests get this). */
export interface RunOutcome {
  readonly action: string;
  readonly status: RunStatus;
  readonly title: string;
  readonly body: string;
  readonly problems: number;
  readonly passes: number;
}

export interface RunOptions {
  readonly spreadsheet: Spreadsheet;
  /** A person clicked: there is a UI for toasts and dialogs, and the selection counts. */
  readonly interactive: boolean;
  /** Going on from a saved cursor (a continuation trigger). */
  readonly cursor?: Cursor;
  /** Where the run came from, for the Log (a file name, "trigger"). */
  readonly source?: string;
}

export function runContext(): RunContext {
  const user = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
  return user ? { now: new Date(), user } : { now: new Date() };
}

export function notAvailable(spec: ActionSpec, options: RunOptions): RunOutcome {
  const outcome: RunOutcome = {
    action: spec.id,
    status: 'unavailable',
    title: `${spec.label} is not in this version yet`,
    body: `${spec.label} is not in this version of the Shipsheet add-on yet. Nothing was changed. The other menu items work; this one arrives with a later version.`,
    problems: 0,
    passes: 0,
  };
  show(
    options.spreadsheet,
    { title: outcome.title, body: outcome.body, needsDialog: true },
    options.interactive,
  );
  return outcome;
}

export function runAction(spec: ActionSpec, options: RunOptions): RunOutcome {
  if (!spec.run) return notAvailable(spec, options);
  const { spreadsheet, interactive } = options;
  if (spec.confirm && interactive && !confirmed(spec.confirm)) {
    spreadsheet.toast('Nothing was changed.', `Shipsheet: ${spec.label}`, 5);
    return {
      action: spec.id,
      status: 'cancelled',
      title: `${spec.label}: cancelled`,
      body: 'Nothing was changed.',
      problems: 0,
      passes: 0,
    };
  }
  const started = Date.now();
  const lock = acquireLock();
  if (!lock) return busy(spec, options, BUSY_MESSAGE);
  try {
    const docProps = PropertiesService.getDocumentProperties();
    const context = runContext();
    let pending = loadCursor(docProps, started);
    // The starter's own trigger tells whether their run still goes on; another user's is judged by its age.
    if (pending && !options.cursor && pending.user === context.user && !continuationScheduled()) {
      clearCursor(docProps);
      pending = null;
    }
    if (pending && !options.cursor)
      return busy(
        spec,
        options,
        `A long ${pending.action} run is still going on in the background (at Orders row ${pending.nextRow} of ${pending.lastRow}); it continues by itself within a few minutes. Nothing was started.`,
      );
    const overlay = new SettingsOverlay(new SpreadsheetWorkbook(spreadsheet), savedSettings(docProps));
    const { rowsPerPass, timeBudgetMs } = tuning(docProps);

    const perOrder = spec.rows === 'orders';
    const selected =
      !options.cursor && spec.rows !== 'none' && interactive ? readSelection(spreadsheet) : null;
    const selection = options.cursor ? options.cursor.spans : perOrder ? (selected?.spans ?? null) : null;
    const selectionFilter = selection ? selectedOrders(rowsOf(selection)) : null;
    const lastRow = perOrder ? (options.cursor?.lastRow ?? lastOrdersRow(spreadsheet)) : 0;

    const results: ActionResult[] = [];
    let nextRow = options.cursor?.nextRow ?? 2;
    let continuing = false;
    for (;;) {
      let book: Workbook = overlay;
      let passEnd = Infinity;
      if (perOrder) {
        passEnd = nextRow + rowsPerPass;
        const single = nextRow <= 2 && passEnd > lastRow;
        const filter = both(selectionFilter, single ? null : ordersStartingIn(nextRow, passEnd));
        if (filter) book = new FilteredWorkbook(overlay, ordersTable.name, filter);
      }
      const step = spec.run;
      const result = runSync(() => step({ book, context, spreadsheet }));
      results.push(result);
      if (!result.ok || !perOrder || passEnd > lastRow) break;
      nextRow = passEnd;
      if (Date.now() - started >= timeBudgetMs) {
        const prior = options.cursor;
        scheduleContinuation(docProps, PropertiesService.getUserProperties(), {
          action: spec.id,
          nextRow,
          lastRow,
          spans: selection ? [...selection] : null,
          passes: (prior?.passes ?? 0) + results.length,
          rowsChanged: (prior?.rowsChanged ?? 0) + sumChanged(results),
          problems: (prior?.problems ?? 0) + results.reduce((n, r) => n + r.problems.length, 0),
          startedAt: prior?.startedAt ?? context.now.toISOString(),
          savedAt: Date.now(),
          spreadsheetId: spreadsheet.getId(),
          user: prior?.user ?? context.user ?? '',
        });
        continuing = true;
        break;
      }
    }
    if (!continuing && options.cursor) clearCursor(docProps);
    const merged = mergeResults(results, rowsPerPass);
    const result: ActionResult = { ...merged, problems: [...overlay.notes, ...merged.problems] };
    if (!spec.logsItself && result.ok)
      appendLog(overlay, spec.label.toLowerCase(), context, result, options.source);
    const notes: string[] = [];
    if (selection) notes.push(`Worked on the selected orders only (${describe(selection)} of Orders).`);
    if (selected && spec.rows === 'sheet')
      notes.push(
        `${spec.label} weighs every order against the others, so it ran on the whole Orders sheet, not only the selected rows.`,
      );
    if (continuing)
      notes.push(
        `This is a large sheet: the run goes on by itself from Orders row ${nextRow} in about a minute.`,
      );
    const summary = summarize(spec.label, result, notes);
    const dialog = interactive && spec.resultDialog ? spec.resultDialog(result, summary) : null;
    if (dialog) SpreadsheetApp.getUi().showModalDialog(dialog, `Shipsheet: ${spec.label.toLowerCase()}`);
    else show(spreadsheet, summary, interactive);
    return {
      action: spec.id,
      status: continuing
        ? 'continuing'
        : !result.ok
          ? 'refused'
          : result.problems.length > 0
            ? 'problems'
            : 'done',
      title: summary.title,
      body: summary.body,
      problems: result.problems.length,
      passes: results.length,
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const outcome: RunOutcome = {
      action: spec.id,
      status: 'failed',
      title: `${spec.label} failed`,
      body: `${spec.label} stopped with an error: ${message}`,
      problems: 0,
      passes: 0,
    };
    try {
      appendLog(
        new SpreadsheetWorkbook(spreadsheet),
        spec.label.toLowerCase(),
        runContext(),
        {
          action: spec.id,
          ok: true,
          changes: [],
          problems: [{ sheet: 'Shipsheet', row: null, column: null, message: `failed: ${message}` }],
          stats: {},
          lines: [outcome.body],
        },
        options.source,
      );
    } catch {
      // The Log is best effort here: the error itself is what the seller must see.
    }
    show(spreadsheet, { title: outcome.title, body: outcome.body, needsDialog: true }, interactive);
    return outcome;
  } finally {
    lock.releaseLock();
  }
}

/** Ask Yes / No; closing the dialog is a No. */
function confirmed(question: { title: string; prompt: string }): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(question.title, question.prompt, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

function busy(spec: ActionSpec, options: RunOptions, message: string): RunOutcome {
  if (options.interactive) options.spreadsheet.toast(message, 'Shipsheet', 10);
  return {
    action: spec.id,
    status: 'busy',
    title: 'Another run is in progress',
    body: message,
    problems: 0,
    passes: 0,
  };
}

function lastOrdersRow(spreadsheet: Spreadsheet): number {
  const sheet = spreadsheet.getSheetByName(ordersTable.name);
  return sheet ? sheet.getLastRow() : 0;
}

function describe(spans: readonly RowSpan[]): string {
  return spans.map((s) => (s.from === s.to ? `row ${s.from}` : `rows ${s.from}–${s.to}`)).join(', ');
}

function sumChanged(results: readonly ActionResult[]): number {
  return results.reduce((n, r) => n + r.changes.reduce((m, c) => m + c.added + c.updated, 0), 0);
}

/** Passes of one run as one result: changes added up by sheet, problems together, counts summed. */
export function mergeResults(results: readonly ActionResult[], rowsPerPass: number): ActionResult {
  if (results.length === 1) return results[0];
  const last = results[results.length - 1];
  const bySheet = new Map<string, EditSummary>();
  for (const r of results)
    for (const c of r.changes) {
      const prev = bySheet.get(c.sheet);
      bySheet.set(c.sheet, {
        sheet: c.sheet,
        added: (prev?.added ?? 0) + c.added,
        updated: (prev?.updated ?? 0) + c.updated,
      });
    }
  const stats: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.stats)) stats[k] = (stats[k] ?? 0) + v;
  const problems: Problem[] = results.flatMap((r) => [...r.problems]);
  // Files written by each pass (labels): the result dialog links to all of them.
  const links = results.flatMap((r) => (r.data as { links?: unknown[] } | undefined)?.links ?? []);
  return {
    action: last.action,
    ok: results.every((r) => r.ok),
    message: results.find((r) => !r.ok)?.message,
    changes: [...bySheet.values()],
    problems,
    stats,
    lines: [`Ran in ${results.length} passes of up to ${rowsPerPass} order rows.`, ...last.lines],
    ...(links.length > 0 ? { data: { links } } : {}),
  };
}

/** A Log row for an action whose workflow does not write one. */
export function appendLog(
  book: Workbook,
  action: string,
  context: RunContext,
  result: ActionResult,
  source?: string,
): void {
  runSync(async () => {
    const grid = (await book.read([logTable.name])).get(logTable.name) ?? null;
    const log = logEditor(grid);
    log.append(
      logEntry(
        action,
        context,
        {
          source,
          rowsRead: result.stats.rowsRead ?? 0,
          rowsChanged: result.changes.reduce((n, c) => n + c.added + c.updated, 0),
          summary: result.lines.join(' '),
        },
        result.problems,
      ),
    );
    await book.write({ sheets: [log.toWrite()] });
  });
}
