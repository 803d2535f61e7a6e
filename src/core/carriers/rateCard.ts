/**
 * The rate card compiled from the Services, Rates and Surcharges sheets: per service its weight rules, limits,
 * transit days, and its prices by zone and weight break, ready to quote many packages fast.
 */
import { parseCondition } from '../rules/condition';
import type { Condition } from '../rules/condition';
import type { FieldDef } from '../rules/facts';
import { parseWeekdays } from '../promise/calendar';
import type { Grid } from '../tables/cell';
import { decodeTable } from '../tables/decodeTable';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { ratesTable } from '../tables/rates';
import { servicesTable } from '../tables/services';
import { surchargesTable } from '../tables/surcharges';
import type { WeightRules } from './billableWeight';
import { parseTransitDays } from './transitDays';
import type { TransitTable } from './transitDays';
import { toOunces } from './units';
import type { WeightUnit } from './units';

export interface Surcharge {
  readonly row: number;
  readonly name: string;
  readonly condition: Condition;
  /** The fields the condition reads. */
  readonly fields: readonly FieldDef[];
  readonly amountMinor: number;
  /** Percent × 100 (basis points), so 19.5 % is 1950: integer arithmetic on money. */
  readonly basisPoints: number;
  readonly minBillableOz: number | null;
  readonly insteadOf: readonly string[];
}

/** Prices of one zone, sorted by weight break. */
export interface ZoneRates {
  readonly maxOz: number[];
  readonly priceMinor: number[];
  /** A Rates row's own transit-days, when it gives one (overrides the Services row). */
  readonly transitDays: (number | null)[];
}

export interface CardService {
  readonly carrier: string;
  readonly service: string;
  readonly mode: 'air' | 'ground';
  readonly weight: WeightRules;
  readonly maxWeightOz: number | null;
  readonly maxLengthIn: number | null;
  readonly maxLengthGirthIn: number | null;
  readonly transit: TransitTable | null;
  readonly deliveryDays: ReadonlySet<number>;
  readonly currency: string;
  readonly zones: ReadonlyMap<string, ZoneRates>;
  readonly surcharges: readonly Surcharge[];
}

export interface RateCard {
  readonly services: readonly CardService[];
}

const MON_FRI: ReadonlySet<number> = new Set([1, 2, 3, 4, 5]);

const key = (carrier: string, service: string) =>
  `${carrier.trim().toLowerCase()}\u0000${service.trim().toLowerCase()}`;

