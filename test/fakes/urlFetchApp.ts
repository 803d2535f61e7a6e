/**
 * A fake of UrlFetchApp: a request goes to the fake server registered for its origin (an in-process stand-in for
 * Amazon's or a carrier's servers, answering as a pure function of the request, since UrlFetchApp is synchronous
 * and a socket is not), and nowhere else: any other host fails as an unreachable one does. It behaves as Google
 * documents: the `script.external_request` scope is required, the body's type comes from `contentType`
 * (a form by default), methods in either case, an HTTP error throws "Request failed …" unless
 * muteHttpExceptions is set. Every call is counted; every request is kept.
 */
import type { CallLog } from './calls';
import { tracked } from './calls';
import { GoogleError } from './spreadsheetApp';

export interface FetchedRequest {
  readonly method: string;
  readonly url: string;
  /** Lower-case names, as a server sees them. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface FetchedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export type FakeServer = (request: FetchedRequest) => FetchedResponse;

const EXTERNAL_REQUEST = 'https://www.googleapis.com/auth/script.external_request';

interface Options {
  method?: string;
  headers?: Record<string, string>;
  payload?: string | number[];
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
}

export class FakeUrlFetchApp {
  readonly servers = new Map<string, FakeServer>();
  readonly requests: FetchedRequest[] = [];

  constructor(private readonly scopes: () => readonly string[]) {}

  /** Requests to `origin` (scheme://host[:port]) are answered by `server`. */
  serve(origin: string, server: FakeServer): void {
    this.servers.set(new URL(origin).origin, server);
  }

  fetch(url: string, options: Options = {}): FetchedResponse {
    if (!this.scopes().includes(EXTERNAL_REQUEST))
      throw new GoogleError(
        `You do not have permission to call UrlFetchApp.fetch. Required permissions: ${EXTERNAL_REQUEST}`,
      );
    const method = (options.method ?? 'get').toUpperCase();
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method))
      throw new GoogleError(`Invalid argument: method (${options.method})`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new GoogleError(`Invalid argument: ${url}`);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = String(v);
    let body = '';
    if (options.payload !== undefined) {
      if (method === 'GET') throw new GoogleError('Invalid argument: payload (a GET request has no body)');
      body =
        typeof options.payload === 'string'
          ? options.payload
          : Buffer.from(options.payload.map((b) => b & 0xff)).toString('utf8');
      headers['content-type'] = options.contentType ?? 'application/x-www-form-urlencoded';
    }
    const request: FetchedRequest = { method, url, headers, body };
    this.requests.push(request);
    const server = this.servers.get(parsed.origin);
    if (!server) throw new GoogleError(`Address unavailable: ${url}`);
    const response = server(request);
    if (response.status >= 400 && !options.muteHttpExceptions)
      throw new GoogleError(
        `Request failed for ${parsed.origin} returned code ${response.status}. Truncated server response: ${response.body.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
      );
    return response;
  }

  global(calls: CallLog): object {
    const wrap = (r: FetchedResponse) =>
      tracked(
        {
          getResponseCode: () => r.status,
          getContentText: (charset?: string) => {
            if (charset && !/^utf-?8$/i.test(charset))
              throw new GoogleError(`Unsupported charset: ${charset}`);
            return r.body;
          },
          getAllHeaders: () => ({ ...r.headers }),
          getHeaders: () => ({ ...r.headers }),
        },
        calls,
        'UrlFetchApp',
        'HTTPResponse',
      );
    return tracked(
      { fetch: (url: string, options?: Options) => wrap(this.fetch(url, options)) },
      calls,
      'UrlFetchApp',
      'UrlFetchApp',
    );
  }
}
