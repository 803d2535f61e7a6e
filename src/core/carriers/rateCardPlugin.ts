/**
 * The rate-card carrier plug-in (offline, the default): quotes every service of the seller's own rate card
 * (Services, Rates, Surcharges, Zones sheets) for a package. It needs no HTTP; it only quotes, never buys.
 */
import { toMajor } from '../money/parseMoney';
import { addWorkingDays } from '../promise/calendar';
import { packageFacts } from '../rules/packageFacts';
import type { CarrierPlugin, CarrierResult, RateQuote, RateRequest } from './plugin';
import { quoteService, surchargeLines } from './quoteService';
import type { ServiceQuote } from './quoteService';
import type { CardService, RateCard } from './rateCard';
import type { ZoneChart, ZoneLookup } from './zoneChart';

export const RATE_CARD_PROVIDER = 'rate-card';

export interface RateCardPluginOptions {
  readonly card: RateCard;
  readonly zones: ZoneChart;
  /** Dates no carrier delivers (`yyyy-mm-dd`), besides each service's own weekdays. */
  readonly holidays?: ReadonlySet<string>;
}

export interface RateCardQuotes {
  readonly quotes: readonly ServiceQuote[];
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
  const deliveryCache = new Map<CardService, { shipDate: string; byDays: string[] }>();
  const deliveryOf = (s: CardService, shipDate: string, days: number): string => {
    let c = deliveryCache.get(s);
    if (!c || c.shipDate !== shipDate) deliveryCache.set(s, (c = { shipDate, byDays: [] }));
    let d = c.byDays[days];
    if (d === undefined)
      c.byDays[days] = d = addWorkingDays(shipDate, days, { weekdays: s.deliveryDays, holidays });
    return d;
  };

  // Many packages go to the same ZIP: look each destination's zones up once per carrier.
  const zoneCache = new Map<string, Map<string, ZoneLookup>>();
  const zonesFor = (country: string, postalCode: string): Map<string, ZoneLookup> => {
    const k = `${country}\u0000${postalCode}`;
    let m = zoneCache.get(k);
    if (!m) {
      m = new Map(carriers.map((c) => [c, options.zones.zoneOf(c, country, postalCode)]));
      zoneCache.set(k, m);
    }
    return m;
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
    const zoneByCarrier = zonesFor(to.country, to.postalCode);
    const zoneErrors = [...zoneByCarrier.values()].filter((z) => !z.ok);
    if (zoneErrors.length === carriers.length && carriers.length > 0) {
      const first = zoneErrors[0];
      return { quotes: [], ineligible: [], zoneError: first.ok ? '' : first.message };
    }
    const quotes: ServiceQuote[] = [];
    const ineligible: string[] = [];
    const shipDate = request.shipDate;
    const deliveryDate = (s: CardService, days: number) => deliveryOf(s, shipDate, days);
    for (const s of options.card.services) {
      const z = zoneByCarrier.get(s.carrier)!;
      if (!z.ok) {
        ineligible.push(`${s.carrier}: ${z.message}`);
        continue;
      }
      const q = quoteService(s, facts, z.zone, deliveryDate);
      if (q.ok) quotes.push(q.quote);
      else ineligible.push(q.reason);
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
          error: { code: 'NO_SERVICE', message: noServiceMessage(r.ineligible), retryable: false },
        };
      return {
        ok: true,
        value: r.quotes.map(toRateQuote),
      };
    },
  };
}

export function toRateQuote(q: ServiceQuote): RateQuote {
  const quote: RateQuote = {
    provider: RATE_CARD_PROVIDER,
    carrier: q.carrier,
    service: q.service,
    price: { minor: q.priceMinor, currency: q.currency },
    zone: q.zone,
    billableWeightOz: q.billableOz,
    surcharges: surchargeLines(q.baseMinor, q.applied).map((s) => ({
      name: s.name,
      price: { minor: s.minor, currency: q.currency },
    })),
  };
  return {
    ...quote,
    ...(q.transitDays === null ? {} : { transitDays: q.transitDays }),
    ...(q.expectedDelivery === null ? {} : { expectedDelivery: q.expectedDelivery }),
  };
}

export function noServiceMessage(ineligible: readonly string[]): string {
  return `no service can carry it: ${ineligible.join('; ')}`;
}
