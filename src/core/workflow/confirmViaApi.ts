/**
 * `confirm-shipments --via api`: one Orders API confirmShipment call per package, paced by the operation's usage
 * plan (2 requests a second, burst 10). Amazon answers each at once, so its message lands on the row it is about.
 */
import { confirmShipment } from '../amazon/confirmShipment';
import { confirmShipDate } from '../amazon/confirmShipDate';
import { RatePacer } from '../amazon/ratePacer';
import type { SpApiClient } from '../amazon/spApiClient';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import type { ConfirmOptions, LineOutcome, Sender } from './confirmShipments';
import { confirmShipments } from './confirmShipments';
import type { RunContext } from './logEntry';

/** confirmShipment's documented usage plan. */
export const CONFIRM_SHIPMENT_RATE = { rate: 2, burst: 10 } as const;

export interface ConfirmViaApiOptions extends ConfirmOptions {
  /** The clock and the wait the pacing uses (Date.now and setTimeout on Node, instant in tests). */
  readonly clock: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** After this many packages in a row got no answer (429s or 5xx past the client's retries), the rest wait. */
const GIVE_UP_AFTER = 3;

export function confirmShipmentsViaApi(
  book: Workbook,
  client: SpApiClient,
  context: RunContext,
  options: ConfirmViaApiOptions,
): Promise<ActionResult> {
  return confirmShipments(book, context, options, apiSender(client, options));
}

export function apiSender(client: SpApiClient, options: ConfirmViaApiOptions): Sender {
  return async (plan, ctx) => {
    const pacer = new RatePacer(
      CONFIRM_SHIPMENT_RATE.rate,
      CONFIRM_SHIPMENT_RATE.burst,
      options.clock,
      options.sleep,
    );
    const outcomes: LineOutcome[] = [];
    const all = (
      key: string,
      items: readonly { orderItemId: string }[],
      o: Omit<LineOutcome, 'packageKey' | 'orderItemId'>,
    ) => items.forEach((i) => outcomes.push({ packageKey: key, orderItemId: i.orderItemId, ...o }));
    let accepted = 0;
    let unanswered = 0;
    let stopped: string | null = null;
    const sentBefore = client.sent;
    for (const [n, p] of plan.packages.entries()) {
      if (stopped !== null) {
        all(p.key, p.items, { state: 'failed', message: stopped });
        continue;
      }
      await pacer.take();
      let r;
      try {
        r = await confirmShipment(client, {
          marketplaceId: ctx.marketplaceId,
          orderId: p.orderId,
          packageReferenceId: p.packageReferenceId,
          carrierCode: p.carrierCode,
          carrierName: p.carrierName ?? undefined,
          shippingMethod: p.shippingMethod ?? undefined,
          trackingNumber: p.trackingNumber,
          shipDate: confirmShipDate(p.shipDate, ctx.now, ctx.timeZone),
          orderItems: p.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
        });
      } catch (e) {
        // No answer at all (the network is down): nothing sent yet means nothing to record.
        if (accepted === 0 && outcomes.length === 0) throw e;
        stopped = `the connection to Amazon failed (${e instanceof Error ? e.message : String(e)})`;
        all(p.key, p.items, { state: 'failed', message: stopped });
        continue;
      }
      ctx.onProgress?.('Confirming shipments with Amazon', n + 1, plan.packages.length);
      if (r.ok) {
        accepted++;
        unanswered = 0;
        all(p.key, p.items, { state: 'accepted' });
        continue;
      }
      const text = amazonMessage(r.message, r.details);
      if (r.code === 'LwaError' || r.status === 401 || r.status === 403) {
        // Credentials or the app's roles, not this order: the same answer would come for every package.
        if (accepted === 0 && outcomes.length === 0)
          return {
            refused: `Amazon refused the connection (${r.code ?? r.status}): ${text}. Nothing was confirmed or written.`,
          };
        stopped = `Amazon refused the connection (${r.code ?? r.status}): ${text}`;
        all(p.key, p.items, { state: 'failed', message: stopped });
        continue;
      }
      if (r.retryable) {
        unanswered++;
        all(p.key, p.items, { state: 'failed', message: `Amazon did not answer: ${text}` });
        if (unanswered >= GIVE_UP_AFTER) stopped = `Amazon did not answer: ${text}`;
        continue;
      }
      unanswered = 0;
      all(p.key, p.items, {
        state: 'rejected',
        message: `Amazon rejected the confirmation${r.code ? ` (${r.code})` : ''}: ${text}`,
      });
    }
    return {
      outcomes,
      lines: [],
      problems: [],
      stats: { requests: client.sent - sentBefore },
      source: 'Orders API confirmShipment',
    };
  };
}

/** Amazon's text without our operation prefix; its details after a dash. */
function amazonMessage(message: string, details?: string): string {
  const text = message.replace(/^confirmShipment: /, '');
  const extra = details && !text.includes(details) ? ` — ${details}` : '';
  return `${text}${extra}`;
}
