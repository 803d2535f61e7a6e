/**
 * `confirm-shipments --via feed`: the whole batch as one POST_FLAT_FILE_FULFILLMENT_DATA feed (the same file
 * `export ship-confirm` writes), then Amazon's processing report read back line by line onto the Orders rows.
 */
import type { ShipConfirmFile } from '../confirm/shipConfirmFile';
import { buildShipConfirmFile } from '../confirm/shipConfirmFile';
import { shipConfirmLinesOf } from '../confirm/planConfirmations';
import {
  createFeed,
  createFeedDocument,
  downloadFeedDocument,
  feedContentType,
  FULFILLMENT_FEED_TYPE,
  getFeedDocument,
  uploadFeedDocument,
  waitForFeed,
} from '../amazon/feeds';
import type { Feed } from '../amazon/feeds';
import type { ProcessingReport } from '../amazon/processingReport';
import { parseProcessingReport, recordsByLine } from '../amazon/processingReport';
import type { SpApiClient } from '../amazon/spApiClient';
import { isSpApiError } from '../amazon/spApiError';
import { detectEncoding } from '../flatfiles/detectEncoding';
import type { HttpPort } from '../http/httpPort';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import type { ConfirmOptions, LineOutcome, Sender, Sent } from './confirmShipments';
import { confirmShipments } from './confirmShipments';
import type { RunContext } from './logEntry';

/** The byte work the core leaves to its host: Node has iconv-lite and zlib, Apps Script has Utilities. */
export interface FeedCodec {
  /** The file's bytes in its encoding (UTF-8, or CP932 for Japan); throws when a character cannot be encoded. */
  encode(file: ShipConfirmFile): Uint8Array;
  decode(bytes: Uint8Array, encoding: 'utf-8' | 'cp932' | 'windows-1252'): string;
  gunzip(bytes: Uint8Array): Uint8Array;
}

