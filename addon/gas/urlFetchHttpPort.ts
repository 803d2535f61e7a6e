/**
 * The core's HttpPort on UrlFetchApp. UrlFetchApp is synchronous, and the bundle's Promise settles synchronously
 * (addon/runtime/syncPromise.ts), so an async workflow that awaits it still finishes before the entry function
 * returns. HTTP errors come back as responses (muteHttpExceptions), never as thrown exceptions, so the plug-ins
 * read Amazon's and the carriers' error bodies themselves; a thrown error means the request never got an answer.
 */
import type { HttpPort, HttpRequest, HttpResponse } from '../../src/core';

type Method = GoogleAppsScript.URL_Fetch.HttpMethod;

/** Apps Script's Byte[] (signed) from bytes. */
function signed(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** One header map, lower-case names, multi-valued headers joined as HTTP joins them. */
function headersOf(all: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all))
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

export function toFetchOptions(request: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequestOptions {
  const headers: Record<string, string> = {};
  let contentType: string | undefined;
  for (const [k, v] of Object.entries(request.headers ?? {}))
    // UrlFetchApp takes the body's type as its own option (and defaults it to a form when a payload has none).
    if (k.toLowerCase() === 'content-type') contentType = v;
    else headers[k] = v;
  const options: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
    method: request.method.toLowerCase() as Method,
    headers,
    muteHttpExceptions: true,
    followRedirects: false,
  };
  if (request.body !== undefined) {
    options.payload = typeof request.body === 'string' ? request.body : signed(request.body);
    if (contentType) options.contentType = contentType;
  }
  return options;
}

export function urlFetchHttpPort(): HttpPort {
  return {
    async send(request: HttpRequest): Promise<HttpResponse> {
      const response = UrlFetchApp.fetch(request.url, toFetchOptions(request));
      return {
        status: response.getResponseCode(),
        headers: headersOf(response.getAllHeaders() as Record<string, unknown>),
        body: response.getContentText('UTF-8'),
      };
    },
  };
}
