/** Counting what the report leaves out, by source and kind, so the notes say how much and why. */
import type { LeftOut } from './settlementReport';

export class LeftOutCounter {
  private readonly counts = new Map<
    string,
    { source: string; what: string; reason: string; count: number }
  >();

  add(source: string, what: string, reason: string, count = 1): void {
    const key = `${source}\u0000${what}`;
    const entry = this.counts.get(key);
    if (entry) entry.count += count;
    else this.counts.set(key, { source, what, reason, count });
  }

  addAll(items: readonly LeftOut[]): void {
    for (const i of items) this.add(i.source, i.what, i.reason, i.count);
  }

  list(): LeftOut[] {
    return [...this.counts.values()];
  }
}
