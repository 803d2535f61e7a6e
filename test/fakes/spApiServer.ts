/**
 * A loopback stand-in for Amazon's servers (Login with Amazon, Tokens, Orders v0, Shipping v2) on 127.0.0.1.
 * It checks requests against the operations' schemas and auth, answers as the models describe, pages with
 * NextToken, hides PII without a Restricted Data Token, and can inject 429s, expired tokens and rejections.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiOrder, ApiOrderItem } from '../../src/core';
import { validate } from './jsonSchema';
import { FakeRateDesk } from './spApiRates';
import type { Schema } from './jsonSchema';
import {
  confirmShipmentRequest,
  getRatesRequest,
  ORDER_STATUSES,
  purchaseShipmentRequest,
  restrictedDataTokenRequest,
} from './spApiSchemas';

export interface FakeOrder {
  order: ApiOrder;
  items: ApiOrderItem[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** More operations, in modules of their own (e.g. spApiFeeds.ts): answer and return true, or return false. */
export type FakeRoute = (
  request: { method: string; path: string; query: URLSearchParams; body: string },
  reply: {
    send: (status: number, json?: unknown, headers?: Record<string, string>) => void;
    error: (status: number, code: string, message: string, details?: string) => void;
    /** The body parsed and checked against the schema; null after answering 400. */
    checked: (schema: Schema) => unknown | null;
  },
) => boolean;

export const CREDENTIALS = {
  clientId: 'amzn1.application-oa2-client.test',
  clientSecret: 'test-secret',
  refreshToken: 'Atzr|test-refresh',
};

