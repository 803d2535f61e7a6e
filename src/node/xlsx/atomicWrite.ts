/** Replace a file so a crash or a full disk never leaves half of it: write beside it, flush, rename. */
import fs from 'node:fs';
import path from 'node:path';

export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.promises.open(tmp, 'wx', await modeOf(file));
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  await renameIntoPlace(tmp, file);
}

/**
 * Move a finished, flushed temp file over `file` (the temp is removed if that fails), then flush the folder so
 * the rename itself survives a crash. `beforeRename` runs just before the rename (tests kill the process there).
 */
export async function renameIntoPlace(
  tmp: string,
  file: string,
  beforeRename?: () => unknown,
): Promise<void> {
  try {
    await beforeRename?.();
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
  const dirHandle = await fs.promises.open(path.dirname(file), 'r').catch(() => null);
  if (dirHandle) {
    await dirHandle.sync().catch(() => undefined);
    await dirHandle.close();
  }
}

async function modeOf(file: string): Promise<number> {
  try {
    return (await fs.promises.stat(file)).mode & 0o777;
  } catch {
    return 0o644;
  }
}

/** Remove temporary files an earlier save left when its process died (their pid is gone). */
export function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}
