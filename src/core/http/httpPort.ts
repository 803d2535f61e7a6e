/** The one door to the network: plug-ins build requests and parse responses; an adapter (fetch, UrlFetchApp) sends them. */

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Text body (JSON already serialised) or bytes. */
  readonly body?: string | Uint8Array;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface HttpPort {
  send(request: HttpRequest): Promise<HttpResponse>;
}
