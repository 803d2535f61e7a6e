/**
 * The rate-card carrier plug-in (offline, the default): quotes every service of the seller's own rate card
 * (Services, Rates, Surcharges, Zones sheets) for a package. It needs no HTTP; it only quotes, never buys.
 */
import { toMajor } from '../money/parseMoney';
import { addWorkingDays } from '../promise/calendar';
import { packageFacts } from '../rules/packageFacts';
import type { CarrierPlugin, CarrierResult, RateQuote, RateRequest } from './plugin';
import { quoteService } from './quoteService';
import type { ServiceQuote } from './quoteService';
import type { CardService, RateCard } from './rateCard';
import type { ZoneChart } from './zoneChart';

export const RATE_CARD_PROVIDER = 'rate-card';

export interface RateCardPluginOptions {
  readonly card: RateCard;
  readonly zones: ZoneChart;
  /** Dates no carrier delivers (`yyyy-mm-dd`), besides each service's own weekdays. */
  readonly holidays?: ReadonlySet<string>;
}

export interface RateCardQuotes {
  readonly quotes: readonly { readonly quote: ServiceQuote; readonly expectedDelivery: string | null }[];
  /** Why each service that gave no quote could not carry the package. */
  readonly ineligible: readonly string[];
  /** Set when no destination zone was found for any carrier. */
  readonly zoneError?: string;
}

export interface RateCardPlugin extends CarrierPlugin {
  /** The same quotes as getRates, synchronously and with the card's own objects (for the workflow and tests). */
  quote(request: RateRequest): RateCardQuotes;
}

export function rateCardPlugin(options: RateCardPluginOptions): RateCardPlugin {
  const holidays = options.holidays ?? new Set<string>();
  const carriers = [...new Set(options.card.services.map((s) => s.carrier))];
  // Expected delivery depends only on the ship date, the service's delivery weekdays and the transit days.
  const deliveryCache = new Map<CardService, Map<string, string>>();
  const deliveryOf = (s: CardService, shipDate: string, days: number): string => {
    let m = deliveryCache.get(s);
    if (!m) deliveryCache.set(s, (m = new Map()));
    const k = `${shipDate}+${days}`;
    let d = m.get(k);
    if (d === undefined)
      m.set(k, (d = addWorkingDays(shipDate, days, { weekdays: s.deliveryDays, holidays })));
    return d;
  };

  const quote = (request: RateRequest): RateCardQuotes => {
    const p = request.parcel;
    const to = request.shipTo;
    const facts = packageFacts({
      weightOz: p.weightOz,
      lengthIn: p.lengthIn,
      widthIn: p.widthIn,
      heightIn: p.heightIn,
      orderValue: request.declaredValue
        ? toMajor(request.declaredValue.minor, request.declaredValue.currency)
        : 0,
      quantity: request.items.reduce((n, i) => n + i.quantity, 0),
      skus: request.items.map((i) => i.sku),
      shipCountry: to.country,
      shipState: to.state ?? '',
      shipPostalCode: to.postalCode,
      shipCity: to.city,
      residential: to.residential ?? true,
      signature: request.options?.signature ?? false,
      box: p.box ?? '',
    });
    const zoneByCarrier = new Map<string, { ok: true; zone: string } | { ok: false; message: string }>();
    for (const c of carriers) zoneByCarrier.set(c, options.zones.zoneOf(c, to.country, to.postalCode));
    const zoneErrors = [...zoneByCarrier.values()].filter((z) => !z.ok);
    if (zoneErrors.length === carriers.length && carriers.length > 0) {
      const first = zoneErrors[0];
      return { quotes: [], ineligible: [], zoneError: first.ok ? '' : first.message };
    }
    const quotes: { quote: ServiceQuote; expectedDelivery: string | null }[] = [];
    const ineligible: string[] = [];
    for (const s of options.card.services) {
      const z = zoneByCarrier.get(s.carrier)!;
      if (!z.ok) {
        ineligible.push(`${s.carrier}: ${z.message}`);
        continue;
      }
      const q = quoteService(s, facts, z.zone);
      if (!q.ok) {
        ineligible.push(q.reason);
        continue;
      }
      const t = q.quote.transitDays;
      quotes.push({
        quote: q.quote,
        expectedDelivery: t === null ? null : deliveryOf(s, request.shipDate, t),
      });
    }
    return { quotes, ineligible };
  };

  return {
    metadata: { id: RATE_CARD_PROVIDER, name: 'Rate card (your own rates, offline)', carriers },
    quote,
    async getRates(request): Promise<CarrierResult<RateQuote[]>> {
      const r = quote(request);
      if (r.zoneError !== undefined)
        return { ok: false, error: { code: 'NO_ZONE', message: r.zoneError, retryable: false } };
      if (r.quotes.length === 0)
        return {
          ok: false,
          error: {
            code: 'NO_SERVICE',
            message: `no service can carry it: ${r.ineligible.join('; ')}`,
            retryable: false,
          },
        };
      return {
        ok: true,
        value: r.quotes.map(({ quote: q, expectedDelivery }) => toRateQuote(q, expectedDelivery)),
      };
    },
  };
}

export function toRateQuote(q: ServiceQuote, expectedDelivery: string | null): RateQuote {
  return {
    provider: RATE_CARD_PROVIDER,
    carrier: q.service.carrier,
    service: q.service.service,
    price: { minor: q.totalMinor, currency: q.currency },
    ...(q.transitDays === null ? {} : { transitDays: q.transitDays }),
    ...(expectedDelivery === null ? {} : { expectedDelivery }),
    zone: q.zone,
    billableWeightOz: q.billableOz,
    surcharges: q.surcharges.map((s) => ({ name: s.name, price: { minor: s.minor, currency: q.currency } })),
  };
}
