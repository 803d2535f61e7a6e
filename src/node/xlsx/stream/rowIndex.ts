/**
 * Where each row of a sheet lies in its XML (row number, byte start and end, in document order), kept from
 * the first pass so the rewrite copies the rows it leaves alone as bytes without finding or decoding them.
 * Typed arrays: 20 bytes a row, a million rows in 20 MB and no objects for the collector to trace.
 */
export class RowIndex {
  r = new Int32Array(1024);
  start = new Float64Array(1024);
  end = new Float64Array(1024);
  length = 0;

  push(r: number, start: number, end: number): void {
    if (this.length === this.r.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.r = grow(this.r, (n) => new Int32Array(n));
      this.start = grow(this.start, (n) => new Float64Array(n));
      this.end = grow(this.end, (n) => new Float64Array(n));
    }
    this.r[this.length] = r;
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.length++;
  }
}
