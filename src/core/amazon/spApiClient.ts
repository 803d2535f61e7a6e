/**
 * Calls to the Selling Partner API: the access token (or a Restricted Data Token) in `x-amz-access-token`,
 * retries with backoff on 429 and 5xx (honouring the operation's documented rate), one token refresh on 401/403.
 */
import type { HttpPort, HttpRequest, HttpResponse } from '../http/httpPort';
import type { AccessTokenSource } from './lwaToken';
import { parseErrorResponse, spApiError } from './spApiError';

export interface SpApiCall {
  /** Operation name for messages and rate limits, e.g. `getOrders`. */
  readonly operation: string;
  readonly method: HttpRequest['method'];
  /** Path below the endpoint, e.g. `/orders/v0/orders`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A Restricted Data Token to use instead of the access token (operations returning buyer PII). */
  readonly restrictedDataToken?: string;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Documented default rates (requests per second) of the operations Shipsheet uses, for spacing retries. */
export const OPERATION_RATES: Readonly<Record<string, number>> = {
  getOrders: 0.0167,
  getOrderItems: 0.5,
  confirmShipment: 2,
  createRestrictedDataToken: 1,
  getRates: 80,
  purchaseShipment: 80,
  cancelShipment: 80,
  getTracking: 80,
  createFeedDocument: 0.5,
  createFeed: 0.0083,
  getFeed: 2,
  getFeedDocument: 0.0222,
};

export interface SpApiClientOptions {
  readonly endpoint: string;
  readonly http: HttpPort;
  readonly tokens: AccessTokenSource;
  /** Waits between retries (setTimeout on Node, Utilities.sleep in Apps Script; instant in tests). */
  readonly sleep: (ms: number) => Promise<void>;
  /** 0 ≤ random < 1, for jitter (pass a seeded one in tests). */
  readonly random?: () => number;
  readonly retry?: RetryPolicy;
  readonly userAgent?: string;
}

export class SpApiClient {
  /** Requests sent, retries included (for tests and benchmarks). */
  sent = 0;

  constructor(private readonly options: SpApiClientOptions) {}

  /** Send a call and return its parsed JSON body; an error after the retries is thrown as an SpApiError value. */
  async call<T>(call: SpApiCall): Promise<T> {
    const retry = this.options.retry ?? DEFAULT_RETRY;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const token = call.restrictedDataToken ?? (await this.options.tokens.get());
      const response = await this.send(call, token);
      if (response.status >= 200 && response.status < 300)
        return (response.body === '' ? {} : JSON.parse(response.body)) as T;
      const error = parseErrorResponse(response, call.operation);
      if (
        (response.status === 401 || response.status === 403) &&
        !refreshed &&
        !call.restrictedDataToken &&
        /expired|token/i.test(`${error.code} ${error.message}`)
      ) {
        this.options.tokens.invalidate();
        refreshed = true;
        continue;
      }
      if (!error.retryable || attempt >= retry.maxAttempts) {
        if (error.retryable)
          throw spApiError(
            error.code,
            `${error.message} (gave up after ${attempt} attempts)`,
            error.status,
            error.details,
          );
        throw error;
      }
      await this.options.sleep(this.delay(call.operation, attempt, response, retry));
    }
  }

  /** Exponential backoff with full jitter, never shorter than the operation's rate allows, nor than Retry-After. */
  private delay(operation: string, attempt: number, response: HttpResponse, retry: RetryPolicy): number {
    const random = this.options.random ?? Math.random;
    const exp = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    const jittered = exp / 2 + random() * (exp / 2);
    const limitHeader = Number(header(response, 'x-amzn-ratelimit-limit'));
    const rate = Number.isFinite(limitHeader) && limitHeader > 0 ? limitHeader : OPERATION_RATES[operation];
    const spacing = rate ? Math.min(retry.maxDelayMs * 4, 1000 / rate) : 0;
    const retryAfter = Number(header(response, 'retry-after')) * 1000;
    return Math.max(jittered, spacing, Number.isFinite(retryAfter) ? retryAfter : 0);
  }

  private async send(call: SpApiCall, token: string): Promise<HttpResponse> {
    this.sent++;
    const headers: Record<string, string> = {
      'x-amz-access-token': token,
      accept: 'application/json',
      'user-agent': this.options.userAgent ?? 'Shipsheet/0.1 (Language=TypeScript)',
      ...(call.headers ?? {}),
    };
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    return this.options.http.send({
      method: call.method,
      url: this.options.endpoint.replace(/\/$/, '') + call.path + queryString(call.query),
      headers,
      body,
    });
  }
}

function header(response: HttpResponse, name: string): string | undefined {
  const key = Object.keys(response.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : response.headers[key];
}

/** `?A=1&B=x,y` with lists comma-joined as SP-API expects. */
export function queryString(query: SpApiCall['query']): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    const value = typeof v === 'string' ? v : v.join(',');
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(value)}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
