/**
 * A loopback fake of the Google Sheets API v4 for tests: the endpoints Shipsheet uses, with Google's semantics
 * (A1 ranges, URL-encoded in the path for values.get/update; trailing empty cells and rows trimmed; value and
 * date render options; RAW vs USER_ENTERED input; batchUpdate requests validated first and applied atomically;
 * grid limits; error bodies as Google sends them). It can inject 429/5xx and latency, and counts requests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Grid } from '../../src/core';
import { formatA1 } from './fakeA1';
import { applyRequest } from './fakeBatchUpdate';
import type { FakeSheet, FakeSpreadsheet, Value, ValueRangeIn } from './fakeSheetsModel';
import {
  ApiError,
  cloneBook,
  EPOCH,
  renderRows,
  requireInputOption,
  resolveRange,
  setCell,
  writeValues,
} from './fakeSheetsModel';

export type { FakeSheet } from './fakeSheetsModel';

export type RequestKind =
  'get' | 'values.get' | 'values.update' | 'values.batchGet' | 'values.batchUpdate' | 'batchUpdate' | 'other';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly kind: RequestKind;
  readonly bytes: number;
  /** The status the fake answered with. */
  status: number;
  readonly body?: unknown;
}

export interface Fault {
  /** Which requests it hits (default every kind). */
  kind?: RequestKind;
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Apply the request, then answer with the error: an answer lost after the work was done. */
  afterApply?: boolean;
  /** Skip this many matching requests before failing. */
  skip?: number;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  413: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

function errorBody(code: number, message: string): unknown {
  const error: Record<string, unknown> = { code, message, status: STATUS_NAMES[code] ?? 'UNKNOWN' };
  if (code === 429)
    error.details = [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          quota_metric: 'sheets.googleapis.com/write_requests',
          quota_limit: 'WriteRequestsPerMinutePerUser',
          service: 'sheets.googleapis.com',
        },
      },
    ];
  return { error };
}

function defaultMessage(code: number): string {
  switch (code) {
    case 429:
      return "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.";
    case 500:
      return 'Internal error encountered.';
    case 503:
      return 'The service is currently unavailable.';
    case 403:
      return 'The caller does not have permission';
    default:
      return `HTTP ${code}`;
  }
}

