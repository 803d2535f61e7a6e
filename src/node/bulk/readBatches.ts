/**
 * An object stream read as arrays of what it has buffered, instead of one awaited step per object: a CSV file's
 * million records then cost a few hundred awaits, not a million (csv-parse emits a whole input chunk's records
 * at once). Errors and early exits behave as with `for await` on the stream: the error is thrown (a stream
 * closed before its end is one too), and the stream is destroyed when the reader stops.
 */
import type { Readable } from 'node:stream';

export async function* readBatches<T>(stream: Readable, max = 4096): AsyncGenerator<T[]> {
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onError = (e: Error) => {
    failure = e;
    notify();
  };
  stream.on('readable', notify);
  stream.on('end', notify);
  stream.on('close', notify);
  stream.on('error', onError);
  const failed = (): Error | null => failure ?? (stream.errored as Error | null) ?? null;
  try {
    for (;;) {
      const e = failed();
      if (e) throw e;
      const batch: T[] = [];
      while (batch.length < max) {
        const item = stream.read() as T | null;
        if (item === null) break;
        batch.push(item);
      }
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      const late = failed();
      if (late) throw late;
      if (stream.readableEnded) return;
      if (stream.destroyed) throw new Error('the stream was closed before its end');
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('readable', notify);
    stream.off('end', notify);
    stream.off('close', notify);
    stream.off('error', onError);
    if (!stream.destroyed) stream.destroy();
  }
}