export class FakeSpApi {
  readonly requests: RecordedRequest[] = [];
  orders: FakeOrder[] = [];
  pageSize = 2;
  tokenLifetimeSeconds = 3600;
  /** Status codes to answer the next matching requests with, before answering normally. */
  private faults: { pathPrefix: string; status: number; remaining: number }[] = [];
  /** Tracking numbers confirmShipment rejects, with Amazon's message. */
  rejectTracking = new Map<string, string>();
  confirmations: Record<string, unknown>[] = [];
  /** Milliseconds before each answer, as a real network round trip takes (benchmarks). */
  latencyMs = 0;
  /** Buy Shipping's rates and purchases (spApiRates.ts). */
  readonly rateDesk = new FakeRateDesk();
  /** Operations added by other fake modules, tried after the built-in ones. */
  readonly routes: FakeRoute[] = [];
  private accessTokens = new Set<string>();
  private rdts = new Map<string, string[]>();
  private shipments = new Map<string, { tracking: string; cancelled: boolean }>();
  private counter = 0;
  private server: http.Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () =>
        this.latencyMs > 0
          ? setTimeout(() => this.handle(req, body, res), this.latencyMs)
          : this.handle(req, body, res),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /**
   * The same server answering one request in process, as a pure function of it: for callers that cannot wait on
   * a socket (the add-on's UrlFetchApp is synchronous). `url` is the origin it answers for.
   */
  respond(request: { method: string; url: string; headers: Record<string, string>; body: string }): {
    status: number;
    headers: Record<string, string>;
    body: string;
  } {
    const target = new URL(request.url);
    this.url ||= target.origin;
    const headers: http.IncomingHttpHeaders = {};
    for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
    const out = { status: 0, headers: {} as Record<string, string>, body: '' };
    const req = {
      method: request.method,
      url: target.pathname + target.search,
      headers,
    } as http.IncomingMessage;
    const res = {
      writeHead(status: number, h: Record<string, string>) {
        out.status = status;
        for (const [k, v] of Object.entries(h)) out.headers[k.toLowerCase()] = String(v);
        return res;
      },
      end(body?: string) {
        out.body = body ?? '';
        return res;
      },
    };
    this.handle(req, request.body, res as unknown as http.ServerResponse);
    return out;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next `count` requests whose path starts with `pathPrefix` get `status` (429 storm, 500s). */
  fail(pathPrefix: string, status: number, count: number): void {
    this.faults.push({ pathPrefix, status, remaining: count });
  }

  /** Every access token issued so far stops working, as when they expire. */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  env(): Record<string, string> {
    return {
      SHIPSHEET_LWA_CLIENT_ID: CREDENTIALS.clientId,
      SHIPSHEET_LWA_CLIENT_SECRET: CREDENTIALS.clientSecret,
      SHIPSHEET_LWA_REFRESH_TOKEN: CREDENTIALS.refreshToken,
      SHIPSHEET_SPAPI_ENDPOINT: this.url,
      SHIPSHEET_LWA_ENDPOINT: `${this.url}/auth/o2/token`,
    };
  }

  private handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    });
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-amzn-requestid': `req-${++this.counter}`,
        ...headers,
      });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    const error = (status: number, code: string, message: string, details = '') =>
      send(status, { errors: [{ code, message, details }] });
    const fault = this.faults.find((f) => f.remaining > 0 && url.pathname.startsWith(f.pathPrefix));
    if (fault) {
      fault.remaining--;
      if (fault.status === 429)
        return send(
          429,
          {
            errors: [
              {
                code: 'QuotaExceeded',
                message: 'You exceeded your quota for the requested resource.',
                details: '',
              },
            ],
          },
          { 'x-amzn-RateLimit-Limit': '100' },
        );
      return error(fault.status, 'InternalFailure', 'We encountered an internal error. Please try again.');
    }
    if (url.pathname === '/auth/o2/token') return this.token(body, send);
    const token = String(req.headers['x-amz-access-token'] ?? '');
    const rdtElements = this.rdts.get(token);
    if (!this.accessTokens.has(token) && !rdtElements)
      return error(403, 'Unauthorized', 'The access token you provided has expired.');
    const checked = (schema: Schema): unknown | null => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        error(400, 'InvalidInput', 'Request body is not JSON');
        return null;
      }
      const problems = validate(schema, parsed);
      if (problems.length > 0) {
        error(
          400,
          'InvalidInput',
          'Request has missing or invalid parameters and cannot be parsed.',
          problems.join('; '),
        );
        return null;
      }
      return parsed;
    };
    const p = url.pathname;
    if (req.method === 'POST' && p === '/tokens/2021-03-01/restrictedDataToken') {
      const b = checked(restrictedDataTokenRequest) as {
        restrictedResources: { dataElements?: string[] }[];
      } | null;
      if (!b) return;
      const rdt = `Atz.sprdt|${++this.counter}`;
      this.rdts.set(
        rdt,
        b.restrictedResources.flatMap((r) => r.dataElements ?? []),
      );
      return send(200, { restrictedDataToken: rdt, expiresIn: 3600 });
    }
    if (req.method === 'GET' && p === '/orders/v0/orders')
      return this.getOrders(url.searchParams, rdtElements ?? [], send, error);
    const items = /^\/orders\/v0\/orders\/([^/]+)\/orderItems$/.exec(p);
    if (req.method === 'GET' && items) {
      const found = this.orders.find((o) => o.order.AmazonOrderId === decodeURIComponent(items[1]));
      if (!found) return error(404, 'NotFound', 'Order not found');
      const pii = (rdtElements ?? []).includes('buyerInfo');
      return send(200, {
        payload: {
          AmazonOrderId: found.order.AmazonOrderId,
          OrderItems: found.items.map((i) => (pii ? i : { ...i, BuyerInfo: undefined })),
        },
      });
    }
    const confirm = /^\/orders\/v0\/orders\/([^/]+)\/shipmentConfirmation$/.exec(p);
    if (req.method === 'POST' && confirm) {
      const b = checked(confirmShipmentRequest) as {
        packageDetail: { carrierCode: string; carrierName?: string; trackingNumber: string };
      } | null;
      if (!b) return;
      if (b.packageDetail.carrierCode === 'Other' && !b.packageDetail.carrierName)
        return error(400, 'InvalidInput', 'carrierName is required when carrierCode is Other');
      const rejected = this.rejectTracking.get(b.packageDetail.trackingNumber);
      if (rejected) return error(400, 'InvalidInput', rejected);
      this.confirmations.push({ orderId: decodeURIComponent(confirm[1]), ...b });
      return send(204);
    }
    if (req.method === 'POST' && p === '/shipping/v2/shipments/rates') {
      const b = checked(getRatesRequest) as Parameters<FakeRateDesk['quote']>[0] | null;
      if (!b) return;
      const quoted = this.rateDesk.quote(b);
      if ('error' in quoted) return error(400, 'InvalidInput', 'Invalid input.', quoted.error);
      return send(200, quoted);
    }
    if (req.method === 'POST' && p === '/shipping/v2/shipments') {
      const b = checked(purchaseShipmentRequest) as {
        requestToken: string;
        rateId: string;
        requestedValueAddedServices?: { id: string }[];
        requestedDocumentSpecification: { format: string };
      } | null;
      if (!b) return;
      const bought = this.rateDesk.buy(
        b.requestToken,
        b.rateId,
        (b.requestedValueAddedServices ?? []).map((v) => v.id),
      );
      if (!bought.ok) return error(400, 'InvalidInput', 'Invalid input.', bought.message);
      const id = `amzn1.shipment.${++this.counter}`;
      const tracking = bought.purchase.trackingId;
      this.shipments.set(id, { tracking, cancelled: false });
      const label =
        b.requestedDocumentSpecification.format === 'ZPL'
          ? '^XA^FO50,50^A0N,40,40^FDSAMPLE^FS^XZ'
          : '%PDF-1.4\n%sample label\n';
      return send(200, {
        payload: {
          shipmentId: id,
          packageDocumentDetails: [
            {
              packageClientReferenceId: 'p1',
              trackingId: tracking,
              packageDocuments: [
                {
                  type: 'LABEL',
                  format: b.requestedDocumentSpecification.format,
                  contents: Buffer.from(label).toString('base64'),
                },
              ],
            },
          ],
        },
      });
    }
    const cancel = /^\/shipping\/v2\/shipments\/([^/]+)\/cancel$/.exec(p);
    if (req.method === 'PUT' && cancel) {
      const s = this.shipments.get(decodeURIComponent(cancel[1]));
      if (!s) return error(404, 'NotFound', "The requested resource is invalid or doesn't exist");
      s.cancelled = true;
      return send(200, { payload: {} });
    }
    if (req.method === 'GET' && p === '/shipping/v2/tracking') {
      const trackingId = url.searchParams.get('trackingId');
      if (!trackingId || !url.searchParams.get('carrierId'))
        return error(400, 'InvalidInput', 'trackingId and carrierId are required');
      return send(200, {
        payload: {
          trackingId,
          summary: { status: 'Delivered' },
          eventHistory: [
            { eventCode: 'PickupDone', eventTime: '2026-12-01T22:00:00Z' },
            { eventCode: 'Delivered', eventTime: '2026-12-04T18:30:00Z' },
          ],
        },
      });
    }
    for (const route of this.routes)
      if (
        route({ method: req.method ?? '', path: p, query: url.searchParams, body }, { send, error, checked })
      )
        return;
    return error(404, 'NotFound', `no fake for ${req.method} ${p}`);
  }

  private token(body: string, send: (status: number, json?: unknown) => void): void {
    const form = new URLSearchParams(body);
    if (
      form.get('grant_type') !== 'refresh_token' ||
      form.get('client_id') !== CREDENTIALS.clientId ||
      form.get('client_secret') !== CREDENTIALS.clientSecret
    ) {
      return send(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    if (form.get('refresh_token') !== CREDENTIALS.refreshToken)
      return send(400, {
        error: 'invalid_grant',
        error_description: 'The request has an invalid grant parameter : refresh_token',
      });
    const token = `Atza|access-${++this.counter}`;
    this.accessTokens.add(token);
    send(200, {
      access_token: token,
      token_type: 'bearer',
      expires_in: this.tokenLifetimeSeconds,
      refresh_token: CREDENTIALS.refreshToken,
    });
  }

  private getOrders(
    q: URLSearchParams,
    rdt: string[],
    send: (status: number, json?: unknown) => void,
    error: (s: number, c: string, m: string, d?: string) => void,
  ): void {
    if (!q.get('MarketplaceIds'))
      return error(400, 'InvalidInput', 'Missing required parameter MarketplaceIds');
    const next = q.get('NextToken');
    let start = 0;
    let filter = { after: '', by: 'created' as 'created' | 'updated', statuses: ORDER_STATUSES, mfn: false };
    if (next) {
      const decoded = JSON.parse(Buffer.from(next, 'base64').toString('utf8')) as {
        start: number;
        filter: typeof filter;
      };
      start = decoded.start;
      filter = decoded.filter;
    } else {
      const created = q.get('CreatedAfter');
      const updated = q.get('LastUpdatedAfter');
      if (!created && !updated)
        return error(400, 'InvalidInput', 'Either CreatedAfter or LastUpdatedAfter must be specified');
      if (created && updated)
        return error(400, 'InvalidInput', 'CreatedAfter and LastUpdatedAfter cannot both be specified');
      const statuses = (q.get('OrderStatuses') ?? '').split(',').filter(Boolean);
      if (statuses.some((s) => !ORDER_STATUSES.includes(s)))
        return error(400, 'InvalidInput', `Invalid OrderStatuses ${statuses.join(',')}`);
      const size = Number(q.get('MaxResultsPerPage') ?? '100');
      if (!Number.isInteger(size) || size < 1 || size > 100)
        return error(400, 'InvalidInput', 'MaxResultsPerPage must be 1 to 100');
      filter = {
        after: (created ?? updated)!,
        by: created ? 'created' : 'updated',
        statuses: statuses.length ? statuses : ORDER_STATUSES,
        mfn: q.get('FulfillmentChannels') === 'MFN',
      };
    }
    const matching = this.orders
      .map((o) => o.order)
      .filter((o) => (filter.by === 'created' ? o.PurchaseDate : o.LastUpdateDate) > filter.after)
      .filter((o) => filter.statuses.includes(o.OrderStatus))
      .filter((o) => !filter.mfn || o.FulfillmentChannel === 'MFN');
    const page = matching.slice(start, start + this.pageSize).map((o) => ({
      ...o,
      ShippingAddress: rdt.includes('shippingAddress')
        ? o.ShippingAddress
        : o.ShippingAddress && {
            City: o.ShippingAddress.City,
            StateOrRegion: o.ShippingAddress.StateOrRegion,
            PostalCode: o.ShippingAddress.PostalCode,
            CountryCode: o.ShippingAddress.CountryCode,
          },
      BuyerInfo: rdt.includes('buyerInfo') ? o.BuyerInfo : undefined,
    }));
    const more = start + this.pageSize < matching.length;
    send(200, {
      payload: {
        Orders: page,
        NextToken: more
          ? Buffer.from(JSON.stringify({ start: start + this.pageSize, filter })).toString('base64')
          : undefined,
        LastUpdatedBefore: filter.by === 'updated' ? '2026-12-01T16:58:00Z' : undefined,
        CreatedBefore: filter.by === 'created' ? '2026-12-01T16:58:00Z' : undefined,
      },
    });
  }
}
