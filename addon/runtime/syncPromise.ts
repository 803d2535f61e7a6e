/**
 * A Promise that settles synchronously: `then` callbacks run as soon as the value is there, not on a microtask.
 * Every Apps Script service is synchronous, so with this the core's async workflows finish before the entry
 * function returns, and a menu item, trigger or google.script.run call gets its result without relying on how
 * the Apps Script runtime treats a returned Promise. The build makes it the bundle's `Promise` (see
 * scripts/build-addon.mjs); async functions are lowered to generators so they use it too.
 */
type Settle = (value: unknown) => void;
type State =
  { kind: 'pending' } | { kind: 'fulfilled'; value: unknown } | { kind: 'rejected'; reason: unknown };

function isThenable(v: unknown): v is { then: (f: Settle, r: Settle) => unknown } {
  return (
    (typeof v === 'object' || typeof v === 'function') &&
    v !== null &&
    typeof (v as { then?: unknown }).then === 'function'
  );
}

export class SyncPromise<T = unknown> {
  private state: State = { kind: 'pending' };
  private waiting: (() => void)[] = [];

  constructor(
    executor: (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void,
  ) {
    let done = false;
    const resolve = (value: unknown): void => {
      if (done) return;
      done = true;
      this.adopt(value);
    };
    const reject = (reason: unknown): void => {
      if (done) return;
      done = true;
      this.settle({ kind: 'rejected', reason });
    };
    try {
      executor(resolve, reject);
    } catch (e) {
      reject(e);
    }
  }

  private adopt(value: unknown): void {
    if (value === this) {
      this.settle({ kind: 'rejected', reason: new TypeError('A promise cannot resolve to itself') });
      return;
    }
    if (isThenable(value)) {
      let called = false;
      try {
        value.then(
          (v) => {
            if (!called) {
              called = true;
              this.adopt(v);
            }
          },
          (r) => {
            if (!called) {
              called = true;
              this.settle({ kind: 'rejected', reason: r });
            }
          },
        );
      } catch (e) {
        if (!called) this.settle({ kind: 'rejected', reason: e });
      }
      return;
    }
    this.settle({ kind: 'fulfilled', value });
  }

  private settle(state: State): void {
    if (this.state.kind !== 'pending') return;
    this.state = state;
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w();
  }

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): SyncPromise<A | B> {
    return new SyncPromise<A | B>((resolve, reject) => {
      const run = (): void => {
        const s = this.state;
        try {
          if (s.kind === 'fulfilled') {
            if (onFulfilled) resolve(onFulfilled(s.value as T));
            else resolve(s.value as A);
          } else if (s.kind === 'rejected') {
            if (onRejected) resolve(onRejected(s.reason));
            else reject(s.reason);
          }
        } catch (e) {
          reject(e);
        }
      };
      if (this.state.kind === 'pending') this.waiting.push(run);
      else run();
    });
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): SyncPromise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): SyncPromise<T> {
    return this.then(
      (v) => {
        onFinally?.();
        return v;
      },
      (r) => {
        onFinally?.();
        throw r;
      },
    );
  }

  /** The settled value now: throws the rejection, or an error when the work did not finish synchronously. */
  valueNow(): T {
    const s = this.state;
    if (s.kind === 'fulfilled') return s.value as T;
    if (s.kind === 'rejected') throw s.reason;
    throw new Error('Shipsheet: an action waited for something asynchronous, which Apps Script cannot do.');
  }

  static resolve<V>(value?: V | PromiseLike<V>): SyncPromise<V> {
    if (value instanceof SyncPromise) return value as SyncPromise<V>;
    return new SyncPromise<V>((resolve) => resolve(value as V));
  }

  static reject<V = never>(reason?: unknown): SyncPromise<V> {
    return new SyncPromise<V>((_, reject) => reject(reason));
  }

  static all<V>(values: Iterable<V | PromiseLike<V>>): SyncPromise<Awaited<V>[]> {
    return new SyncPromise<Awaited<V>[]>((resolve, reject) => {
      const list = [...values];
      const out: Awaited<V>[] = new Array(list.length);
      let left = list.length;
      if (left === 0) resolve(out);
      list.forEach((v, i) => {
        SyncPromise.resolve(v).then((x) => {
          out[i] = x as Awaited<V>;
          if (--left === 0) resolve(out);
        }, reject);
      });
    });
  }

  static allSettled<V>(
    values: Iterable<V | PromiseLike<V>>,
  ): SyncPromise<({ status: 'fulfilled'; value: Awaited<V> } | { status: 'rejected'; reason: unknown })[]> {
    return SyncPromise.all(
      [...values].map((v) =>
        SyncPromise.resolve(v).then(
          (value) => ({ status: 'fulfilled' as const, value: value as Awaited<V> }),
          (reason) => ({ status: 'rejected' as const, reason }),
        ),
      ),
    );
  }

  static race<V>(values: Iterable<V | PromiseLike<V>>): SyncPromise<Awaited<V>> {
    return new SyncPromise<Awaited<V>>((resolve, reject) => {
      for (const v of values) SyncPromise.resolve(v).then((x) => resolve(x as Awaited<V>), reject);
    });
  }
}

/** Run an async piece of work to its end now and return its value (or throw its error). */
export function runSync<T>(work: () => PromiseLike<T> | T): T {
  const p = SyncPromise.resolve(work());
  return p.valueNow();
}
