/**
 * A loopback fake of the Google Sheets API v4 for tests: the endpoints Shipsheet uses, with Google's semantics
 * (A1 ranges, URL-encoded in the path for values.get/update; trailing empty cells and rows trimmed; value and
 * date render options; RAW vs USER_ENTERED input; batchUpdate requests validated first and applied atomically;
 * grid limits; error bodies as Google sends them). It can inject 429/5xx and latency, and counts requests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Grid } from '../../src/core';
import { colLetters, formatA1, parseA1 } from './fakeA1';

type Value = string | number | boolean;

interface FakeCell {
  v?: Value;
  numberFormat?: { type: string; pattern?: string };
  bold?: boolean;
}

export interface FakeSheet {
  sheetId: number;
  title: string;
  index: number;
  hidden: boolean;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  cells: (FakeCell | undefined)[][];
}

interface FakeSpreadsheet {
  id: string;
  sheets: FakeSheet[];
}

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

class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
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

const EPOCH = Date.UTC(1899, 11, 30);

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
      const replies = (b.requests ?? []).map((r, i) => this.applyRequest(next, r, i));
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

  private applyRequest(book: FakeSpreadsheet, request: Record<string, unknown>, i: number): unknown {
    const keys = Object.keys(request);
    if (keys.length !== 1)
      throw new ApiError(400, `Invalid requests[${i}]: exactly one kind of request must be set`);
    const kind = keys[0];
    const r = request[kind] as Record<string, unknown>;
    const fail = (msg: string): never => {
      throw new ApiError(400, `Invalid requests[${i}].${kind}: ${msg}`);
    };
    const byId = (id: unknown): FakeSheet =>
      own(book.sheets.find((s) => s.sheetId === (id ?? 0)) ?? fail(`No grid with id: ${String(id ?? 0)}`));
    switch (kind) {
      case 'addSheet': {
        const p = (r.properties ?? {}) as Record<string, unknown>;
        const title = String(p.title ?? `Sheet${book.sheets.length + 1}`);
        if (book.sheets.some((s) => s.title.toLowerCase() === title.toLowerCase()))
          fail(`A sheet with the name "${title}" already exists. Please enter another name.`);
        const sheetId = p.sheetId === undefined ? this.nextSheetId++ : Number(p.sheetId);
        if (book.sheets.some((s) => s.sheetId === sheetId)) fail(`Sheet with id ${sheetId} already exists.`);
        const g = (p.gridProperties ?? {}) as Record<string, number>;
        const sheet: FakeSheet = {
          sheetId,
          title,
          index: book.sheets.length,
          hidden: Boolean(p.hidden),
          rowCount: g.rowCount ?? 1000,
          columnCount: g.columnCount ?? 26,
          frozenRowCount: g.frozenRowCount ?? 0,
          cells: [],
        };
        if (sheet.frozenRowCount >= sheet.rowCount) fail('You cannot freeze all rows of a sheet.');
        book.sheets.push(sheet);
        return { addSheet: { properties: { sheetId, title, index: sheet.index } } };
      }
      case 'deleteSheet': {
        const s = byId(r.sheetId);
        if (book.sheets.length === 1) fail("You can't remove all the sheets in a document.");
        book.sheets = book.sheets.filter((x) => x !== s);
        book.sheets.forEach((x, idx) => (x.index = idx));
        return {};
      }
      case 'updateSheetProperties': {
        const p = (r.properties ?? {}) as Record<string, unknown>;
        const s = byId(p.sheetId);
        const fields = String(r.fields ?? '').split(',');
        for (const f of fields) {
          if (f === 'gridProperties.frozenRowCount') {
            const n = Number((p.gridProperties as Record<string, number>)?.frozenRowCount ?? 0);
            if (n >= s.rowCount) fail('You cannot freeze all rows of a sheet.');
            s.frozenRowCount = n;
          } else if (f === 'title') s.title = String(p.title);
          else if (f === 'hidden') s.hidden = Boolean(p.hidden);
          else fail(`The fake does not support the field ${f}`);
        }
        return {};
      }
      case 'appendDimension': {
        const s = byId(r.sheetId);
        const n = Number(r.length);
        if (!(n > 0)) fail('length must be positive');
        if (r.dimension === 'ROWS') s.rowCount += n;
        else if (r.dimension === 'COLUMNS') s.columnCount += n;
        else fail(`Unknown dimension ${String(r.dimension)}`);
        return {};
      }
      case 'deleteDimension': {
        const range = r.range as Record<string, unknown>;
        const s = byId(range.sheetId);
        const start = Number(range.startIndex ?? 0);
        const end = Number(range.endIndex ?? (range.dimension === 'ROWS' ? s.rowCount : s.columnCount));
        if (range.dimension !== 'ROWS') fail('The fake deletes rows only');
        if (start < 0 || end > s.rowCount || start >= end)
          fail(`Invalid range [${start}, ${end}) for ${s.rowCount} rows`);
        const remaining = s.rowCount - (end - start);
        if (remaining <= s.frozenRowCount) fail('Sorry, it is not possible to delete all non-frozen rows.');
        s.cells.splice(start, end - start);
        s.rowCount = remaining;
        return {};
      }
      case 'updateCells': {
        const fields = String(r.fields ?? '');
        if (!fields) fail('fields is required');
        const rows = (r.rows ?? []) as { values?: { userEnteredValue?: Record<string, Value> }[] }[];
        const range = (r.range ?? null) as Record<string, number> | null;
        const startAt = r.start as Record<string, number> | undefined;
        const s = byId(range ? range.sheetId : startAt?.sheetId);
        const g = range
          ? gridRange(s, range, fail)
          : {
              r0: startAt?.rowIndex ?? 0,
              c0: startAt?.columnIndex ?? 0,
              r1: (startAt?.rowIndex ?? 0) + rows.length,
              c1: Infinity,
            };
        if (!fields.split(',').every((f) => f === 'userEnteredValue'))
          fail(`The fake supports fields=userEnteredValue only`);
        for (let rr = g.r0; rr < Math.min(g.r1, s.rowCount); rr++)
          for (let cc = g.c0; cc < Math.min(g.c1, s.columnCount); cc++) {
            const cd = rows[rr - g.r0]?.values?.[cc - g.c0]?.userEnteredValue;
            const v = cd ? (cd.stringValue ?? cd.numberValue ?? cd.boolValue) : undefined;
            const cell = s.cells[rr]?.[cc];
            if (v === undefined) {
              if (cell) delete cell.v;
            } else setCell(s, rr, cc, { ...(cell ?? {}), v });
          }
        return {};
      }
      case 'repeatCell': {
        const range = r.range as Record<string, number>;
        const s = byId(range.sheetId);
        const g = gridRange(s, range, fail);
        const fmt =
          ((r.cell ?? {}) as { userEnteredFormat?: Record<string, unknown> }).userEnteredFormat ?? {};
        const fields = String(r.fields ?? '').split(',');
        for (let rr = g.r0; rr < g.r1; rr++)
          for (let cc = g.c0; cc < g.c1; cc++) {
            const cell = { ...(s.cells[rr]?.[cc] ?? {}) };
            for (const f of fields) {
              if (f === 'userEnteredFormat.numberFormat')
                cell.numberFormat = fmt.numberFormat as FakeCell['numberFormat'];
              else if (f === 'userEnteredFormat.textFormat.bold')
                cell.bold = Boolean((fmt.textFormat as { bold?: boolean } | undefined)?.bold);
              else fail(`The fake does not support the field ${f}`);
            }
            setCell(s, rr, cc, cell);
          }
        return {};
      }
      case 'copyPaste': {
        const src = r.source as Record<string, number>;
        const dst = r.destination as Record<string, number>;
        const from = byId(src.sheetId);
        const to = byId(dst.sheetId);
        const a = gridRange(from, src, fail);
        const b = gridRange(to, dst, fail);
        const type = String(r.pasteType ?? 'PASTE_NORMAL');
        if (type !== 'PASTE_VALUES' && type !== 'PASTE_NORMAL') fail(`The fake does not support ${type}`);
        const h = a.r1 - a.r0;
        const w = a.c1 - a.c0;
        // A destination that is a multiple of the source repeats it; a smaller one still takes it whole.
        const rows = Math.max(h, Math.floor((b.r1 - b.r0) / h) * h);
        const cols = Math.max(w, Math.floor((b.c1 - b.c0) / w) * w);
        if (b.r0 + rows > to.rowCount || b.c0 + cols > to.columnCount) fail('Range exceeds grid limits.');
        const snapshot: (FakeCell | undefined)[][] = [];
        for (let rr = 0; rr < h; rr++)
          snapshot.push(Array.from({ length: w }, (_, cc) => from.cells[a.r0 + rr]?.[a.c0 + cc]));
        for (let rr = 0; rr < rows; rr++)
          for (let cc = 0; cc < cols; cc++) {
            const sc = snapshot[rr % h][cc % w];
            const current = to.cells[b.r0 + rr]?.[b.c0 + cc];
            const next: FakeCell =
              type === 'PASTE_VALUES' ? { ...(current ?? {}), v: sc?.v } : { ...(sc ?? {}) };
            if (next.v === undefined) delete next.v;
            setCell(to, b.r0 + rr, b.c0 + cc, next);
          }
        return {};
      }
      default:
        throw new ApiError(
          400,
          `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
        );
    }
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

function setCell(sheet: FakeSheet, r: number, c: number, cell: FakeCell): void {
  while (sheet.cells.length <= r) sheet.cells.push([]);
  sheet.cells[r][c] = cell;
}

/**
 * A copy to apply a request to, so a failure leaves the stored spreadsheet as it was. Sheets are copied
 * shallowly; a sheet's cells are copied the first time the request touches it (`own`).
 */
