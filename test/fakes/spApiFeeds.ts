/**
 * The Feeds API 2021-06-30 on the loopback SP-API fake, for POST_FLAT_FILE_FULFILLMENT_DATA: createFeedDocument,
 * an S3-like document store on 127.0.0.1 for the pre-signed upload and download URLs, createFeed, getFeed moving
 * IN_QUEUE → IN_PROGRESS → DONE, and a processing report written as Amazon writes it (gzip-compressed by default),
 * with row errors for malformed lines and for the tracking numbers or orders a test rejects; FATAL and CANCELLED
 * on request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { amazonCarrierCodes, SHIP_CONFIRM_COLUMNS } from '../../src/core';
import type { Schema } from './jsonSchema';
import type { FakeSpApi } from './spApiServer';

const str: Schema = { type: 'string' };

/** CreateFeedDocumentSpecification (feeds_2021-06-30.json). */
export const createFeedDocumentRequest: Schema = {
  type: 'object',
  required: ['contentType'],
  properties: { contentType: { type: 'string', minLength: 1 } },
};

/** CreateFeedSpecification (feeds_2021-06-30.json): marketplaceIds 1 to 25. */
export const createFeedRequest: Schema = {
  type: 'object',
  required: ['feedType', 'marketplaceIds', 'inputFeedDocumentId'],
  properties: {
    feedType: str,
    marketplaceIds: { type: 'array', minItems: 1, items: str },
    inputFeedDocumentId: str,
    feedOptions: { type: 'object' },
  },
};

interface Document {
  contentType: string;
  bytes: Buffer | null;
  /** Result documents are served gzip-compressed when this is set. */
  compressed: boolean;
}

interface FakeFeed {
  feedId: string;
  feedType: string;
  marketplaceIds: string[];
  inputFeedDocumentId: string;
  createdTime: string;
  polls: number;
  status: 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';
  resultFeedDocumentId?: string;
}

export interface FeedLine {
  recordNumber: number;
  fields: Record<string, string>;
}

export class FakeFeeds {
  /** getFeed answers IN_QUEUE, then IN_PROGRESS, until this many polls; then the feed ends. */
  pollsUntilDone = 2;
  /** How the next feeds end (DONE processes the lines; FATAL and CANCELLED process nothing). */
  outcome: 'DONE' | 'FATAL' | 'CANCELLED' = 'DONE';
  /** Never finish (a feed stuck at Amazon, for timeouts). */
  stuck = false;
  compressReports = true;
  /** Lines with these tracking numbers get an Error row with this code and message. */
  rejectTracking = new Map<string, { code: string; message: string }>();
  /** Lines with these tracking numbers are accepted with a Warning row. */
  warnTracking = new Map<string, { code: string; message: string }>();
  readonly feeds = new Map<string, FakeFeed>();
  /** The lines of each processed feed, as Amazon read them. */
  readonly processed = new Map<string, FeedLine[]>();
  /** Lines Amazon accepted across all feeds: order-item-id and tracking. */
  readonly accepted: { orderId: string; orderItemId: string; trackingNumber: string; quantity: string }[] =
    [];
  private readonly documents = new Map<string, Document>();
  private server: http.Server | null = null;
  private storeUrl = '';
  private counter = 0;

