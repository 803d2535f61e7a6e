/**
 * The Orders `rate-id` cell: a live quote carrier choice chose (Buy Shipping's `requestToken|rateId`) together
 * with the carrier and service it is for, so labels buys exactly that quote — and only while the row still names
 * that carrier and service (a seller or the sidebar may have picked another one since).
 */
import type { LabelRequest } from './plugin';

/** `requestToken|rateId|CARRIER/SERVICE` (the carrier and service after the provider's two ids). */
export function formatRateId(rateId: string, carrier: string, service: string): string {
  return `${rateId}|${carrier}/${service}`;
}

export interface ChosenRate {
  /** The provider's id as its getRates gave it (Buy Shipping: `requestToken|rateId`). */
  readonly rateId: string;
  readonly carrier: string;
  readonly service: string;
}

export function parseRateId(text: string | null | undefined): ChosenRate | null {
  const parts = (text ?? '').trim().split('|');
  if (parts.length < 3) return null;
  const label = parts.slice(2).join('|');
  const slash = label.indexOf('/');
  if (slash <= 0 || parts[0] === '' || parts[1] === '') return null;
  return {
    rateId: `${parts[0]}|${parts[1]}`,
    carrier: label.slice(0, slash),
    service: label.slice(slash + 1),
  };
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
