/**
 * Long runs across Apps Script's 6-minute limit: a run over Orders goes in passes of whole orders; when the
 * time budget is spent with passes left, the cursor (where to go on from) is saved in document properties and
 * a one-off trigger continues the run about a minute later. Each pass is idempotent, so a pass cut short by
 * the limit is simply done again.
 */
import type { RowSpan } from './selection';

type Properties = GoogleAppsScript.Properties.Properties;

export const CURSOR_PROPERTY = 'shipsheet.cursor';
export const CONTINUE_HANDLER = 'continueRun';
const CONTINUE_PREFIX = 'shipsheet.continue.';

/** Defaults: passes of 50,000 order rows; stop starting passes after 4.5 minutes (of the 6). */
export const DEFAULT_ROWS_PER_PASS = 50000;
export const DEFAULT_TIME_BUDGET_MS = 270000;
/**
 * A continuation fires about a minute after its cursor is saved and runs at most six minutes, so a cursor
 * older than this belongs to a run that finished where the cursor could not be cleared (a trigger may not
 * reach document properties) or that died; it no longer blocks new runs.
 */
const STALE_MS = 10 * 60 * 1000;

export interface Cursor {
  readonly action: string;
  /** The first Orders row of the next pass. */
  readonly nextRow: number;
  readonly lastRow: number;
  readonly spans: readonly RowSpan[] | null;
  readonly passes: number;
  readonly rowsChanged: number;
  readonly problems: number;
  readonly startedAt: string;
  readonly savedAt: number;
  readonly spreadsheetId: string;
  /** Who started the run (their trigger continues it). */
  readonly user: string;
}

export interface Tuning {
  readonly rowsPerPass: number;
  readonly timeBudgetMs: number;
}

/** Pass size and time budget, adjustable per spreadsheet (document properties) for very wide sheets. */
export function tuning(props: Properties | null): Tuning {
  const n = (key: string, fallback: number): number => {
    const v = Number(props?.getProperty(key) ?? '');
    return Number.isFinite(v) && v >= 0 && (props?.getProperty(key) ?? '') !== '' ? v : fallback;
  };
  return {
    rowsPerPass: Math.max(1, Math.floor(n('shipsheet.rowsPerPass', DEFAULT_ROWS_PER_PASS))),
    timeBudgetMs: n('shipsheet.timeBudgetMs', DEFAULT_TIME_BUDGET_MS),
  };
}

export function loadCursor(props: Properties | null, now: number): Cursor | null {
  const raw = props?.getProperty(CURSOR_PROPERTY);
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as Cursor;
    return now - c.savedAt > STALE_MS ? null : c;
  } catch {
    return null;
  }
}

/** True while the user's own continuation trigger for a run is still waiting to fire. */
export function continuationScheduled(): boolean {
  return ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === CONTINUE_HANDLER);
}

export function clearCursor(props: Properties | null): void {
  props?.deleteProperty(CURSOR_PROPERTY);
}

/** Save where to go on from and schedule the one-off trigger that does it. */
export function scheduleContinuation(
  docProps: Properties | null,
  userProps: Properties,
  cursor: Cursor,
): void {
  const json = JSON.stringify(cursor);
  docProps?.setProperty(CURSOR_PROPERTY, json);
  const trigger = ScriptApp.newTrigger(CONTINUE_HANDLER)
    .timeBased()
    .after(60 * 1000)
    .create();
  // A time-driven trigger has no active spreadsheet: remember which one (and the cursor) for it.
  userProps.setProperty(CONTINUE_PREFIX + trigger.getUniqueId(), json);
}

/** The cursor a continuation trigger was made for; the trigger itself is deleted (it was one-off). */
export function takeContinuation(userProps: Properties, triggerUid: string | undefined): Cursor | null {
  for (const t of ScriptApp.getProjectTriggers())
    if (
      t.getHandlerFunction() === CONTINUE_HANDLER &&
      (triggerUid === undefined || t.getUniqueId() === triggerUid)
    )
      ScriptApp.deleteTrigger(t);
  if (triggerUid === undefined) return null;
  const raw = userProps.getProperty(CONTINUE_PREFIX + triggerUid);
  userProps.deleteProperty(CONTINUE_PREFIX + triggerUid);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Cursor;
  } catch {
    return null;
  }
}
