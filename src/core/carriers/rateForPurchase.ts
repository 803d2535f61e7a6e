/** Re-rating a package just before its label is bought, for providers whose quotes expire. */
import type { HttpPort } from '../http/httpPort';
import type { CarrierPlugin, LabelRequest } from './plugin';

/**
 * A provider that quotes live (Buy Shipping: a rate id and a short-lived request token) is asked again just
 * before buying, and the quote for the chosen carrier and service is the one bought. Rate-table choices
 * (no rate id) from a provider that does not quote are bought as they are.
 */
export async function rateForPurchase(
  provider: CarrierPlugin,
  request: LabelRequest,
  http: HttpPort,
): Promise<{ ok: true; value: LabelRequest } | { ok: false; message: string }> {
  if (request.rate.rateId || !provider.getRates) return { ok: true, value: request };
  const quotes = await provider.getRates(request.rateRequest, http);
  if (!quotes.ok)
    return { ok: false, message: `${provider.metadata.id} gave no rates: ${quotes.error.message}` };
  // Services are compared without the carrier's name in front: `UPS Ground` (Buy Shipping) is `Ground` (rate tables).
  const norm = (carrier: string, service: string) => {
    const c = carrier.trim().toLowerCase();
    const s = service.trim().toLowerCase();
    return s.startsWith(`${c} `) ? s.slice(c.length + 1) : s;
  };
  const wanted = norm(request.rate.carrier, request.rate.service);
  const quote = quotes.value.find(
    (q) =>
      q.carrier.trim().toLowerCase() === request.rate.carrier.trim().toLowerCase() &&
      norm(q.carrier, q.service) === wanted,
  );
  if (!quote)
    return {
      ok: false,
      message: `${provider.metadata.id} no longer offers ${request.rate.carrier} ${request.rate.service} for it (offers: ${quotes.value.map((q) => `${q.carrier} ${q.service}`).join(', ') || 'none'}); choose carriers again`,
    };
  return {
    ok: true,
    value: {
      ...request,
      rate: { ...quote, billableWeightOz: quote.billableWeightOz ?? request.rate.billableWeightOz },
    },
  };
}