export class FakeSheetsServer {
  private server: http.Server | null = null;
  private books = new Map<string, FakeSpreadsheet>();
  private faults: Fault[] = [];
  private nextSheetId = 1000;
  readonly requests: RecordedRequest[] = [];
  /** Wait this long before answering each request. */
  latencyMs = 0;
  /** Bodies larger than this are refused with 413 (Google advises 2 MB; a test can lower it). */
  maxBodyBytes = 10 * 1024 * 1024;
  /** Decide whether a bearer token is accepted (default: any non-empty token). */
  authorize: (token: string) => boolean = (t) => t.length > 0;
  /** The tokens seen, for auth tests. */
  readonly tokens: string[] = [];
  rootUrl = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.rootUrl = `http://127.0.0.1:${port}/`;
    return this.rootUrl;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) {
      s.closeAllConnections?.();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  }

  /** A spreadsheet holding the given sheets (one empty "Sheet1" when none, as Google always has one). */
  addSpreadsheet(id: string, initial: Record<string, Grid> = {}): void {
    const sheets: FakeSheet[] = [];
    const entries = Object.entries(initial);
    if (entries.length === 0) entries.push(['Sheet1', []]);
    entries.forEach(([title, grid], index) => {
      const sheet: FakeSheet = {
        sheetId: index === 0 ? 0 : this.nextSheetId++,
        title,
        index,
        hidden: false,
        rowCount: Math.max(1000, grid.length),
        columnCount: Math.max(26, ...grid.map((r) => r.length)),
        frozenRowCount: 0,
        cells: [],
      };
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === '') return;
          const value = v instanceof Date ? (v.getTime() - EPOCH) / 86400000 : v;
          setCell(sheet, r, c, { v: value });
        }),
      );
      sheets.push(sheet);
    });
    this.books.set(id, { id, sheets });
  }

  removeSpreadsheet(id: string): void {
    this.books.delete(id);
  }

  sheet(id: string, title: string): FakeSheet | undefined {
    return this.books.get(id)?.sheets.find((s) => s.title === title);
  }

  sheetTitles(id: string): string[] {
    return (this.books.get(id)?.sheets ?? []).map((s) => s.title);
  }

  /** A sheet's values as Google would return them unformatted (trimmed). */
  values(id: string, title: string): Value[][] {
    const s = this.sheet(id, title);
    return s ? renderRows(s, 0, s.rowCount, 0, s.columnCount, 'UNFORMATTED_VALUE', 'SERIAL_NUMBER') : [];
  }

  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  resetCounts(): void {
    this.requests.length = 0;
  }

  /** Requests by kind (faulted ones included: Google counts them against the quota too). */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.requests) out[r.kind] = (out[r.kind] ?? 0) + 1;
    return out;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const kind = kindOf(req.method ?? 'GET', url.pathname);
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      kind,
      bytes: raw.length,
      status: 0,
    };
    this.requests.push(rec);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      rec.status = status;
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(text);
    };
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(auth)?.[1] ?? '';
    this.tokens.push(token);
    if (!token || !this.authorize(token))
      return send(
        401,
        errorBody(
          401,
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        ),
      );
    const fault = this.takeFault(kind);
    if (fault && !fault.afterApply) {
      return send(
        fault.status,
        errorBody(fault.status, defaultMessage(fault.status)),
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      );
    }
    if (raw.length > this.maxBodyBytes)
      return send(413, errorBody(413, `Request payload size exceeds the limit: ${this.maxBodyBytes} bytes.`));
    try {
      const body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
      const result = this.route(req.method ?? 'GET', url, body);
      if (fault) return send(fault.status, errorBody(fault.status, defaultMessage(fault.status)));
      send(200, result);
    } catch (e) {
      if (e instanceof ApiError) return send(e.code, errorBody(e.code, e.message));
      send(500, errorBody(500, `fake server bug: ${(e as Error).stack}`));
    }
  }

  private takeFault(kind: RequestKind): Fault | undefined {
    for (const f of this.faults) {
      if (f.kind && f.kind !== kind) continue;
      if ((f.times ?? 1) <= 0) continue;
      if ((f.skip ?? 0) > 0) {
        f.skip!--;
        continue;
      }
      f.times = (f.times ?? 1) - 1;
      return f;
    }
    return undefined;
  }

  private book(id: string): FakeSpreadsheet {
    const b = this.books.get(decodeURIComponent(id));
    if (!b) throw new ApiError(404, 'Requested entity was not found.');
    return b;
  }

  private route(method: string, url: URL, body: unknown): unknown {
    const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(url.pathname);
    if (!m) throw new ApiError(404, `Method not found: ${url.pathname}`);
    const [, id, rest] = m;
    const q = url.searchParams;
    if (method === 'GET' && rest === '') return this.getSpreadsheet(this.book(id));
    if (method === 'GET' && rest === '/values:batchGet') {
      const book = this.book(id);
      const ranges = q.getAll('ranges');
      return {
        spreadsheetId: book.id,
        valueRanges: ranges.map((r) => this.readRange(book, r, q)),
      };
    }
    if (method === 'GET' && rest.startsWith('/values/'))
      return this.readRange(this.book(id), decodeURIComponent(rest.slice('/values/'.length)), q);
    if (method === 'PUT' && rest.startsWith('/values/')) {
      const book = this.book(id);
      const option = requireInputOption(q.get('valueInputOption'));
      const range = decodeURIComponent(rest.slice('/values/'.length));
      const next = cloneBook(book);
      const r = writeValues(next, { ...(body as object), range } as ValueRangeIn, option);
      this.books.set(book.id, next);
      return { spreadsheetId: book.id, ...r };
    }
    if (method === 'POST' && rest === '/values:batchUpdate') {
      const book = this.book(id);
      const b = body as { valueInputOption?: string; data?: ValueRangeIn[] };
      const option = requireInputOption(b.valueInputOption);
      const next = cloneBook(book);
      const responses = (b.data ?? []).map((d) => writeValues(next, d, option));
      this.books.set(book.id, next);
      return {
        spreadsheetId: book.id,
        totalUpdatedCells: responses.reduce((n, r) => n + r.updatedCells, 0),
        responses,
      };
    }
    if (method === 'POST' && rest === ':batchUpdate') {
      const book = this.book(id);
      const b = body as { requests?: Record<string, unknown>[]; includeSpreadsheetInResponse?: boolean };
      const next = cloneBook(book);
      const replies = (b.requests ?? []).map((r, i) => applyRequest(next, r, i, () => this.nextSheetId++));
      this.books.set(book.id, next); // only after every request succeeded: atomic, as Google documents
      return {
        spreadsheetId: book.id,
        replies,
        ...(b.includeSpreadsheetInResponse ? { updatedSpreadsheet: this.getSpreadsheet(next) } : {}),
      };
    }
    throw new ApiError(404, `Method not found: ${method} ${url.pathname}`);
  }

  private getSpreadsheet(book: FakeSpreadsheet): unknown {
    return {
      spreadsheetId: book.id,
      properties: { title: `Fake ${book.id}`, locale: 'en_US', timeZone: 'America/Los_Angeles' },
      sheets: [...book.sheets]
        .sort((a, b) => a.index - b.index)
        .map((s) => ({
          properties: {
            sheetId: s.sheetId,
            title: s.title,
            index: s.index,
            sheetType: 'GRID',
            ...(s.hidden ? { hidden: true } : {}),
            gridProperties: {
              rowCount: s.rowCount,
              columnCount: s.columnCount,
              ...(s.frozenRowCount ? { frozenRowCount: s.frozenRowCount } : {}),
            },
          },
        })),
    };
  }

  private readRange(book: FakeSpreadsheet, text: string, q: URLSearchParams): unknown {
    const { sheet, startRow, endRow, startCol, endCol } = resolveRange(book, text);
    const render = q.get('valueRenderOption') ?? 'FORMATTED_VALUE';
    const dates = q.get('dateTimeRenderOption') ?? 'SERIAL_NUMBER';
    const major = q.get('majorDimension') ?? 'ROWS';
    if (major !== 'ROWS') throw new ApiError(400, 'The fake only supports majorDimension=ROWS');
    const rows = renderRows(sheet, startRow, endRow, startCol, endCol, render, dates);
    const out: Record<string, unknown> = {
      range: formatA1(sheet.title, startRow, startCol, endRow, endCol),
      majorDimension: 'ROWS',
    };
    if (rows.length > 0) out.values = rows; // Google omits `values` for an empty range
    return out;
  }
}

function kindOf(method: string, path: string): RequestKind {
  if (/\/values:batchGet$/.test(path)) return 'values.batchGet';
  if (/\/values:batchUpdate$/.test(path)) return 'values.batchUpdate';
  if (/:batchUpdate$/.test(path)) return 'batchUpdate';
  if (/\/values\//.test(path)) return method === 'PUT' ? 'values.update' : 'values.get';
  if (/^\/v4\/spreadsheets\/[^/]+$/.test(path) && method === 'GET') return 'get';
  return 'other';
}
