/**
 * How carrier choice gets quotes for a package: from the rate card directly (synchronous, no conversion —
 * it quotes tens of thousands of packages a run), or from any carrier plug-in through its getRates.
 */
import type { CarrierPlugin, RateRequest } from '../carriers/plugin';
import type { ServiceQuote } from '../carriers/quoteService';
import type { RateCardPlugin } from '../carriers/rateCardPlugin';
import { noServiceMessage } from '../carriers/rateCardPlugin';
import type { Candidate } from '../carriers/selectService';
import type { HttpPort } from '../http/httpPort';

export interface Quoted extends Candidate {
  readonly zone: string;
  readonly billableOz: number | null;
  /** A live provider that quoted it (absent: the rate card). */
  readonly provider?: string;
  /** The provider's id for buying exactly this quote (Buy Shipping: requestToken|rateId). */
  readonly rateId?: string;
}

export type QuoteResult =
  | { readonly ok: true; readonly quotes: Quoted[] }
  | { readonly ok: false; readonly code: string; readonly message: string };

export type Quoter = (request: RateRequest) => QuoteResult | Promise<QuoteResult>;

export function rateCardQuoter(plugin: RateCardPlugin): Quoter {
  return (request) => {
    const r = plugin.quote(request);
    if (r.zoneError !== undefined) return { ok: false, code: 'NO_ZONE', message: r.zoneError };
    if (r.quotes.length === 0)
      return { ok: false, code: 'NO_SERVICE', message: noServiceMessage(r.ineligible) };
    // A ServiceQuote already is a candidate: no copy per service (tens of thousands of packages a run).
    return { ok: true, quotes: r.quotes as ServiceQuote[] };
  };
}

/** Any plug-in: its RateQuotes as candidates; a service's mode from the Services sheet when it is there. */
export function pluginQuoter(
  plugin: CarrierPlugin,
  http: HttpPort,
  modes: ReadonlyMap<string, 'air' | 'ground'>,
): Quoter {
  return async (request) => {
    if (!plugin.getRates)
      return { ok: false, code: 'NO_RATES', message: `${plugin.metadata.name} does not quote rates` };
    const r = await plugin.getRates(request, http);
    if (!r.ok) return { ok: false, code: r.error.code, message: r.error.message };
    return {
      ok: true,
      quotes: r.value.map((q) => ({
        carrier: q.carrier,
        service: q.service,
        mode: modes.get(`${q.carrier}\u0000${q.service}`) ?? 'ground',
        priceMinor: q.price.minor,
        currency: q.price.currency,
        transitDays: q.transitDays ?? null,
        expectedDelivery: q.expectedDelivery ?? null,
        zone: q.zone ?? '',
        billableOz: q.billableWeightOz ?? null,
      })),
    };
  };
}