  /** Start the document store and add the Feeds routes to `api`. */
  async attach(api: FakeSpApi): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.store(req, Buffer.concat(chunks), res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.storeUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    api.routes.push((request, reply) => this.route(request, reply));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The uploaded text of a feed, decoded with the charset it was declared with. */
  uploadedText(feedId: string): string {
    const feed = this.feeds.get(feedId)!;
    const doc = this.documents.get(feed.inputFeedDocumentId)!;
    return decode(doc.bytes ?? Buffer.alloc(0), doc.contentType);
  }

  private url(id: string): string {
    return `${this.storeUrl}/docs/${encodeURIComponent(id)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=fake${id.length}`;
  }

  /** The S3 side: PUT with the content type the document was created with, GET the stored bytes. */
  private store(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.storeUrl);
    const m = /^\/docs\/([^/]+)$/.exec(url.pathname);
    const doc = m ? this.documents.get(decodeURIComponent(m[1])) : undefined;
    const fail = (status: number, code: string, message: string) => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
      );
    };
    if (!doc || !url.searchParams.get('X-Amz-Signature')) return fail(403, 'AccessDenied', 'Access Denied');
    if (req.method === 'PUT') {
      if (req.headers['x-amz-access-token'])
        return fail(400, 'InvalidArgument', 'Pre-signed URLs take no SP-API access token');
      if (req.headers['content-type'] !== doc.contentType)
        return fail(
          403,
          'SignatureDoesNotMatch',
          `The request signature we calculated does not match: content-type ${req.headers['content-type']} is not ${doc.contentType}`,
        );
      doc.bytes = body;
      res.writeHead(200);
      res.end();
      return;
    }
    if (req.method === 'GET' && doc.bytes) {
      res.writeHead(200, { 'content-type': doc.contentType });
      res.end(doc.bytes);
      return;
    }
    return fail(404, 'NoSuchKey', 'The specified key does not exist.');
  }

  private route(
    request: Parameters<FakeSpApi['routes'][number]>[0],
    reply: Parameters<FakeSpApi['routes'][number]>[1],
  ): boolean {
    const { method, path } = request;
    if (method === 'POST' && path === '/feeds/2021-06-30/documents') {
      const b = reply.checked(createFeedDocumentRequest) as { contentType: string } | null;
      if (!b) return true;
      const id = `amzn1.tortuga.4.na.${++this.counter}`;
      this.documents.set(id, { contentType: b.contentType, bytes: null, compressed: false });
      reply.send(201, { feedDocumentId: id, url: this.url(id) });
      return true;
    }
    if (method === 'POST' && path === '/feeds/2021-06-30/feeds') {
      const b = reply.checked(createFeedRequest) as {
        feedType: string;
        marketplaceIds: string[];
        inputFeedDocumentId: string;
      } | null;
      if (!b) return true;
      if (b.marketplaceIds.length > 25) {
        reply.error(400, 'InvalidInput', 'marketplaceIds takes at most 25 marketplaces');
        return true;
      }
      if (!this.documents.has(b.inputFeedDocumentId)) {
        reply.error(400, 'InvalidInput', `Invalid input feed document id ${b.inputFeedDocumentId}`);
        return true;
      }
      const feedId = String(50000000000 + ++this.counter);
      this.feeds.set(feedId, {
        feedId,
        feedType: b.feedType,
        marketplaceIds: b.marketplaceIds,
        inputFeedDocumentId: b.inputFeedDocumentId,
        createdTime: new Date().toISOString(),
        polls: 0,
        status: 'IN_QUEUE',
      });
      reply.send(202, { feedId });
      return true;
    }
    const feedMatch = /^\/feeds\/2021-06-30\/feeds\/([^/]+)$/.exec(path);
    if (method === 'GET' && feedMatch) {
      const feed = this.feeds.get(decodeURIComponent(feedMatch[1]));
      if (!feed) {
        reply.error(404, 'NotFound', 'The requested feed was not found');
        return true;
      }
      feed.polls++;
      if (feed.status === 'IN_QUEUE' || feed.status === 'IN_PROGRESS') {
        if (this.stuck || feed.polls < this.pollsUntilDone)
          feed.status = feed.polls > 1 ? 'IN_PROGRESS' : 'IN_QUEUE';
        else this.finish(feed);
      }
      reply.send(200, {
        feedId: feed.feedId,
        feedType: feed.feedType,
        marketplaceIds: feed.marketplaceIds,
        createdTime: feed.createdTime,
        processingStatus: feed.status,
        ...(feed.status === 'DONE' || feed.status === 'FATAL'
          ? { processingEndTime: new Date().toISOString() }
          : {}),
        ...(feed.resultFeedDocumentId ? { resultFeedDocumentId: feed.resultFeedDocumentId } : {}),
      });
      return true;
    }
    const docMatch = /^\/feeds\/2021-06-30\/documents\/([^/]+)$/.exec(path);
    if (method === 'GET' && docMatch) {
      const id = decodeURIComponent(docMatch[1]);
      const doc = this.documents.get(id);
      if (!doc) {
        reply.error(404, 'NotFound', 'The requested feed document was not found');
        return true;
      }
      reply.send(200, {
        feedDocumentId: id,
        url: this.url(id),
        ...(doc.compressed ? { compressionAlgorithm: 'GZIP' } : {}),
      });
      return true;
    }
    return false;
  }

  /** Amazon processes the feed: reads the lines, writes the report. */
  private finish(feed: FakeFeed): void {
    if (this.outcome === 'CANCELLED') {
      feed.status = 'CANCELLED';
      return;
    }
    const doc = this.documents.get(feed.inputFeedDocumentId)!;
    const errors: string[][] = [];
    let processed = 0;
    let failed = 0;
    if (this.outcome === 'FATAL' || !doc.bytes || feed.feedType !== 'POST_FLAT_FILE_FULFILLMENT_DATA') {
      feed.status = 'FATAL';
      errors.push([
        '0',
        '',
        '',
        '90001',
        'Error',
        'A fatal error occurred while processing the feed. Please try again.',
      ]);
    } else {
      const rows = decode(doc.bytes, doc.contentType)
        .split(/\r\n|\n/)
        .filter((l) => l !== '')
        .map((l) => l.split('\t'));
      const headerAt = rows.findIndex((r) => r[0] === 'order-id');
      const header = headerAt >= 0 ? rows[headerAt] : [];
      const missing = SHIP_CONFIRM_COLUMNS.filter((c) => !header.includes(c));
      if (headerAt < 0 || missing.length > 0) {
        feed.status = 'FATAL';
        errors.push(['0', '', '', '90111', 'Error', `The file has no header row with ${missing.join(', ')}`]);
      } else {
        feed.status = 'DONE';
        const codes = amazonCarrierCodes(feed.marketplaceIds[0] === 'A1VC38T7YXB528' ? 'JP' : 'US');
        const lines: FeedLine[] = rows.slice(headerAt + 1).map((r, i) => ({
          recordNumber: i + 1,
          fields: Object.fromEntries(header.map((h, j) => [h, (r[j] ?? '').trim()])),
        }));
        this.processed.set(feed.feedId, lines);
        for (const { recordNumber, fields: f } of lines) {
          processed++;
          const err = (code: string, message: string) =>
            errors.push([String(recordNumber), f['order-id'], f['order-item-id'], code, 'Error', message]);
          const before = errors.length;
          if (!/^\d{3}-\d{7}-\d{7}$/.test(f['order-id']))
            err('18028', `The order id ${f['order-id']} is not valid.`);
          else if (f['order-item-id'] && !/^\d{14}$/.test(f['order-item-id']))
            err('18030', `The order item id ${f['order-item-id']} is not valid for order ${f['order-id']}.`);
          else if (f.quantity && !/^[1-9]\d*$/.test(f.quantity))
            err('18031', 'quantity must be a positive whole number.');
          else if (!/^\d{4}-\d{2}-\d{2}/.test(f['ship-date'])) err('18032', 'ship-date must be yyyy-mm-dd.');
          else if (!codes.includes(f['carrier-code']))
            err(
              '18155',
              `The carrier-code ${f['carrier-code']} is not valid. Use a value from the template.`,
            );
          else if (f['carrier-code'] === 'Other' && !f['carrier-name'])
            err('18156', 'carrier-name is required when carrier-code is Other.');
          else if (!f['tracking-number']) err('18157', 'tracking-number is required.');
          else {
            const rejected = this.rejectTracking.get(f['tracking-number']);
            if (rejected) err(rejected.code, rejected.message);
          }
          if (errors.length > before) {
            failed++;
            continue;
          }
          const warned = this.warnTracking.get(f['tracking-number']);
          if (warned)
            errors.push([
              String(recordNumber),
              f['order-id'],
              f['order-item-id'],
              warned.code,
              'Warning',
              warned.message,
            ]);
          this.accepted.push({
            orderId: f['order-id'],
            orderItemId: f['order-item-id'],
            trackingNumber: f['tracking-number'],
            quantity: f.quantity,
          });
        }
      }
    }
    const text =
      'Feed Processing Summary:\n' +
      `\tNumber of records processed\t\t${processed}\n` +
      `\tNumber of records successful\t\t${processed - failed}\n\n` +
      (errors.length > 0
        ? [
            'original-record-number\torder-id\torder-item-id\terror-code\terror-type\terror-message',
            ...errors.map((e) => e.join('\t')),
          ].join('\n') + '\n'
        : '');
    const id = `amzn1.tortuga.4.na.result.${++this.counter}`;
    const bytes = Buffer.from(text, 'utf8');
    this.documents.set(id, {
      contentType: 'text/plain; charset=UTF-8',
      bytes: this.compressReports ? zlib.gzipSync(bytes) : bytes,
      compressed: this.compressReports,
    });
    feed.resultFeedDocumentId = id;
  }
}

function decode(bytes: Buffer, contentType: string): string {
  return /shift_jis/i.test(contentType) ? iconv.decode(bytes, 'cp932') : bytes.toString('utf8');
}
