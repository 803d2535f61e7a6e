import { backoffDelay, retryReason, RetriesExhaustedError, withRetry } from '../../../src/node/gsheets/retry';

const httpError = (status: number, data?: unknown) =>
  Object.assign(new Error(`HTTP ${status}`), { status, response: { status, data } });

describe('retry', () => {
  it('retries quota, server and network errors, never bad requests or missing permission', () => {
    expect(retryReason(httpError(429))).toMatch(/quota/);
    expect(retryReason(httpError(503))).toMatch(/server error/);
    expect(retryReason(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toMatch(/network/);
    expect(retryReason(httpError(403, { error: { errors: [{ reason: 'userRateLimitExceeded' }] } }))).toMatch(
      /quota/,
    );
    expect(retryReason(httpError(403, { error: { status: 'PERMISSION_DENIED' } }))).toBeNull();
    expect(retryReason(httpError(400))).toBeNull();
    expect(retryReason(httpError(404))).toBeNull();
  });

  it('backs off exponentially with jitter, capped', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 32000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, policy, () => 0))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 32000,
    ]);
    expect(backoffDelay(1, policy, () => 0.999)).toBe(1999);
  });

  it('stops after the attempts or the time allowed, with the last error kept', async () => {
    let calls = 0;
    let clock = 0;
    const err = await withRetry(
      'reading',
      async () => {
        calls++;
        throw httpError(429);
      },
      { maxElapsedMs: 10_000, random: () => 0, now: () => clock, sleep: async (ms) => void (clock += ms) },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetriesExhaustedError);
    // Waits of 1, 2 and 4 s fit in 10 s; the next (8 s) would not.
    expect(calls).toBe(4);
    expect((err as RetriesExhaustedError).message).toMatch(/reading: .*429.*after 4 attempts/);
  });

  it('returns the first success', async () => {
    let n = 0;
    const got = await withRetry(
      'x',
      async () => {
        if (++n < 3) throw httpError(500);
        return 'ok';
      },
      { sleep: async () => undefined },
    );
    expect([got, n]).toEqual(['ok', 3]);
  });
});
