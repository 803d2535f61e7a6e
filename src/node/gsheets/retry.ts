/**
 * Retrying Sheets API calls on quota (429) and server (5xx) errors and dropped connections: exponential
 * backoff with jitter, as Google's quota guide asks, bounded in attempts and in total time, then a clear error.
 * (gaxios has its own retry, but without jitter and not for POST; it is turned off so there is one policy.)
 */

export interface RetryPolicy {
  /** Attempts in all, the first included (default 8: about 95 s of waiting at worst with the defaults). */
  readonly maxAttempts?: number;
  /** The first wait (default 1000 ms); each next one doubles. */
  readonly baseDelayMs?: number;
  /** No single wait is longer (default 32 s, Google's suggested maximum backoff). */
  readonly maxDelayMs?: number;
  /** Give up when the next wait would pass this total (default 120 s). */
  readonly maxElapsedMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ random() < 1, for the jitter (tests pass a fixed one). */
  readonly random?: () => number;
  readonly now?: () => number;
  /** Called before each wait, e.g. to tell a person why the run pauses. */
  readonly onRetry?: (info: { what: string; attempt: number; delayMs: number; reason: string }) => void;
}

export class RetriesExhaustedError extends Error {
  constructor(
    message: string,
    readonly lastError: unknown,
    readonly attempts: number,
  ) {
    super(message);
  }
}

interface HttpishError {
  status?: number;
  code?: string | number;
  response?: { status?: number; headers?: unknown; data?: unknown };
}

export function statusOf(e: unknown): number | undefined {
  const err = e as HttpishError;
  const s = err?.response?.status ?? err?.status ?? (typeof err?.code === 'number' ? err.code : undefined);
  return typeof s === 'number' ? s : undefined;
}

/** Google's error reason (`rateLimitExceeded`, …) from an error body `{error: {errors: [{reason}]}}`. */
function reasonOf(e: unknown): string | undefined {
  const data = (e as HttpishError)?.response?.data as
    { error?: { errors?: { reason?: string }[]; status?: string } } | undefined;
  return data?.error?.errors?.[0]?.reason ?? data?.error?.status;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'ECONNABORTED',
]);

/** Why an error is worth another try, or null when retrying cannot help (bad request, no permission). */
export function retryReason(e: unknown): string | null {
  const status = statusOf(e);
  if (status === 429) return 'quota exceeded (429)';
  if (status !== undefined && status >= 500 && status <= 599) return `server error (${status})`;
  if (status === 408) return 'request timeout (408)';
  if (status === 403) {
    const r = reasonOf(e);
    if (r === 'rateLimitExceeded' || r === 'userRateLimitExceeded') return `quota exceeded (403 ${r})`;
    return null;
  }
  if (status !== undefined) return null;
  const code = (e as HttpishError)?.code;
  const cause = (e as { cause?: { code?: string } })?.cause?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return `network error (${code})`;
  if (typeof cause === 'string' && NETWORK_CODES.has(cause)) return `network error (${cause})`;
  if (/socket hang up|fetch failed|network|terminated/i.test(String((e as Error)?.message)))
    return 'network error';
  return null;
}

function retryAfterMs(e: unknown): number | undefined {
  const headers = (e as HttpishError)?.response?.headers;
  let v: unknown;
  if (headers && typeof (headers as Headers).get === 'function') v = (headers as Headers).get('retry-after');
  else if (headers && typeof headers === 'object') v = (headers as Record<string, unknown>)['retry-after'];
  if (v === null || v === undefined || String(v).trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n * 1000 : undefined;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The wait before retry number `attempt` (1-based): base·2^(attempt-1) plus up to one base of jitter. */
export function backoffDelay(attempt: number, policy: RetryPolicy = {}, random = Math.random): number {
  const base = policy.baseDelayMs ?? 1000;
  const max = policy.maxDelayMs ?? 32000;
  return Math.min(max, base * 2 ** (attempt - 1) + Math.floor(random() * base));
}

/**
 * Run `call`, retrying what `retryReason` allows. `onRetryable` runs after each retryable failure, before the
 * wait, so a caller can note that an earlier attempt may have been applied (a timeout, a 5xx after commit).
 */
export async function withRetry<T>(
  what: string,
  call: () => Promise<T>,
  policy: RetryPolicy = {},
): Promise<T> {
  const maxAttempts = policy.maxAttempts ?? 8;
  const maxElapsed = policy.maxElapsedMs ?? 120000;
  const sleep = policy.sleep ?? defaultSleep;
  const random = policy.random ?? Math.random;
  const now = policy.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const reason = retryReason(e);
      if (reason === null) throw e;
      const wait = Math.min(
        policy.maxDelayMs ?? 32000,
        retryAfterMs(e) ?? backoffDelay(attempt, policy, random),
      );
      const elapsed = now() - started;
      if (attempt >= maxAttempts || elapsed + wait > maxElapsed) {
        throw new RetriesExhaustedError(
          `${what}: Google Sheets kept failing with ${reason} after ${attempt} attempt${attempt > 1 ? 's' : ''} over ${Math.round(elapsed / 1000)} s. ` +
            (reason.startsWith('quota')
              ? 'The Sheets API allows 60 requests a minute per user: wait a minute and run it again.'
              : 'Try again later.'),
          e,
          attempt,
        );
      }
      policy.onRetry?.({ what, attempt, delayMs: wait, reason });
      await sleep(wait);
    }
  }
}