/** Compile the three sheets. Every bad row is a problem; a card with problems must not be used to rate. */
export function buildRateCard(
  sheets: { services: Grid | null; rates: Grid | null; surcharges: Grid | null },
  defaultCurrency: string,
): { card: RateCard; problems: Problem[] } {
  const problems: Problem[] = [];
  const services = decodeTable(servicesTable, sheets.services ?? []);
  problems.push(...services.problems);
  const building = new Map<
    string,
    {
      base: Omit<CardService, 'zones' | 'surcharges' | 'currency'>;
      currency: string | null;
      zones: Map<string, { maxOz: number; price: number; transit: number | null; row: number }[]>;
      surcharges: Surcharge[];
      row: number;
    }
  >();
  const disabled = new Set<string>();
  for (const r of services.rows) {
    if (!r.valid) continue;
    const s = r.record;
    const k = key(s.carrier, s.service);
    if (s.enabled === false) {
      disabled.add(k);
      continue;
    }
    if (building.has(k)) {
      problems.push(
        problem(
          servicesTable.name,
          r.rowNumber,
          'service',
          `${s.carrier} ${s.service} is also on row ${building.get(k)!.row}`,
        ),
      );
      continue;
    }
    let transit: TransitTable | null = null;
    if (s['transit-days'] !== null) {
      const t = parseTransitDays(s['transit-days']);
      if (!t.ok) {
        problems.push(
          problem(
            servicesTable.name,
            r.rowNumber,
            'transit-days',
            `transit-days ${t.message}`,
            s['transit-days'],
          ),
        );
        continue;
      }
      transit = t.days;
    }
    let deliveryDays = MON_FRI;
    if (s['delivery-days'] !== null) {
      const d = parseWeekdays(s['delivery-days']);
      if (!d.ok) {
        problems.push(
          problem(
            servicesTable.name,
            r.rowNumber,
            'delivery-days',
            `delivery-days ${d.message}`,
            s['delivery-days'],
          ),
        );
        continue;
      }
      deliveryDays = d.days;
    }
    building.set(k, {
      row: r.rowNumber,
      currency: null,
      zones: new Map(),
      surcharges: [],
      base: {
        carrier: s.carrier.trim(),
        service: s.service.trim(),
        mode: s.mode ?? 'ground',
        weight: {
          dimDivisor: s['dim-divisor'] && s['dim-divisor'] > 0 ? s['dim-divisor'] : null,
          dimMinCubicIn: s['dim-min-cubic-in'] ?? 0,
          rounding: s['weight-rounding'] ?? 'lb',
        },
        maxWeightOz: s['max-weight-lb'] === null ? null : s['max-weight-lb'] * 16,
        maxLengthIn: s['max-length-in'],
        maxLengthGirthIn: s['max-length-girth-in'],
        transit,
        deliveryDays,
      },
    });
  }

  const rates = decodeTable(ratesTable, sheets.rates ?? []);
  problems.push(...rates.problems);
  const missingService = new Map<string, number>();
  for (const r of rates.rows) {
    if (!r.valid) continue;
    const rec = r.record;
    const k = key(rec.carrier, rec.service);
    const b = building.get(k);
    if (!b) {
      if (disabled.has(k)) continue;
      if (!missingService.has(k)) {
        missingService.set(k, r.rowNumber);
        problems.push(
          problem(
            ratesTable.name,
            r.rowNumber,
            'service',
            `${rec.carrier} ${rec.service} has rates but no Services row (add one with its dim divisor, weight limit and transit days)`,
          ),
        );
      }
      continue;
    }
    const currency = (rec.currency ?? defaultCurrency).trim().toUpperCase();
    if (b.currency === null) b.currency = currency;
    else if (b.currency !== currency) {
      problems.push(
        problem(
          ratesTable.name,
          r.rowNumber,
          'currency',
          `${rec.carrier} ${rec.service} mixes currencies (${b.currency} and ${currency})`,
          currency,
        ),
      );
      continue;
    }
    const zone = rec.zone.trim().toUpperCase();
    const maxOz = toOunces(rec['max-weight'], (rec['weight-unit'] ?? 'lb') as WeightUnit);
    let list = b.zones.get(zone);
    if (!list) b.zones.set(zone, (list = []));
    const dup = list.find((x) => Math.abs(x.maxOz - maxOz) < 1e-6);
    if (dup) {
      problems.push(
        problem(
          ratesTable.name,
          r.rowNumber,
          'max-weight',
          `the same weight break as row ${dup.row} (${rec.carrier} ${rec.service}, zone ${zone})`,
          String(rec['max-weight']),
        ),
      );
      continue;
    }
    list.push({ maxOz, price: rec.price, transit: rec['transit-days'], row: r.rowNumber });
  }

  const surcharges = decodeTable(surchargesTable, sheets.surcharges ?? []);
  problems.push(...surcharges.problems);
  for (const r of surcharges.rows) {
    if (!r.valid) continue;
    const rec = r.record;
    const targets = [...building.values()].filter(
      (b) =>
        b.base.carrier.toLowerCase() === rec.carrier.trim().toLowerCase() &&
        (rec.service === null || b.base.service.toLowerCase() === rec.service.trim().toLowerCase()),
    );
    if (targets.length === 0) {
      const k = key(rec.carrier, rec.service ?? '');
      if (!disabled.has(k))
        problems.push(
          problem(
            surchargesTable.name,
            r.rowNumber,
            rec.service === null ? 'carrier' : 'service',
            `no enabled Services row is ${rec.carrier}${rec.service ? ' ' + rec.service : ''}`,
          ),
        );
      continue;
    }
    const cond = parseCondition(rec['applies-when'] ?? '', { perService: true });
    if (!cond.ok) {
      problems.push(
        problem(surchargesTable.name, r.rowNumber, 'applies-when', cond.message, rec['applies-when'] ?? ''),
      );
      continue;
    }
    if (rec.amount === null && rec.percent === null && rec['min-billable-lb'] === null) {
      problems.push(
        problem(
          surchargesTable.name,
          r.rowNumber,
          'amount',
          'give an amount, a percent or a min-billable-lb',
        ),
      );
      continue;
    }
    const currency = (rec.currency ?? defaultCurrency).trim().toUpperCase();
    const surcharge: Surcharge = {
      row: r.rowNumber,
      name: rec.surcharge.trim().toLowerCase(),
      condition: cond.test,
      fields: cond.fields,
      amountMinor: rec.amount ?? 0,
      basisPoints: Math.round((rec.percent ?? 0) * 100),
      minBillableOz: rec['min-billable-lb'] === null ? null : rec['min-billable-lb'] * 16,
      insteadOf: (rec['instead-of'] ?? '')
        .split(/[,;]/)
        .map((s) => s.trim().toLowerCase())
        .filter((s) => s !== ''),
    };
    for (const t of targets) {
      if (rec.amount !== null && (t.currency ?? defaultCurrency.toUpperCase()) !== currency) {
        problems.push(
          problem(
            surchargesTable.name,
            r.rowNumber,
            'currency',
            `${t.base.carrier} ${t.base.service} is priced in ${t.currency}, this fee in ${currency}`,
            currency,
          ),
        );
        continue;
      }
      t.surcharges.push(surcharge);
    }
  }

  const out: CardService[] = [];
  for (const b of building.values()) {
    if (b.zones.size === 0) {
      problems.push(
        problem(
          servicesTable.name,
          b.row,
          'service',
          `${b.base.carrier} ${b.base.service} has no Rates rows (paste its rate card, or set enabled to FALSE)`,
        ),
      );
      continue;
    }
    const zones = new Map<string, ZoneRates>();
    for (const [zone, list] of b.zones) {
      list.sort((x, y) => x.maxOz - y.maxOz);
      zones.set(zone, {
        maxOz: list.map((x) => x.maxOz),
        priceMinor: list.map((x) => x.price),
        transitDays: list.map((x) => x.transit),
      });
    }
    out.push({
      ...b.base,
      currency: b.currency ?? defaultCurrency.toUpperCase(),
      zones,
      surcharges: b.surcharges,
    });
  }
  return { card: { services: out }, problems };
}

/** Index of the first weight break that covers a billable weight, or -1 (binary search). */
export function breakFor(rates: ZoneRates, billableOz: number): number {
  let lo = 0;
  let hi = rates.maxOz.length - 1;
  if (hi < 0 || rates.maxOz[hi] < billableOz - 1e-9) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rates.maxOz[mid] >= billableOz - 1e-9) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
