/**
 * One run at a time per spreadsheet: the document lock (the script lock would make every user of a published
 * add-on wait for each other). A trigger without a document gets null from getDocumentLock(); then the user
 * lock, which at least keeps one person's runs apart.
 */
type Lock = GoogleAppsScript.Lock.Lock;

export const BUSY_MESSAGE =
  'Another Shipsheet run is in progress in this spreadsheet (started by you or by someone else, or a long run continuing). Nothing was changed: try again in a minute.';

/** How long a second run waits for the first before it gives up. */
const WAIT_MS = 5000;

export function acquireLock(): Lock | null {
  const lock = LockService.getDocumentLock() ?? LockService.getUserLock();
  return lock.tryLock(WAIT_MS) ? lock : null;
}

export function withLock<T>(work: () => T, busy: () => T): T {
  const lock = acquireLock();
  if (!lock) return busy();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