export interface ConfirmViaFeedOptions extends ConfirmOptions {
  readonly http: HttpPort;
  readonly codec: FeedCodec;
  /** Between getFeed polls (Amazon's getFeed allows 2 a second; a fulfillment feed takes minutes). */
  readonly pollIntervalMs: number;
  /** How long to wait for Amazon's report before leaving the feed to finish on its own. */
  readonly timeoutMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

export function confirmShipmentsViaFeed(
  book: Workbook,
  client: SpApiClient,
  context: RunContext,
  options: ConfirmViaFeedOptions,
): Promise<ActionResult> {
  return confirmShipments(book, context, options, feedSender(client, options));
}

export function feedSender(client: SpApiClient, options: ConfirmViaFeedOptions): Sender {
  return async (plan, ctx) => {
    const lines = shipConfirmLinesOf(plan.packages);
    const refs = plan.packages.flatMap((p) =>
      p.items.map((i) => ({ key: p.key, orderItemId: i.orderItemId })),
    );
    const file = buildShipConfirmFile(lines, ctx.marketplace);
    const bytes = options.codec.encode(file);
    const contentType = feedContentType(file.encoding);
    const sentBefore = client.sent;

    // Until createFeed has answered, Amazon has nothing: a failure refuses and leaves the workbook as it was.
    let feedId: string;
    try {
      ctx.onProgress?.('Uploading the confirmation feed', 0, 0);
      const document = await createFeedDocument(client, contentType);
      await uploadFeedDocument(options.http, document, contentType, bytes);
      feedId = await createFeed(client, FULFILLMENT_FEED_TYPE, ctx.marketplaceId, document.feedDocumentId);
    } catch (e) {
      if (!isSpApiError(e)) throw e;
      return {
        refused: `Amazon did not take the confirmation feed: ${e.message}${e.details ? ` (${e.details})` : ''}. Nothing was confirmed or written.`,
      };
    }

    const each = (state: LineOutcome['state'], message: string): LineOutcome[] =>
      refs.map((r) => ({ packageKey: r.key, orderItemId: r.orderItemId, state, message }));
    const done = (outcomes: LineOutcome[], extra: Partial<Sent> = {}): Sent => ({
      outcomes,
      lines: [
        `Feed ${feedId}: ${lines.length} line${lines.length === 1 ? '' : 's'} sent.`,
        ...(extra.lines ?? []),
      ],
      problems: extra.problems ?? [],
      stats: { lines: lines.length, requests: client.sent - sentBefore, ...(extra.stats ?? {}) },
      source: `feed ${feedId}`,
    });
    const waiting = (why: string) =>
      each(
        'submitted',
        `sent in feed ${feedId}; ${why}: see its processing report in Seller Central (Upload status) before sending it again`,
      );

    let feed: Feed | null;
    let polls: number;
    let report: ProcessingReport | null = null;
    try {
      ctx.onProgress?.(`Waiting for Amazon to process feed ${feedId}`, 0, 0);
      ({ feed, polls } = await waitForFeed(client, feedId, {
        intervalMs: options.pollIntervalMs,
        timeoutMs: options.timeoutMs,
        sleep: options.sleep,
      }));
      if (feed === null)
        return done(waiting(`Amazon had not finished it after ${Math.round(options.timeoutMs / 1000)} s`), {
          stats: { polls },
        });
      if (feed.resultFeedDocumentId) {
        const document = await getFeedDocument(client, feed.resultFeedDocumentId);
        const raw = await downloadFeedDocument(options.http, document, (b) => options.codec.gunzip(b));
        const detected = detectEncoding(raw);
        report = parseProcessingReport(
          options.codec.decode(
            raw,
            detected === 'shift_jis' ? 'cp932' : detected === 'windows-1252' ? 'windows-1252' : 'utf-8',
          ),
        );
      }
    } catch (e) {
      if (!isSpApiError(e)) throw e;
      return done(waiting(`its result could not be read (${e.message})`));
    }

    const stats = { polls };
    if (feed.processingStatus === 'CANCELLED')
      return done(each('failed', `Amazon cancelled feed ${feedId} before processing it`), { stats });
    if (feed.processingStatus === 'FATAL') {
      const why = report ? firstErrors(report) : '';
      return done(each('failed', `Amazon could not process feed ${feedId} (FATAL)${why ? `: ${why}` : ''}`), {
        stats,
      });
    }
    if (!report) return done(waiting('Amazon finished it without a processing report'), { stats });
    if (!report.readable)
      return done(waiting(`its processing report could not be read (${report.text.slice(0, 120)})`), {
        stats,
      });

    // DONE: each line accepted unless the report holds an error for it.
    const { byLine, unplaced } = recordsByLine(report, lines);
    const problems: Problem[] = unplaced.map((r) =>
      problem(
        ordersTable.name,
        null,
        null,
        `Amazon's processing report of feed ${feedId}: ${r.type.toLowerCase()} ${r.code}: ${r.message}`,
      ),
    );
    const covered = report.processed === null || report.processed >= lines.length;
    const outcomes: LineOutcome[] = refs.map((ref, i) => {
      const said = byLine.get(i + 1) ?? [];
      const errors = said.filter((r) => r.type === 'Error');
      const base = { packageKey: ref.key, orderItemId: ref.orderItemId };
      if (errors.length > 0)
        return {
          ...base,
          state: 'rejected',
          message: errors.map((r) => `Amazon rejected the confirmation (${r.code}): ${r.message}`).join('; '),
        };
      if (!covered && said.length === 0)
        return {
          ...base,
          state: 'failed',
          message: `Amazon's report of feed ${feedId} covers ${report!.processed} of ${lines.length} lines`,
        };
      const warnings = said.filter((r) => r.type === 'Warning');
      return {
        ...base,
        state: 'accepted',
        ...(warnings.length > 0
          ? { warning: warnings.map((r) => `${r.code}: ${r.message}`).join('; ') }
          : {}),
      };
    });
    return done(outcomes, {
      problems,
      stats,
      lines: [
        `Amazon processed feed ${feedId}: ${report.processed ?? '?'} records, ${report.successful ?? '?'} successful.`,
      ],
    });
  };
}

function firstErrors(report: ProcessingReport): string {
  const errors = report.records.filter((r) => r.type === 'Error').slice(0, 3);
  if (errors.length > 0) return errors.map((r) => `${r.code} ${r.message}`.trim()).join('; ');
  return report.readable ? '' : report.text.trim().slice(0, 200);
}
