/**
 * A run's lock on a Google Sheet, like the .xlsx lock file: a hidden sheet named `shipsheet-lock`. Adding a
 * sheet whose name exists fails, and a batchUpdate is atomic, so creating it is a test-and-set on Google's
 * side. A lock older than `staleMs` (a crashed run) is taken over; the add-on's LockService lock is separate.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { quoteSheetName } from './a1';
import { findSheet } from './sheetMeta';
import type { SheetMeta } from './sheetMeta';
import { GoogleSheetError } from './sheetsError';

export const LOCK_TITLE = 'shipsheet-lock';

export interface LockHolder {
  readonly owner: string;
  /** ms since the epoch */
  readonly at: number;
  /** Random: tells this run's lock from another's with the same owner. */
  readonly token: string;
}

/** What the lock needs from the workbook: its API calls, with retries and error messages already applied. */
export interface LockApi {
  readonly label: string;
  batchUpdate(what: string, requests: sheets_v4.Schema$Request[], onRetry?: () => void): Promise<unknown>;
  meta(): Promise<SheetMeta[]>;
  readCell(range: string): Promise<unknown>;
  newSheetId(meta: readonly SheetMeta[]): number;
}

/** A user error (exit 2): the CLI prints it without a stack trace. */
export class SheetLockedError extends GoogleSheetError {}

function addLockRequests(sheetId: number, holder: LockHolder): sheets_v4.Schema$Request[] {
  return [
    {
      addSheet: {
        properties: {
          sheetId,
          title: LOCK_TITLE,
          hidden: true,
          gridProperties: { rowCount: 1, columnCount: 1 },
        },
      },
    },
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: [{ values: [{ userEnteredValue: { stringValue: JSON.stringify(holder) } }] }],
        fields: 'userEnteredValue',
      },
    },
  ];
}

function parseHolder(value: unknown): LockHolder | null {
  try {
    const h = JSON.parse(String(value)) as Partial<LockHolder>;
    return typeof h.owner === 'string' && typeof h.at === 'number' && typeof h.token === 'string'
      ? (h as LockHolder)
      : null;
  } catch {
    return null;
  }
}

/** Take the lock (one batchUpdate when the sheet is free); resolves to the function that releases it. */
export async function acquireSheetLock(
  api: LockApi,
  holder: LockHolder,
  options: { staleMs?: number } = {},
): Promise<() => Promise<void>> {
  const staleMs = options.staleMs ?? 30 * 60_000;
  const sheetId = api.newSheetId([]);
  let unsure = false;
  try {
    await api.batchUpdate('taking the lock', addLockRequests(sheetId, holder), () => (unsure = true));
  } catch (e) {
    // The lock sheet exists: another run's, a crashed run's, or ours (an attempt whose answer was lost).
    const meta = await api.meta();
    const existing = findSheet(meta, LOCK_TITLE);
    if (!existing) throw e;
    const current = parseHolder(await api.readCell(`${quoteSheetName(existing.title)}!A1`));
    if (unsure && current?.token === holder.token) return releaser(api, existing.sheetId);
    if (current && holder.at - current.at < staleMs) {
      const minutes = Math.max(0, Math.round((holder.at - current.at) / 60_000));
      throw new SheetLockedError(
        `${api.label} is in use by another Shipsheet run (${current.owner}, started ${minutes} min ago), so nothing was done. ` +
          `Run again when it has finished. If no run is going (one crashed), delete the hidden sheet ${LOCK_TITLE} (View → Hidden sheets), or wait ${Math.round(staleMs / 60_000)} minutes.`,
      );
    }
    // A stale lock: delete exactly the one seen and add ours, atomically (if another run took it over
    // meanwhile, this fails whole and this run is refused).
    const takeOver = api.newSheetId(meta);
    try {
      await api.batchUpdate('taking over a stale lock', [
        { deleteSheet: { sheetId: existing.sheetId } },
        ...addLockRequests(takeOver, holder),
      ]);
    } catch {
      throw new SheetLockedError(
        `${api.label} is in use by another Shipsheet run, so nothing was done. Run again when it has finished.`,
      );
    }
    return releaser(api, takeOver);
  }
  return releaser(api, sheetId);
}

function releaser(api: LockApi, sheetId: number): () => Promise<void> {
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await api.batchUpdate('releasing the lock', [{ deleteSheet: { sheetId } }]);
    } catch {
      // A lock left behind is taken over once stale; the message says how to remove it sooner.
    }
  };
}
