/**
 * Output of a rewritten sheet gathered into 1 MiB buffers: strings are encoded straight into the buffer and
 * copied bytes go in with one memcpy, so a million rows make a few hundred buffers for the deflater instead of
 * a few million strings and joins.
 */
const SIZE = 1 << 20;

export class ByteSink {
  private buf = Buffer.allocUnsafe(SIZE);
  private n = 0;
  private ready: Buffer[] = [];

  put(s: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (s.length * 3 > SIZE - this.n) {
      this.flush();
      if (s.length * 3 > SIZE) {
        this.ready.push(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.n += this.buf.write(s, this.n, 'utf8');
  }

  putBytes(src: Buffer, from: number, to: number): void {
    const length = to - from;
    if (length <= 0) return;
    if (length > SIZE - this.n) {
      this.flush();
      if (length > SIZE) {
        // Never written to again (the source's buffers are fresh per chunk), so no copy.
        this.ready.push(src.subarray(from, to));
        return;
      }
    }
    src.copy(this.buf, this.n, from, to);
    this.n += length;
  }

  /** True once a full buffer waits to be taken. */
  get full(): boolean {
    return this.ready.length > 0;
  }

  /** The buffers filled so far (all of them with `end`). */
  take(end = false): Buffer[] {
    if (end) this.flush();
    const out = this.ready;
    this.ready = [];
    return out;
  }

  private flush(): void {
    if (this.n === 0) return;
    this.ready.push(this.buf.subarray(0, this.n));
    this.buf = Buffer.allocUnsafe(SIZE);
    this.n = 0;
  }
}
