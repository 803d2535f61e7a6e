/**
 * The rate-card carrier plug-in (offline, the default): quotes every service of the seller's own rate card
 * (Services, Rates, Surcharges, Zones sheets) for a package. It needs no HTTP; it only quotes, never buys.
 */
import { addWorkingDays } from '../promise/calendar';
import { majorUnitsConverter } from './majorUnits';
import type { FieldDef } from '../rules/facts';
import { packageFacts } from '../rules/packageFacts';
import type { CarrierPlugin, CarrierResult, RateQuote, RateRequest } from './plugin';
import { quoteIn, ratesTo, surchargeLines, transitTo } from './quoteService';
import type { DeliveryDate, ServiceQuote } from './quoteService';
import type { CardService, RateCard, ZoneRates } from './rateCard';
import type { ZoneChart } from './zoneChart';

/** One destination as the card sees it: per service (in card order) its zone, prices and transit days. */
interface Destination {
  /** Set when no carrier has a zone for it. */
  readonly zoneError: string | undefined;
  readonly services: readonly {
    readonly zone: string;
    readonly rates: ZoneRates | undefined;
    readonly transitDays: number | null;
    /** Why the service's carrier has no zone for it, or null. */
    readonly noZone: string | null;
  }[];
}

export const RATE_CARD_PROVIDER = 'rate-card';

export interface RateCardPluginOptions {
  readonly card: RateCard;
  readonly zones: ZoneChart;
  /** Dates no carrier delivers (`yyyy-mm-dd`), besides each service's own weekdays. */
  readonly holidays?: ReadonlySet<string>;
}

/** Read-only: packages that look the same to the card share one answer. */
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

  // Many packages go to the same ZIP: look each destination's zone up once per carrier, and each service's
  // prices and transit days to that zone once, not once per package.
  const services = options.card.services;
  const destinations = new Map<string, Map<string, Destination>>();
  const destinationOf = (country: string, postalCode: string): Destination => {
    let byCode = destinations.get(country);
    if (!byCode) destinations.set(country, (byCode = new Map()));
    let d = byCode.get(postalCode);
    if (!d) {
      const zoneByCarrier = new Map(carriers.map((c) => [c, options.zones.zoneOf(c, country, postalCode)]));
      const zoneErrors = [...zoneByCarrier.values()].filter((z) => !z.ok);
      const first = zoneErrors[0];
      d = {
        zoneError:
          zoneErrors.length === carriers.length && carriers.length > 0
            ? first.ok
              ? ''
              : first.message
            : undefined,
        services: services.map((s) => {
          const z = zoneByCarrier.get(s.carrier)!;
          return z.ok
            ? { zone: z.zone, rates: ratesTo(s, z.zone), transitDays: transitTo(s, z.zone), noZone: null }
            : { zone: '', rates: undefined, transitDays: null, noZone: `${s.carrier}: ${z.message}` };
        }),
      };
      byCode.set(postalCode, d);
    }
    return d;
  };
  const toMajor = majorUnitsConverter();
  let lastShipDate: string | null = null;
  let deliveryDate: DeliveryDate = () => null;

  // Packages that look the same to the card get the same quotes: a quote reads the package's weight and sides,
  // its destination's zones, the ship date, and — through the surcharge conditions — only the fields those
  // conditions name. So the quotes are memoised (for this plug-in, i.e. one run) on exactly those values.
  // Fields computed from weight and sides alone are already in the key.
  const keyFields: FieldDef[] = [];
  for (const s of services)
    for (const x of s.surcharges)
      for (const f of x.fields)
        if (!f.perService && !SIZE_FIELDS.has(f.name) && !keyFields.includes(f)) keyFields.push(f);
  const extras: unknown[] = new Array(keyFields.length);
  let memo = new Map<Destination, Map<number, MemoEntry[]>>();
  let memoSize = 0;

  const quote = (request: RateRequest): RateCardQuotes => {
    const p = request.parcel;
    const to = request.shipTo;
    const destination = destinationOf(to.country, to.postalCode);
    if (destination.zoneError !== undefined)
      return { quotes: [], ineligible: [], zoneError: destination.zoneError };
    let quantity = 0;
    const skus: string[] = [];
    for (const i of request.items) {
      quantity += i.quantity;
      skus.push(i.sku);
    }
    const facts = packageFacts({
      weightOz: p.weightOz,
      lengthIn: p.lengthIn,
      widthIn: p.widthIn,
      heightIn: p.heightIn,
      orderValue: request.declaredValue
        ? toMajor(request.declaredValue.minor, request.declaredValue.currency)
        : 0,
      quantity,
      skus,
      shipCountry: to.country,
      shipState: to.state ?? '',
      shipPostalCode: to.postalCode,
      shipCity: to.city,
      residential: to.residential ?? true,
      signature: request.options?.signature ?? false,
      box: p.box ?? '',
    });
    if (request.shipDate !== lastShipDate) {
      const shipDate = (lastShipDate = request.shipDate);
      deliveryDate = (s, days) => deliveryOf(s, shipDate, days);
      memo = new Map();
      memoSize = 0;
    }
    let byWeight = memo.get(destination);
    if (!byWeight) memo.set(destination, (byWeight = new Map()));
    let same = byWeight.get(facts.weightOz);
    if (!same) byWeight.set(facts.weightOz, (same = []));
    for (let k = 0; k < keyFields.length; k++) extras[k] = keyOf(keyFields[k].get(facts, null));
    for (const e of same)
      if (
        e.lengthIn === facts.lengthIn &&
        e.widthIn === facts.widthIn &&
        e.heightIn === facts.heightIn &&
        sameValues(e.extras, extras)
      )
        return e.answer;
    const quotes: ServiceQuote[] = [];
    const ineligible: string[] = [];
    for (let k = 0; k < services.length; k++) {
      const here = destination.services[k];
      if (here.noZone !== null) {
        ineligible.push(here.noZone);
        continue;
      }
      const q = quoteIn(services[k], facts, here.zone, here.rates, here.transitDays, deliveryDate);
      if (typeof q === 'string') ineligible.push(q);
      else quotes.push(q);
    }
    const answer: RateCardQuotes = { quotes, ineligible };
    // Bounded, should one plug-in quote for a very long time.
    if (++memoSize > 250_000) {
      memo = new Map();
      memoSize = 0;
    } else
      same.push({
        lengthIn: facts.lengthIn,
        widthIn: facts.widthIn,
        heightIn: facts.heightIn,
        extras: extras.slice(),
        answer,
      });
    return answer;
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

/** Fields that read only a package's weight and sides (packageFacts derives them from nothing else). */
const SIZE_FIELDS: ReadonlySet<string> = new Set([
  'weight-oz',
  'weight-lb',
  'length-in',
  'width-in',
  'height-in',
  'girth-in',
  'length-girth-in',
  'volume-cubic-in',
]);

/** One memoised answer among those of the same destination and weight. */
interface MemoEntry {
  readonly lengthIn: number;
  readonly widthIn: number;
  readonly heightIn: number;
  /** The key fields' values, in keyFields order. */
  readonly extras: readonly unknown[];
  readonly answer: RateCardQuotes;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** A fact as a comparable value: lists (the SKUs) by their items, anything else as it is. */
function keyOf(v: number | string | boolean | readonly string[]): unknown {
  return typeof v === 'object' ? v.join('\u0000') : v;
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
