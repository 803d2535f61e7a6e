/** The googleapis Sheets client as Shipsheet uses it: a configurable API root and one retry policy (ours). */
import { sheets } from '@googleapis/sheets';
import type { sheets_v4 } from '@googleapis/sheets';
import type { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { GoogleSheetError } from './sheetsError';

export const DEFAULT_SHEETS_ROOT_URL = 'https://sheets.googleapis.com/';

/** `SHIPSHEET_SHEETS_ROOT_URL`, for private endpoints, proxies and tests; googleapis needs the trailing slash. */
export function sheetsRootUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.SHIPSHEET_SHEETS_ROOT_URL?.trim();
  if (!raw) return DEFAULT_SHEETS_ROOT_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new GoogleSheetError(
      `SHIPSHEET_SHEETS_ROOT_URL=${raw} is not a URL (e.g. https://sheets.googleapis.com/)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new GoogleSheetError(`SHIPSHEET_SHEETS_ROOT_URL must be an http(s) URL, not ${url.protocol}`);
  return url.toString().endsWith('/') ? url.toString() : `${url.toString()}/`;
}

export interface SheetsClientOptions {
  /** An OAuth2Client (tokens, service-account JWT, user refresh) or a GoogleAuth (ADC). */
  readonly auth: OAuth2Client | GoogleAuth;
  readonly rootUrl?: string;
  /** Per-request timeout (default 120 s: a 50,000-row batchGet answer is tens of MB). */
  readonly timeoutMs?: number;
}

/** For the auth clients' own requests (token refresh, sign-in): the same fetch as the API calls. */
export const nodeFetch = globalThis.fetch as unknown as NonNullable<sheets_v4.Options['fetchImplementation']>;

export function sheetsClient(options: SheetsClientOptions): sheets_v4.Sheets {
  return sheets({
    version: 'v4',
    auth: options.auth,
    rootUrl: options.rootUrl ?? DEFAULT_SHEETS_ROOT_URL,
    // Retries are ours (withRetry: jitter, POST included, bounded); gaxios' own would multiply them.
    retry: false,
    timeout: options.timeoutMs ?? 120000,
    // Node's own fetch: gaxios otherwise loads node-fetch by a dynamic import, which some hosts (jest's VM) refuse.
    fetchImplementation: nodeFetch,
  });
}
