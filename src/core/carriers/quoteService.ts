/** Price one package with one service of the rate card: limits, billable weight, weight break, surcharges. */
import type { PackageFacts } from '../rules/facts';
import { billableWeight } from './billableWeight';
import type { CardService, Surcharge } from './rateCard';
import { breakFor } from './rateCard';

export interface ServiceQuote {
  readonly service: CardService;
  readonly zone: string;
  readonly billableOz: number;
  readonly baseMinor: number;
  readonly surcharges: readonly { readonly name: string; readonly minor: number }[];
  readonly totalMinor: number;
  readonly currency: string;
  readonly transitDays: number | null;
}

export type QuoteOutcome = { ok: true; quote: ServiceQuote } | { ok: false; reason: string };

const lb = (oz: number) => `${Number((oz / 16).toFixed(2))} lb`;

export function quoteService(service: CardService, pkg: PackageFacts, zone: string): QuoteOutcome {
  const name = `${service.carrier} ${service.service}`;
  if (service.maxWeightOz !== null && pkg.weightOz > service.maxWeightOz + 1e-9)
    return { ok: false, reason: `${lb(pkg.weightOz)} is over ${name}'s ${lb(service.maxWeightOz)} limit` };
  if (service.maxLengthIn !== null && pkg.lengthIn > service.maxLengthIn + 1e-9)
    return { ok: false, reason: `${pkg.lengthIn} in long is over ${name}'s ${service.maxLengthIn} in` };
  if (service.maxLengthGirthIn !== null && pkg.lengthGirthIn > service.maxLengthGirthIn + 1e-9)
    return {
      ok: false,
      reason: `length + girth ${Number(pkg.lengthGirthIn.toFixed(1))} in is over ${name}'s ${service.maxLengthGirthIn} in`,
    };
  const rates = service.zones.get(zone.toUpperCase());
  if (!rates) return { ok: false, reason: `${name} has no rates to zone ${zone}` };
  const weight = billableWeight(pkg, service.weight);
  let billableOz = weight.billableOz;
  let applied: Surcharge[] = [];
  if (service.surcharges.length > 0) {
    const facts = { zone, billableOz };
    const seen = new Set<string>();
    for (const s of service.surcharges) {
      if (seen.has(s.name) || !s.condition(pkg, facts)) continue;
      seen.add(s.name);
      applied.push(s);
    }
    if (applied.some((s) => s.insteadOf.length > 0)) {
      const replaced = new Set(applied.flatMap((s) => s.insteadOf));
      applied = applied.filter((s) => !replaced.has(s.name));
    }
    for (const s of applied)
      if (s.minBillableOz !== null && s.minBillableOz > billableOz) billableOz = s.minBillableOz;
  }
  const i = breakFor(rates, billableOz);
  if (i < 0)
    return {
      ok: false,
      reason: `billable ${lb(billableOz)} is over ${name}'s heaviest rate to zone ${zone} (${lb(rates.maxOz[rates.maxOz.length - 1])})`,
    };
  const baseMinor = rates.priceMinor[i];
  const charges: { name: string; minor: number }[] = [];
  let fixed = 0;
  for (const s of applied) {
    if (s.amountMinor > 0) {
      charges.push({ name: s.name, minor: s.amountMinor });
      fixed += s.amountMinor;
    }
  }
  let percent = 0;
  for (const s of applied) {
    if (s.basisPoints > 0) {
      // Fuel is a percent of the transportation charge and the fixed fees; rounded half up to the cent.
      const minor = Math.round(((baseMinor + fixed) * s.basisPoints) / 10000);
      charges.push({ name: s.name, minor });
      percent += minor;
    }
  }
  return {
    ok: true,
    quote: {
      service,
      zone,
      billableOz,
      baseMinor,
      surcharges: charges,
      totalMinor: baseMinor + fixed + percent,
      currency: service.currency,
      transitDays: rates.transitDays[i] ?? service.transit?.(zone) ?? null,
    },
  };
}
