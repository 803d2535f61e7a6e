/**
 * The Orders `rate-id` cell: a live quote carrier choice chose (Buy Shipping's `requestToken|rateId`) together
 * with the carrier and service it is for, so labels buys exactly that quote — and only while the row still names
 * that carrier and service (a seller or the sidebar may have picked another one since).
 */
import type { LabelRequest } from './plugin';

/** `requestToken|rateId[|vas:ID]|CARRIER/SERVICE`: the provider's id, then the carrier and service it is for. */
export function formatRateId(rateId: string, carrier: string, service: string): string {
  return `${rateId}|${carrier}/${service}`;
}

export interface ChosenRate {
  /** The provider's id as its getRates gave it (Buy Shipping: `requestToken|rateId`, `|vas:ID` for extras). */
  readonly rateId: string;
  readonly carrier: string;
  readonly service: string;
}

export function parseRateId(text: string | null | undefined): ChosenRate | null {
  // The carrier/service is after the last `|`; the provider's id (which may hold `|` itself) is before it.
  const t = (text ?? '').trim();
  const cut = t.lastIndexOf('|');
  if (cut < 0) return null;
  const rateId = t.slice(0, cut);
  const label = t.slice(cut + 1);
  const slash = label.indexOf('/');
  const ids = rateId.split('|');
  if (slash <= 0 || ids.length < 2 || ids[0] === '' || ids[1] === '') return null;
  return { rateId, carrier: label.slice(0, slash), service: label.slice(slash + 1) };
}

/**
 * The label request with the chosen quote's id when the package's rows still name its carrier and service; else
 * unchanged (the provider re-rates for the row's carrier and service just before buying).
 */
export function withChosenRate(
  request: LabelRequest,
  cell: string | null | undefined,
): { request: LabelRequest; stale: boolean } {
  const chosen = parseRateId(cell);
  if (!chosen) return { request, stale: false };
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (!same(chosen.carrier, request.rate.carrier) || !same(chosen.service, request.rate.service))
    return { request, stale: true };
  return { request: { ...request, rate: { ...request.rate, rateId: chosen.rateId } }, stale: false };
}
