/** The one door to the network: plug-ins build requests and parse responses; an adapter (fetch, UrlFetchApp) sends them. */

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Text body (JSON already serialised) or bytes. */
  readonly body?: string | Uint8Array;
  /** `bytes`: the answer is binary (a gzip document): the adapter fills `bytes` as well as `body`. */
  readonly responseType?: 'text' | 'bytes';
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The raw answer, when the request asked for `responseType: 'bytes'`. */
  readonly bytes?: Uint8Array;
}

export interface HttpPort {
  send(request: HttpRequest): Promise<HttpResponse>;
}
