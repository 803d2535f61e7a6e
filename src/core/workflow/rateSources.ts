/**
 * Where carrier choice gets its quotes (Settings `rate-source`): the rate card, Amazon Buy Shipping's live rates
 * for Amazon orders, or both competing. Live quotes keep who quoted them and the id to buy exactly that quote.
 */
import { shortServiceName } from '../amazon/buyShippingServices';
import type { Address, CarrierPlugin, RateRequest } from '../carriers/plugin';
import type { HttpPort } from '../http/httpPort';
import type { Settings } from '../settings/readSettings';
import { shipFromAddress } from '../settings/shipFromAddress';
import type { Problem } from '../tables/problem';
import type { Quoted, QuoteResult, Quoter } from './quoters';

export const RATE_SOURCES = ['card', 'amazon', 'both'] as const;
export type RateSource = (typeof RATE_SOURCES)[number];

export function isRateSource(text: string): text is RateSource {
  return (RATE_SOURCES as readonly string[]).includes(text);
}

/** Amazon order ids are 3-7-7 digits; anything else came from another channel and Buy Shipping cannot rate it. */
export function isAmazonOrderId(orderId: string): boolean {
  return /^\d{3}-\d{7}-\d{7}$/.test(orderId.trim());
}

/**
 * A live plug-in's quotes as candidates, each keeping its provider and rate id (so labels buys that quote).
 * Only Amazon orders are asked; a rule asking for a signature leaves only the services that offer it.
 */
export function buyShippingQuoter(
  plugin: CarrierPlugin,
  http: HttpPort,
  modes: ReadonlyMap<string, 'air' | 'ground'>,
  /** Orders whose quote failed for a passing reason (rate limit, server error, network): filled as they fail. */
  transient: Set<string> = new Set(),
): (request: RateRequest) => Promise<QuoteResult> {
  const name = plugin.metadata.name;
  return async (request) => {
    if (!plugin.getRates) return { ok: false, code: 'NO_RATES', message: `${name} does not quote rates` };
    if (!isAmazonOrderId(request.orderId))
      return {
        ok: false,
        code: 'NOT_AMAZON',
        message: `${request.orderId} is not an Amazon order id, so ${name} cannot rate it (rate-source both rates it from the card)`,
      };
    let r: Awaited<ReturnType<NonNullable<CarrierPlugin['getRates']>>>;
    try {
      r = await plugin.getRates(request, http);
    } catch (e) {
      // The network, not Amazon: a passing failure of this order, never the whole run's.
      transient.add(request.orderId);
      return {
        ok: false,
        code: 'NETWORK',
        message: `${name} could not be reached (${e instanceof Error ? e.message : String(e)}); run choose-carriers again`,
      };
    }
    if (!r.ok && r.error.retryable) transient.add(request.orderId);
    if (!r.ok)
      return {
        ok: false,
        code: r.error.code,
        message: `${name}: ${r.error.message}${r.error.retryable ? ' (temporary: run choose-carriers again)' : ''}`,
      };
    if (r.value.length === 0)
      return {
        ok: false,
        code: 'NO_SERVICE',
        message: request.options?.signature
          ? `${name} offered no service with signature confirmation (the Rules ask for one) for this package`
          : `${name} offered no service for this package`,
      };
    return {
      ok: true,
      quotes: r.value.map((q): Quoted => {
        // `UPS 2nd Day Air` is `2nd Day Air` of UPS, as the card and Rules name it.
        const service = shortServiceName(q.carrier, q.service);
        return {
          carrier: q.carrier,
          service,
          mode: modes.get(`${q.carrier}\u0000${service}`) ?? modeOf(service),
          priceMinor: q.price.minor,
          currency: q.price.currency,
          transitDays: q.transitDays ?? null,
          expectedDelivery: q.expectedDelivery ?? null,
          zone: q.zone ?? '',
          billableOz: q.billableWeightOz ?? null,
          provider: q.provider,
          rateId: q.rateId,
        };
      }),
    };
  };
}

/** Air services by their names (Buy Shipping has no Services row to say so), for rules that exclude air. */
function modeOf(service: string): 'air' | 'ground' {
  return /\b(air|express|next day|2nd day|second day|priority|overnight)\b/i.test(service) ? 'air' : 'ground';
}

/**
 * Card and live quotes side by side: the rules and the promise choose among all of them. When only one side
 * answers, its quotes are used and the other side's reason is kept in `notes` (by package id) for the row.
 */
export function competingQuoter(card: Quoter, live: Quoter, notes: Map<string, string>): Quoter {
  return async (request) => {
    const [a, b] = await Promise.all([card(request), live(request)]);
    if (a.ok && b.ok) return { ok: true, quotes: [...a.quotes, ...b.quotes] };
    if (a.ok) {
      if (!b.ok && b.code !== 'NOT_AMAZON')
        notes.set(request.parcel.packageId, `rated from the card only: ${b.message}`);
      return a;
    }
    if (b.ok) {
      notes.set(request.parcel.packageId, `rated from Buy Shipping only: the card has ${a.message}`);
      return b;
    }
    return { ok: false, code: b.code, message: `${a.message}; ${b.message}` };
  };
}

/** The ship-from address Buy Shipping needs (all of it, unlike the card, which needs only the postal code). */
export function liveShipFrom(settings: Settings): { address: Address | null; problems: Problem[] } {
  return shipFromAddress(settings, 'Buy Shipping rates need the whole ship-from address');
}
