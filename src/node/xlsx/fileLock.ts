/** One Shipsheet run per workbook file: a lock file beside it, stale locks of dead processes cleared. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class WorkbookBusyError extends Error {}

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  command: string;
}

export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.shipsheet-lock`);
}

/** Take the lock or throw a WorkbookBusyError that says who holds it. Returns the release function. */
export function acquireLock(file: string, now: Date = new Date()): () => void {
  const lockPath = lockPathFor(file);
  const info: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    since: now.toISOString(),
    command: process.argv.slice(2).join(' '),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const held = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
          if (held.pid === info.pid && held.since === info.since) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
        process.removeListener('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readLock(lockPath);
      if (held && held.host === os.hostname() && !isAlive(held.pid)) {
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      const who = held
        ? `process ${held.pid} on ${held.host} since ${held.since}${held.command ? ` (shipsheet ${held.command})` : ''}`
        : 'another process';
      throw new WorkbookBusyError(
        `${file} is in use by another Shipsheet run: ${who}. Wait for it to finish; if no run is going, delete ${lockPath}.`,
      );
    }
  }
  throw new WorkbookBusyError(`${file}: could not take the lock ${lockPath}.`);
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
