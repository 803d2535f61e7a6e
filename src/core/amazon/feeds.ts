/**
 * Feeds API 2021-06-30 for one flat-file feed: createFeedDocument → PUT the bytes to the pre-signed URL →
 * createFeed → poll getFeed until Amazon is done → getFeedDocument and download the processing report.
 */
import type { HttpPort } from '../http/httpPort';
import type { SpApiClient } from './spApiClient';
import { spApiError } from './spApiError';

export const FULFILLMENT_FEED_TYPE = 'POST_FLAT_FILE_FULFILLMENT_DATA';

export const FEED_STATUSES = ['IN_QUEUE', 'IN_PROGRESS', 'DONE', 'FATAL', 'CANCELLED'] as const;
export type FeedStatus = (typeof FEED_STATUSES)[number];

export interface Feed {
  readonly feedId: string;
  readonly feedType: string;
  readonly processingStatus: FeedStatus;
  readonly createdTime?: string;
  readonly processingEndTime?: string;
  readonly resultFeedDocumentId?: string;
}

export interface FeedDocument {
  readonly feedDocumentId: string;
  readonly url: string;
  readonly compressionAlgorithm?: 'GZIP';
}

const BASE = '/feeds/2021-06-30';

/** The content type Amazon reads a tab-delimited feed with: UTF-8, or Shift-JIS for the Japanese template. */
export function feedContentType(encoding: 'utf-8' | 'cp932'): string {
  return `text/tab-separated-values; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'UTF-8'}`;
}

export async function createFeedDocument(client: SpApiClient, contentType: string): Promise<FeedDocument> {
  const body = await client.call<{ feedDocumentId?: string; url?: string }>({
    operation: 'createFeedDocument',
    method: 'POST',
    path: `${BASE}/documents`,
    body: { contentType },
  });
  if (!body.feedDocumentId || !body.url)
    throw spApiError(
      'InvalidResponse',
      'createFeedDocument: Amazon answered without a document id or URL',
      200,
    );
  return { feedDocumentId: body.feedDocumentId, url: body.url };
}

/** The pre-signed URL takes the bytes as they are, with the same content type, and no access token. */
export async function uploadFeedDocument(
  http: HttpPort,
  document: FeedDocument,
  contentType: string,
  bytes: Uint8Array,
): Promise<void> {
  const response = await http.send({
    method: 'PUT',
    url: document.url,
    headers: { 'content-type': contentType },
    body: bytes,
  });
  if (response.status < 200 || response.status >= 300)
    throw spApiError(
      'UploadFailed',
      `uploading the feed document: the upload URL answered HTTP ${response.status}`,
      response.status,
      response.body.slice(0, 300) || undefined,
    );
}

export async function createFeed(
  client: SpApiClient,
  feedType: string,
  marketplaceId: string,
  inputFeedDocumentId: string,
): Promise<string> {
  const body = await client.call<{ feedId?: string }>({
    operation: 'createFeed',
    method: 'POST',
    path: `${BASE}/feeds`,
    body: { feedType, marketplaceIds: [marketplaceId], inputFeedDocumentId },
  });
  if (!body.feedId) throw spApiError('InvalidResponse', 'createFeed: Amazon answered without a feed id', 202);
  return body.feedId;
}

export async function getFeed(client: SpApiClient, feedId: string): Promise<Feed> {
  return client.call<Feed>({
    operation: 'getFeed',
    method: 'GET',
    path: `${BASE}/feeds/${encodeURIComponent(feedId)}`,
  });
}

export interface PollOptions {
  /** Between two getFeed calls. Amazon takes minutes for a fulfillment feed; tests pass a few milliseconds. */
  readonly intervalMs: number;
  /** Give up after this long (the feed goes on at Amazon; its report can be read later). */
  readonly timeoutMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const GET_FEED_MIN_INTERVAL_MS = 500;

/** Poll until DONE, FATAL or CANCELLED; null when Amazon is still at it after the timeout. */
export async function waitForFeed(
  client: SpApiClient,
  feedId: string,
  options: PollOptions,
): Promise<{ feed: Feed | null; polls: number }> {
  // getFeed allows 2 requests a second: polling faster only buys 429s.
  const interval = Math.max(GET_FEED_MIN_INTERVAL_MS, options.intervalMs);
  const maxPolls = Math.max(1, Math.ceil(options.timeoutMs / interval) + 1);
  for (let polls = 1; polls <= maxPolls; polls++) {
    const feed = await getFeed(client, feedId);
    if (
      feed.processingStatus === 'DONE' ||
      feed.processingStatus === 'FATAL' ||
      feed.processingStatus === 'CANCELLED'
    )
      return { feed, polls };
    if (polls < maxPolls) await options.sleep(interval);
  }
  return { feed: null, polls: maxPolls };
}

export async function getFeedDocument(client: SpApiClient, feedDocumentId: string): Promise<FeedDocument> {
  const body = await client.call<FeedDocument>({
    operation: 'getFeedDocument',
    method: 'GET',
    path: `${BASE}/documents/${encodeURIComponent(feedDocumentId)}`,
  });
  if (!body.url) throw spApiError('InvalidResponse', 'getFeedDocument: Amazon answered without a URL', 200);
  return body;
}

/** The document's bytes, gunzipped when Amazon compressed it. */
export async function downloadFeedDocument(
  http: HttpPort,
  document: FeedDocument,
  gunzip: (bytes: Uint8Array) => Uint8Array,
): Promise<Uint8Array> {
  const response = await http.send({ method: 'GET', url: document.url, responseType: 'bytes' });
  if (response.status < 200 || response.status >= 300)
    throw spApiError(
      'DownloadFailed',
      `downloading the processing report: its URL answered HTTP ${response.status}`,
      response.status,
    );
  const bytes = response.bytes ?? new TextEncoderLite().encode(response.body);
  return document.compressionAlgorithm === 'GZIP' ? gunzip(bytes) : bytes;
}

/** UTF-8 encoding for adapters that hand back text only (no TextEncoder in every runtime the core runs on). */
class TextEncoderLite {
  encode(text: string): Uint8Array {
    const out: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return Uint8Array.from(out);
  }
}
