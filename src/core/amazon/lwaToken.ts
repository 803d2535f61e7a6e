/** Login with Amazon: refresh-token grant for an SP-API access token, cached until shortly before it expires. */
import type { HttpPort, HttpRequest, HttpResponse } from '../http/httpPort';
import { spApiError } from './spApiError';
import type { SpApiError } from './spApiError';

export interface LwaCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export interface AccessToken {
  readonly value: string;
  /** Epoch milliseconds after which the token must not be used. */
  readonly expiresAt: number;
}

/** Refresh this long before the stated expiry, so a token never expires in flight. */
const EXPIRY_MARGIN_MS = 60_000;

export function buildTokenRequest(credentials: LwaCredentials, endpoint: string): HttpRequest {
  const form = formEncode({
    grant_type: 'refresh_token',
    refresh_token: credentials.refreshToken,
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  return {
    method: 'POST',
    url: endpoint,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: form,
  };
}

export function parseTokenResponse(
  response: HttpResponse,
  nowMs: number,
): { ok: true; token: AccessToken } | { ok: false; error: SpApiError } {
  let body: { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };
  try {
    body = JSON.parse(response.body) as typeof body;
  } catch {
    return {
      ok: false,
      error: spApiError(
        'LwaError',
        `Login with Amazon answered ${response.status} with a body that is not JSON`,
        response.status,
      ),
    };
  }
  if (response.status !== 200 || typeof body.access_token !== 'string') {
    const what =
      typeof body.error_description === 'string'
        ? body.error_description
        : typeof body.error === 'string'
          ? body.error
          : `status ${response.status}`;
    return {
      ok: false,
      error: spApiError('LwaError', `Login with Amazon refused the refresh token: ${what}`, response.status),
    };
  }
  const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  return {
    ok: true,
    token: { value: body.access_token, expiresAt: nowMs + seconds * 1000 - EXPIRY_MARGIN_MS },
  };
}

/** Hands out a valid access token, asking Login with Amazon only when the cached one is near its expiry. */
export class AccessTokenSource {
  private token: AccessToken | null = null;

  constructor(
    private readonly credentials: LwaCredentials,
    private readonly endpoint: string,
    private readonly http: HttpPort,
    private readonly clock: () => number,
  ) {}

  async get(): Promise<string> {
    if (this.token && this.clock() < this.token.expiresAt) return this.token.value;
    const response = await this.http.send(buildTokenRequest(this.credentials, this.endpoint));
    const parsed = parseTokenResponse(response, this.clock());
    if (!parsed.ok) throw parsed.error;
    this.token = parsed.token;
    return parsed.token.value;
  }

  /** Forget the cached token (the API said it expired or was revoked). */
  invalidate(): void {
    this.token = null;
  }
}

/** `a=1&b=x%20y` (URLSearchParams is not there in Apps Script, so the core encodes by hand). */
export function formEncode(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}
