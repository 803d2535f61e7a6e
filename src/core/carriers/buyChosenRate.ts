/**
 * Buying a package's label at the rate carrier choice chose: the chosen live quote when the request carries its
 * id; when the provider says that quote has expired, the package is re-rated once and the same carrier and
 * service bought, with a note saying so (and the new price when it changed).
 */
import type { HttpPort } from '../http/httpPort';
import { formatMoneyPlain } from '../money/parseMoney';
import type { CarrierError, CarrierPlugin, LabelRequest, PurchasedLabel } from './plugin';
import { rateForPurchase } from './rateForPurchase';

export type ChosenPurchase =
  | { ok: true; request: LabelRequest; label: PurchasedLabel; note: string | null }
  | { ok: false; stage: 'rate'; message: string }
  | { ok: false; stage: 'buy'; error: CarrierError };

/** Amazon answers a purchase of a stale quote with InvalidInput naming the expired token or rate. */
export function isExpiredQuote(error: CarrierError): boolean {
  return /expired|no longer valid|invalid (request ?token|rate ?id)/i.test(error.message);
}

export async function buyChosenRate(
  provider: CarrierPlugin,
  request: LabelRequest,
  http: HttpPort,
): Promise<ChosenPurchase> {
  const rated = await rateForPurchase(provider, request, http);
  if (!rated.ok) return { ok: false, stage: 'rate', message: rated.message };
  const first = await provider.buyLabel!(rated.value, http);
  if (first.ok) return { ok: true, request: rated.value, label: first.value, note: null };
  if (!request.rate.rateId || !isExpiredQuote(first.error))
    return { ok: false, stage: 'buy', error: first.error };
  const fresh = await rateForPurchase(
    provider,
    { ...request, rate: { ...request.rate, rateId: undefined } },
    http,
  );
  if (!fresh.ok)
    return {
      ok: false,
      stage: 'rate',
      message: `the rate chosen at choose-carriers expired, and re-rating failed: ${fresh.message}`,
    };
  const second = await provider.buyLabel!(fresh.value, http);
  if (!second.ok) return { ok: false, stage: 'buy', error: second.error };
  const was = request.rate.price;
  const now = fresh.value.rate.price;
  const price =
    was.minor === now.minor && was.currency === now.currency
      ? 'same price'
      : `now ${formatMoneyPlain(now.minor, now.currency)} ${now.currency}, was ${formatMoneyPlain(was.minor, was.currency)} ${was.currency}`;
  return {
    ok: true,
    request: fresh.value,
    label: second.value,
    note: `the ${request.rate.carrier} ${request.rate.service} rate chosen at choose-carriers had expired; re-rated and bought the same service (${price})`,
  };
}
