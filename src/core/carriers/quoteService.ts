/** Price one package with one service of the rate card: limits, billable weight, weight break, surcharges. */
import type { PackageFacts } from '../rules/facts';
import { billableOunces } from './billableWeight';
import type { CardService, Surcharge, ZoneRates } from './rateCard';
import { breakFor } from './rateCard';

/** A priced service; it has every field carrier choice compares (it is a selectService Candidate). */
export interface ServiceQuote {
  readonly card: CardService;
  readonly carrier: string;
  readonly service: string;
  readonly mode: 'air' | 'ground';
  readonly zone: string;
  readonly billableOz: number;
  readonly baseMinor: number;
  /** The Surcharges rows charged, in sheet order (amounts by `surchargeLines`). */
  readonly applied: readonly Surcharge[];
  /** Base plus surcharges: what the label costs. */
  readonly priceMinor: number;
  readonly currency: string;
  readonly transitDays: number | null;
  /** yyyy-mm-dd, when the ship date and transit days are known. */
  readonly expectedDelivery: string | null;
}

export type QuoteOutcome = { ok: true; quote: ServiceQuote } | { ok: false; reason: string };

/** Expected delivery for a service and its transit days (from the ship date the caller knows). */
export type DeliveryDate = (service: CardService, transitDays: number) => string | null;

const lb = (oz: number) => `${Number((oz / 16).toFixed(2))} lb`;
const nameOf = (s: CardService) => `${s.carrier} ${s.service}`;
const NO_SURCHARGES: readonly Surcharge[] = [];
/** Reused by quoteIn (synchronous, not re-entrant: conditions are plain tests and never quote). */
const SCRATCH: Surcharge[] = [];
const QUOTE_FACTS: { zone: string; billableOz: number } = { zone: '', billableOz: 0 };

function charged(applied: readonly Surcharge[], name: string): boolean {
  for (const a of applied) if (a.name === name) return true;
  return false;
}

export function quoteService(
  service: CardService,
  pkg: PackageFacts,
  zone: string,
  deliveryDate: DeliveryDate = () => null,
): QuoteOutcome {
  const q = quoteIn(service, pkg, zone, ratesTo(service, zone), transitTo(service, zone), deliveryDate);
  return typeof q === 'string' ? { ok: false, reason: q } : { ok: true, quote: q };
}

/** A service's prices to a zone (what quoteIn needs; the rate card looks it up once per destination). */
export function ratesTo(service: CardService, zone: string): ZoneRates | undefined {
  return service.zones.get(zone.toUpperCase());
}

/** A service's transit days to a zone from its Services row, or null. */
export function transitTo(service: CardService, zone: string): number | null {
  return service.transit?.(zone) ?? null;
}

/**
 * quoteService with the zone's prices and transit days already looked up: the quote, or why the service
 * cannot carry the package. No wrapper object: the rate card runs this for every service of every package.
 */
export function quoteIn(
  service: CardService,
  pkg: PackageFacts,
  zone: string,
  rates: ZoneRates | undefined,
  serviceTransitDays: number | null,
  deliveryDate: DeliveryDate,
): ServiceQuote | string {
  if (service.maxWeightOz !== null && pkg.weightOz > service.maxWeightOz + 1e-9)
    return `${lb(pkg.weightOz)} is over ${nameOf(service)}'s ${lb(service.maxWeightOz)} limit`;
  if (service.maxLengthIn !== null && pkg.lengthIn > service.maxLengthIn + 1e-9)
    return `${pkg.lengthIn} in long is over ${nameOf(service)}'s ${service.maxLengthIn} in`;
  if (service.maxLengthGirthIn !== null && pkg.lengthGirthIn > service.maxLengthGirthIn + 1e-9)
    return `length + girth ${Number(pkg.lengthGirthIn.toFixed(1))} in is over ${nameOf(service)}'s ${service.maxLengthGirthIn} in`;
  if (!rates) return `${nameOf(service)} has no rates to zone ${zone}`;
  let billableOz = billableOunces(pkg, service.weight);
  let list: readonly Surcharge[] = NO_SURCHARGES;
  if (service.surcharges.length > 0) {
    // The rows that hold are gathered in a scratch array and copied out at their exact length (this runs for
    // every service of every package); conditions read the quote facts only while they run.
    QUOTE_FACTS.zone = zone;
    QUOTE_FACTS.billableOz = billableOz;
    const applied = SCRATCH;
    applied.length = 0;
    let replaces = false;
    for (const s of service.surcharges) {
      // A name is charged once: the first of its rows that holds.
      if (charged(applied, s.name) || !s.condition(pkg, QUOTE_FACTS)) continue;
      applied.push(s);
      if (s.insteadOf.length > 0) replaces = true;
    }
    let kept: Surcharge[] = applied;
    if (replaces) {
      const replaced = new Set(applied.flatMap((s) => s.insteadOf));
      kept = applied.filter((s) => !replaced.has(s.name));
    }
    if (kept.length > 0) {
      list = kept === applied ? applied.slice() : kept;
      for (const s of list)
        if (s.minBillableOz !== null && s.minBillableOz > billableOz) billableOz = s.minBillableOz;
    }
    applied.length = 0;
  }
  const i = breakFor(rates, billableOz);
  if (i < 0)
    return `billable ${lb(billableOz)} is over ${nameOf(service)}'s heaviest rate to zone ${zone} (${lb(rates.maxOz[rates.maxOz.length - 1])})`;
  const baseMinor = rates.priceMinor[i];
  const transitDays = rates.transitDays[i] ?? serviceTransitDays;
  return {
    card: service,
    carrier: service.carrier,
    service: service.service,
    mode: service.mode,
    zone,
    billableOz,
    baseMinor,
    applied: list,
    priceMinor: baseMinor + surchargeTotal(baseMinor, list),
    currency: service.currency,
    transitDays,
    expectedDelivery: transitDays === null ? null : deliveryDate(service, transitDays),
  };
}

/**
 * The fees of a quote with their amounts: fixed amounts first, then each percent (fuel) of the base rate plus
 * the fixed fees, rounded half up to the cent. Integer arithmetic throughout.
 */
export function surchargeLines(
  baseMinor: number,
  applied: readonly Surcharge[],
): { name: string; minor: number }[] {
  const lines: { name: string; minor: number }[] = [];
  let fixed = 0;
  for (const s of applied)
    if (s.amountMinor > 0) {
      lines.push({ name: s.name, minor: s.amountMinor });
      fixed += s.amountMinor;
    }
  for (const s of applied)
    if (s.basisPoints > 0)
      lines.push({ name: s.name, minor: Math.round(((baseMinor + fixed) * s.basisPoints) / 10000) });
  return lines;
}

/** The sum of surchargeLines, without building them (the rate card computes it for every service quoted). */
function surchargeTotal(baseMinor: number, applied: readonly Surcharge[]): number {
  let fixed = 0;
  for (const s of applied) fixed += s.amountMinor;
  let total = fixed;
  for (const s of applied)
    if (s.basisPoints > 0) total += Math.round(((baseMinor + fixed) * s.basisPoints) / 10000);
  return total;
}