function cloneBook(book: FakeSpreadsheet): FakeSpreadsheet {
  return { id: book.id, sheets: book.sheets.map((s) => ({ ...s, owned: false }) as FakeSheet) };
}

function own(sheet: FakeSheet): FakeSheet {
  const s = sheet as FakeSheet & { owned?: boolean };
  if (!s.owned) {
    s.cells = s.cells.map((row) => row.map((c) => (c ? { ...c } : c)));
    s.owned = true;
  }
  return s;
}

function gridRange(
  sheet: FakeSheet,
  range: Record<string, number>,
  fail: (m: string) => never,
): { r0: number; r1: number; c0: number; c1: number } {
  const g = {
    r0: range.startRowIndex ?? 0,
    r1: range.endRowIndex ?? sheet.rowCount,
    c0: range.startColumnIndex ?? 0,
    c1: range.endColumnIndex ?? sheet.columnCount,
  };
  if (g.r1 > sheet.rowCount || g.c1 > sheet.columnCount)
    fail(
      `GridRange ${JSON.stringify(range)} exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  if (g.r0 < 0 || g.c0 < 0 || g.r0 > g.r1 || g.c0 > g.c1) fail(`Invalid GridRange ${JSON.stringify(range)}`);
  return g;
}

function resolveRange(
  book: FakeSpreadsheet,
  text: string,
): { sheet: FakeSheet; startRow: number; endRow: number; startCol: number; endCol: number } {
  // A bare name that is a sheet's title is that sheet (Google prefers the sheet over a cell like "Sheet1").
  const exact = book.sheets.find((s) => s.title === text);
  const p = exact ? { sheet: exact.title } : parseA1(text);
  if (!p) throw new ApiError(400, `Unable to parse range: ${text}`);
  const sheet =
    p.sheet === null
      ? [...book.sheets].sort((a, b) => a.index - b.index)[0]
      : book.sheets.find((s) => s.title === p.sheet);
  if (!sheet) throw new ApiError(400, `Unable to parse range: ${text}`);
  const r = p as { startRow?: number; endRow?: number; startCol?: number; endCol?: number };
  const out = {
    sheet,
    startRow: r.startRow ?? 0,
    endRow: r.endRow ?? sheet.rowCount,
    startCol: r.startCol ?? 0,
    endCol: r.endCol ?? sheet.columnCount,
  };
  return out;
}

function serialToIsoDate(serial: number): string {
  return new Date(EPOCH + Math.round(serial * 86400000)).toISOString().slice(0, 10);
}

function formatted(cell: FakeCell, dates: string, render: string): Value {
  const v = cell.v as Value;
  const isDate = typeof v === 'number' && /DATE/.test(cell.numberFormat?.type ?? '');
  if (render === 'UNFORMATTED_VALUE' || render === 'FORMULA') {
    if (isDate && dates === 'FORMATTED_STRING') return serialToIsoDate(v as number);
    return v;
  }
  if (isDate) return serialToIsoDate(v as number);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Rows of a rectangle with Google's trimming: trailing empty cells of each row and trailing empty rows. */
function renderRows(
  sheet: FakeSheet,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
  render: string,
  dates: string,
): Value[][] {
  const rows: Value[][] = [];
  for (let r = r0; r < Math.min(r1, sheet.cells.length); r++) {
    const src = sheet.cells[r] ?? [];
    const row: Value[] = [];
    for (let c = c0; c < Math.min(c1, src.length); c++) {
      const cell = src[c];
      row.push(cell && cell.v !== undefined ? formatted(cell, dates, render) : '');
    }
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

interface ValueRangeIn {
  range?: string;
  majorDimension?: string;
  values?: (Value | null)[][];
}

function requireInputOption(v: string | null | undefined): 'RAW' | 'USER_ENTERED' {
  if (v === 'RAW' || v === 'USER_ENTERED') return v;
  throw new ApiError(400, "'valueInputOption' is required but not specified");
}

/** What Sheets makes of typed text (USER_ENTERED): numbers, booleans, dates; a leading ' keeps text. */
function parseUserEntered(v: Value | null, cell: FakeCell | undefined): FakeCell | null {
  if (typeof v !== 'string') return v === null ? null : { ...(cell ?? {}), v };
  if (v.startsWith("'")) return { ...(cell ?? {}), v: v.slice(1) };
  if (cell?.numberFormat?.type === 'TEXT') return { ...cell, v };
  const t = v.trim();
  if (/^(true|false)$/i.test(t)) return { ...(cell ?? {}), v: t.toLowerCase() === 'true' };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { ...(cell ?? {}), v: Number(t) };
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (d) {
    const serial = (Date.UTC(+d[1], +d[2] - 1, +d[3]) - EPOCH) / 86400000;
    return {
      ...(cell ?? {}),
      v: serial,
      numberFormat: cell?.numberFormat ?? { type: 'DATE', pattern: 'yyyy-mm-dd' },
    };
  }
  return { ...(cell ?? {}), v };
}

function writeValues(
  book: FakeSpreadsheet,
  d: ValueRangeIn,
  option: 'RAW' | 'USER_ENTERED',
): { updatedRange: string; updatedRows: number; updatedColumns: number; updatedCells: number } {
  const resolved = resolveRange(book, d.range ?? '');
  const { startRow, endRow, startCol, endCol } = resolved;
  const sheet = own(resolved.sheet);
  if ((d.majorDimension ?? 'ROWS') !== 'ROWS')
    throw new ApiError(400, 'The fake only supports majorDimension=ROWS');
  const values = d.values ?? [];
  const width = Math.max(0, ...values.map((r) => r.length));
  if (startRow + values.length > endRow)
    throw new ApiError(
      400,
      `Requested writing within range [${d.range}], but tried writing to row [${startRow + values.length}]`,
    );
  if (startCol + width > endCol)
    throw new ApiError(
      400,
      `Requested writing within range [${d.range}], but tried writing to column [${colLetters(startCol + width - 1)}]`,
    );
  // The values API grows the grid when a write reaches past it (batchUpdate requests do not).
  sheet.rowCount = Math.max(sheet.rowCount, startRow + values.length);
  sheet.columnCount = Math.max(sheet.columnCount, startCol + width);
  let cells = 0;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return; // null is skipped: the cell keeps its value
      const current = sheet.cells[startRow + r]?.[startCol + c];
      if (v === '') {
        if (current) delete current.v;
        cells++;
        return;
      }
      if (typeof v === 'object')
        throw new ApiError(400, `Invalid value at 'data.values' (${JSON.stringify(v)})`);
      const next = option === 'RAW' ? { ...(current ?? {}), v } : parseUserEntered(v, current);
      if (next) setCell(sheet, startRow + r, startCol + c, next);
      cells++;
    }),
  );
  return {
    updatedRange: formatA1(
      sheet.title,
      startRow,
      startCol,
      startRow + values.length,
      startCol + Math.max(1, width),
    ),
    updatedRows: values.length,
    updatedColumns: width,
    updatedCells: cells,
  };
}
