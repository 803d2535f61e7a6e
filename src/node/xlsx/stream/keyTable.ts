/**
 * Row keys → a small integer, off the JS heap: an open-addressing hash table over typed arrays with the keys'
 * UTF-8 bytes in one buffer. An import of a million rows holds a million keys; as a Map of strings they are
 * ~90 MB of heap that V8 lets grow to ~3x before it collects (the peak RSS of the import was mostly that),
 * here they are ~35 MB of buffers that no collection traces.
 */
export class KeyTable {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private starts = new Uint32Array(1024);
  private ends = new Uint32Array(1024);
  private hashes = new Int32Array(1024);
  private values = new Int32Array(1024);
  private count = 0;
  /** Entry index + 1 per slot (0: empty); capacity a power of two, at most half full. */
  private slots = new Int32Array(2048);
  private scratch = Buffer.allocUnsafe(256);
  private scratchLength = 0;

  get size(): number {
    return this.count;
  }

  /** The key's value, or undefined. */
  get(key: string): number | undefined {
    const hash = this.encode(key);
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const e = this.slots[at] - 1;
      if (e < 0) return undefined;
      if (this.hashes[e] === hash && this.same(e)) return this.values[e];
    }
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets the key's value (a 32-bit integer), adding the key when it is new. */
  set(key: string, value: number): void {
    const hash = this.encode(key);
    const mask = this.slots.length - 1;
    let at = hash & mask;
    for (; ; at = (at + 1) & mask) {
      const e = this.slots[at] - 1;
      if (e < 0) break;
      if (this.hashes[e] === hash && this.same(e)) {
        this.values[e] = value;
        return;
      }
    }
    if (this.count === this.starts.length) this.growEntries();
    const n = this.scratchLength;
    if (n > this.bytes.length - this.used) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + n));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.scratch.copy(this.bytes, this.used, 0, n);
    const e = this.count++;
    this.starts[e] = this.used;
    this.used += n;
    this.ends[e] = this.used;
    this.hashes[e] = hash;
    this.values[e] = value;
    this.slots[at] = e + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  /** The key's UTF-8 bytes into `scratch`, and their hash (FNV-1a). */
  private encode(key: string): number {
    if (key.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafe(key.length * 3);
    const n = this.scratch.write(key, 0, 'utf8');
    this.scratchLength = n;
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ this.scratch[i], 0x01000193);
    return h;
  }

  private same(e: number): boolean {
    const start = this.starts[e];
    const n = this.scratchLength;
    if (this.ends[e] - start !== n) return false;
    for (let i = 0; i < n; i++) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  private growEntries(): void {
    const n = this.starts.length * 2;
    const grow = <T extends Uint32Array | Int32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts, new Uint32Array(n));
    this.ends = grow(this.ends, new Uint32Array(n));
    this.hashes = grow(this.hashes, new Int32Array(n));
    this.values = grow(this.values, new Int32Array(n));
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let at = this.hashes[e] & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = e + 1;
    }
    this.slots = slots;
  }
}
