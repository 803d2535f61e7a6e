/** The HttpPort on Node's fetch, with a timeout per request. */
import type { HttpPort, HttpRequest, HttpResponse } from '../../core';

export function fetchHttpPort(timeoutMs = 60_000): HttpPort {
  return {
    async send(request: HttpRequest): Promise<HttpResponse> {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers as Record<string, string> | undefined,
        body: request.body as string | Uint8Array | undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => (headers[k] = v));
      if (request.responseType === 'bytes') {
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { status: response.status, headers, body: '', bytes };
      }
      return { status: response.status, headers, body: await response.text() };
    },
  };
}
