/** Counting calls to the fake Apps Script services, as quotas and the benchmark count them. */

export class CallLog {
  private readonly counts = new Map<string, number>();

  count(service: string, method: string): void {
    this.counts.set(service, (this.counts.get(service) ?? 0) + 1);
    const key = `${service}:${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls to a service (`SpreadsheetApp`), or to one method (`SpreadsheetApp:Range.setValues`). */
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Every method called on a service, with its count, for messages and the benchmark. */
  methods(service: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of this.counts) if (k.startsWith(`${service}:`)) out[k.slice(service.length + 1)] = v;
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}

/**
 * Wrap an object so that every method call on it is counted as `service:Type.method`. The real services
 * are reached only through such calls, so this is what a quota or a latency budget sees.
 */
export function tracked<T extends object>(target: T, calls: CallLog, service: string, type: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (
        typeof value !== 'function' ||
        typeof prop === 'symbol' ||
        prop === 'constructor' ||
        prop.startsWith('_')
      )
        return value;
      return (...args: unknown[]) => {
        calls.count(service, `${type}.${prop}`);
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}
