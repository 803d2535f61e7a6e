/**
 * Records parked on disk between the passes of a streaming import (a million rows of a file would not fit
 * in memory as objects): appended as JSON lines, read back in order or at an offset.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class Spool {
  private readonly file: string;
  private readonly fd: number;
  private written = 0;
  /** Lines not written yet, encoded straight into this buffer (no join, no second copy). */
  private pending = Buffer.allocUnsafe(1 << 20);
  private pendingLength = 0;
  private backing: Buffer = Buffer.alloc(256 * 1024);
  private cache: Buffer = Buffer.alloc(0);
  private cacheAt = -1;

  constructor(label: string) {
    this.file = path.join(
      os.tmpdir(),
      `shipsheet-${label}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.spool`,
    );
    this.fd = fs.openSync(this.file, 'w+', 0o600);
    // Unlinked while open (POSIX): the data lives as long as the descriptor, so even a killed run leaves no
    // spool behind. Windows refuses to unlink an open file; there it is removed by close().
    try {
      fs.unlinkSync(this.file);
      this.unlinked = true;
    } catch {
      // removed on close
    }
  }

  private unlinked = false;

  /** Bytes pushed so far. */
  get size(): number {
    return this.written + this.pendingLength;
  }

  /** Park a line; returns where it starts (its byte length comes with it). */
  push(line: string): { offset: number; length: number } {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (line.length * 3 + 1 > this.pending.length - this.pendingLength) {
      this.flush();
      if (line.length * 3 + 1 > this.pending.length) this.pending = Buffer.allocUnsafe(line.length * 3 + 1);
    }
    const offset = this.written + this.pendingLength;
    const n = this.pending.write(line, this.pendingLength, 'utf8');
    this.pending[this.pendingLength + n] = 10;
    this.pendingLength += n + 1;
    return { offset, length: n + 1 };
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    fs.writeSync(this.fd, this.pending, 0, this.pendingLength, this.written);
    this.written += this.pendingLength;
    this.pendingLength = 0;
  }

  /** The line at `offset` (reads ahead when the reads go in order, as they do for a file sorted like the sheet). */
  at(offset: number, length: number): string {
    this.flush();
    if (this.cacheAt < 0 || offset < this.cacheAt || offset + length > this.cacheAt + this.cache.length) {
      const size = Math.max(length, 256 * 1024);
      if (this.backing.length < size) this.backing = Buffer.alloc(size);
      const n = fs.readSync(this.fd, this.backing, 0, size, offset);
      this.cache = this.backing.subarray(0, n);
      this.cacheAt = offset;
    }
    const start = offset - this.cacheAt;
    return this.cache.toString('utf8', start, start + length - 1);
  }

  /** Every line, in the order pushed. */
  *lines(): Generator<string> {
    this.flush();
    const block = Buffer.alloc(1 << 20);
    let carry = '';
    for (let at = 0; at < this.written;) {
      const n = fs.readSync(this.fd, block, 0, block.length, at);
      at += n;
      // Cut at the last newline byte so a multi-byte character is never split.
      const cut = block.subarray(0, n).lastIndexOf(10);
      if (cut < 0) {
        carry += block.toString('utf8', 0, n);
        continue;
      }
      const text = carry + block.toString('utf8', 0, cut + 1);
      carry = block.toString('utf8', cut + 1, n);
      const parts = text.split('\n');
      parts.pop();
      for (const p of parts) yield p;
    }
  }

  /** Every byte pushed, in order, in blocks (rows parked as finished XML are copied out this way). */
  *bytes(): Generator<Buffer> {
    this.flush();
    for (let at = 0; at < this.written;) {
      const block = Buffer.allocUnsafe(Math.min(1 << 20, this.written - at));
      const n = fs.readSync(this.fd, block, 0, block.length, at);
      if (n <= 0) throw new Error('spool file truncated');
      at += n;
      yield n === block.length ? block : block.subarray(0, n);
    }
  }

  close(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    if (!this.unlinked) fs.rmSync(this.file, { force: true });
  }
}
