/**
 * A pass-through stream that fails on bytes that are not valid UTF-8, without decoding them: csv-parse reads
 * the bytes itself, so checking (buffer.isUtf8, native) instead of decoding to text and back saves two copies
 * of every byte. A character split across two chunks is checked whole with the next chunk.
 */
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/** Where a trailing, not yet complete UTF-8 sequence starts (the buffer's length when there is none). */
export function incompleteTail(buf: Uint8Array): number {
  const n = buf.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = buf[i];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead byte
    if (b < 0xc0) return n; // ASCII: nothing is open
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return n - i < length ? i : n;
  }
  return n;
}

export class Utf8Check extends Transform {
  private carry: Buffer | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const whole = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = incompleteTail(whole);
    if (!isUtf8(whole.subarray(0, cut))) return done(new Error('INVALID_UTF8'));
    this.carry = cut < whole.length ? Buffer.from(whole.subarray(cut)) : null;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    done(this.carry ? new Error('INVALID_UTF8') : null);
  }
}
