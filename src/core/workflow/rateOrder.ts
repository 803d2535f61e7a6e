/**
 * One order's carrier choice: its items packed, each package quoted by the carrier plug-in, the rules and
 * the promise applied, the service chosen. Pure apart from the quoter (a live plug-in's getRates).
 */
import { formatRateId } from '../carriers/chosenRate';
import type { Address, RateRequest } from '../carriers/plugin';
import { selectService } from '../carriers/selectService';
import { formatRatesConsidered } from '../carriers/ratesConsidered';
import { toInches, toOunces } from '../carriers/units';
import type { LengthUnit, WeightUnit } from '../carriers/units';
import type { Box } from '../packing/boxes';
import type { PackItem } from '../packing/packOrder';
import { formatSides, OWN_PACKAGING, packOrder } from '../packing/packOrder';
import { orderPromise } from '../promise/deliverBy';
import type { OrderPromise } from '../promise/deliverBy';
import { evaluateRules } from '../rules/evaluateRules';
import { packageFacts } from '../rules/packageFacts';
import type { ListingRecord } from '../tables/listings';
import type { OrderRecord } from '../tables/orders';
import { toMajor } from '../money/parseMoney';
import type { CarrierConfig } from './chooseCarriersConfig';
import type { Quoter } from './quoters';

export interface OrderRow {
  readonly rowNumber: number;
  readonly record: OrderRecord;
}

export interface RatedFields {
  readonly 'package-id': string;
  readonly package: string;
  readonly 'billable-weight-oz': number;
  readonly zone: string;
  readonly carrier: string;
  readonly service: string;
  readonly rate: number;
  readonly 'rate-currency': string;
  readonly 'expected-delivery': string | null;
  readonly 'rates-considered': string;
  readonly 'shipping-options': string | null;
  readonly 'rate-source': string;
  readonly 'rate-id': string | null;
}

export type OrderRating =
  | {
      ok: true;
      rows: Map<number, RatedFields>;
      packages: number;
      totalMinor: number;
      currency: string;
      warning: string | null;
    }
  | { ok: false; rowNumber: number; column: string | null; message: string };

const fail = (rowNumber: number, column: string | null, message: string): OrderRating => ({
  ok: false,
  rowNumber,
  column,
  message,
});

/** Units to ship: what stock allocated, else what is left to ship, else what was ordered. */
export function unitsToPack(r: OrderRecord): number {
  return r['allocated-qty'] ?? r['quantity-to-ship'] ?? r['quantity-purchased'];
}

/** What a run learns once and reuses for every order: units by SKU, promises by promise fields. */
export interface RatingCache {
  readonly units: Map<string, UnitInfo>;
  readonly promises: Map<string, OrderPromise>;
}

export function newRatingCache(): RatingCache {
  return { units: new Map(), promises: new Map() };
}

type UnitInfo =
  | { ok: true; unitWeightOz: number; sides: [number, number, number]; box: Box | null }
  | { ok: false; message: string };

/** One unit of a SKU as packing needs it: weight in ounces, sides in inches (longest first), its box. */
function unitOf(
  sku: string,
  l: { rowNumber: number; record: ListingRecord } | undefined,
  bad: string | undefined,
  config: CarrierConfig,
): UnitInfo {
  if (bad) return { ok: false, message: bad };
  if (!l)
    return { ok: false, message: `SKU ${sku} has no Listings row: its weight and size are needed to rate` };
  const lr = l.record;
  if (lr.weight === null || lr.weight <= 0)
    return { ok: false, message: `Listings row ${l.rowNumber} (SKU ${sku}) has no weight` };
  if (!lr.length || !lr.width || !lr.height)
    return { ok: false, message: `Listings row ${l.rowNumber} (SKU ${sku}) needs length, width and height` };
  const lu = (lr['dimension-unit'] ?? 'in') as LengthUnit;
  const s = [lr.length, lr.width, lr.height].map((x) => toInches(x, lu)).sort((a, b) => b - a);
  const typeName = (lr['package-type'] ?? '').trim() || config.defaultBox;
  let box: Box | null = null;
  if (typeName !== '' && !OWN_PACKAGING.has(typeName.toLowerCase()) && !/^own\b/i.test(typeName)) {
    box = config.boxes.get(typeName.toLowerCase()) ?? null;
    if (!box)
      return {
        ok: false,
        message: `Listings row ${l.rowNumber} (SKU ${sku}): package-type "${typeName}" is not a row of the Boxes sheet`,
      };
  }
  return {
    ok: true,
    unitWeightOz: toOunces(lr.weight, (lr['weight-unit'] ?? 'lb') as WeightUnit),
    sides: [s[0], s[1], s[2]],
    box,
  };
}

export async function rateOrder(
  rows: readonly OrderRow[],
  listings: ReadonlyMap<string, { rowNumber: number; record: ListingRecord }>,
  config: CarrierConfig,
  quoter: Quoter,
  shipFrom: Address,
  cache: RatingCache = newRatingCache(),
  /** SKU (lower case) → why its Listings row could not be read. */
  badListings: ReadonlyMap<string, string> = new Map(),
): Promise<OrderRating> {
  const first = rows[0].record;
  const country = (first['ship-country'] ?? 'US').trim().toUpperCase();
  const orderFacts = {
    shipCountry: country,
    shipState: first['ship-state'] ?? '',
    shipPostalCode: first['ship-postal-code'] ?? '',
    shipCity: first['ship-city'] ?? '',
    shipServiceLevel: first['ship-service-level'] ?? '',
    isPrime: first['is-prime'] ?? false,
    isBusinessOrder: first['is-business-order'] ?? false,
    residential: !(first['is-business-order'] ?? false),
  };
  if ((first['ship-postal-code'] ?? '').trim() === '' && country === 'US')
    return fail(
      rows[0].rowNumber,
      'ship-postal-code',
      'the order has no ship-postal-code, so no zone and no rate',
    );

  const items: PackItem[] = [];
  for (const { rowNumber, record: r } of rows) {
    const qty = unitsToPack(r);
    if (qty <= 0) return fail(rowNumber, 'allocated-qty', 'nothing to ship (quantity 0)');
    const skuKey = r.sku.trim().toLowerCase();
    let unit = cache.units.get(skuKey);
    if (!unit)
      cache.units.set(skuKey, (unit = unitOf(r.sku, listings.get(skuKey), badListings.get(skuKey), config)));
    if (!unit.ok) return fail(rowNumber, 'sku', unit.message);
    const { unitWeightOz, sides, box } = unit;
    // Only the "ship separately" rules are asked about each item alone (the others are about packages).
    const separate =
      config.separateRules.length > 0 &&
      evaluateRules(
        config.separateRules,
        packageFacts({
          weightOz: unitWeightOz * qty,
          lengthIn: sides[0],
          widthIn: sides[1],
          heightIn: sides[2],
          quantity: qty,
          skus: [r.sku],
          ...orderFacts,
        }),
      ).separate;
    items.push({ rowNumber, sku: r.sku, quantity: qty, unitWeightOz, unitSidesIn: sides, box, separate });
  }
  const packed = packOrder(items, config.boxList);
  if (!packed.ok) return fail(packed.rowNumber, 'sku', packed.message);

  const promiseInput = {
    promiseDate: first['promise-date'],
    deliveryEndDate: first['delivery-end-date'],
    deliveryTimeZone: first['delivery-time-zone'],
    shipServiceLevel: first['ship-service-level'],
    isPrime: first['is-prime'] ?? false,
  };
  // Orders of a day share a handful of promise dates; time-zone math is the costly part, so do it once each.
  const promiseKey = `${promiseInput.promiseDate}|${promiseInput.deliveryEndDate}|${promiseInput.deliveryTimeZone}|${promiseInput.shipServiceLevel}|${promiseInput.isPrime}`;
  let promise = cache.promises.get(promiseKey);
  if (!promise) {
    promise = orderPromise(promiseInput, config.promise, config.shipDate);
    cache.promises.set(promiseKey, promise);
  }
  const warning =
    promise.shipBy !== null && promise.shipBy < config.shipDate
      ? `ships late: the ship-by date was ${promise.shipBy}, the earliest ship date is ${config.shipDate}`
      : null;
  const currency = (first.currency ?? config.currency).toUpperCase();
  const shipTo: Address = {
    name: first['recipient-name'] ?? '',
    line1: first['ship-address-1'] ?? '',
    city: first['ship-city'] ?? '',
    state: first['ship-state'] ?? undefined,
    postalCode: first['ship-postal-code'] ?? '',
    country,
    residential: orderFacts.residential,
  };
  const out = new Map<number, RatedFields>();
  let totalMinor = 0;
  let rateCurrency = config.currency;
  const orderId = first['order-id'];
  for (const pkg of packed.packages) {
    const pkgRows = rows.filter((r) => pkg.rows.includes(r.rowNumber));
    const minor = pkgRows.reduce((s, r) => s + (r.record['item-price'] ?? 0), 0);
    const facts = packageFacts({
      weightOz: pkg.weightOz,
      lengthIn: pkg.sidesIn[0],
      widthIn: pkg.sidesIn[1],
      heightIn: pkg.sidesIn[2],
      orderValue: toMajor(minor, currency),
      quantity: pkgRows.reduce((n, r) => n + unitsToPack(r.record), 0),
      skus: pkgRows.map((r) => r.record.sku),
      box: pkg.box ?? '',
      ...orderFacts,
    });
    const outcome = evaluateRules(config.rules, facts);
    const rowNumber = pkg.rows[0];
    if (outcome.holdRow !== null) return fail(rowNumber, null, `held by Rules row ${outcome.holdRow}`);
    const packageId = `${orderId}-${pkg.number}`;
    const request: RateRequest = {
      orderId,
      items: pkgRows.map((r) => ({
        orderItemId: r.record['order-item-id'],
        sku: r.record.sku,
        quantity: unitsToPack(r.record),
      })),
      shipFrom,
      shipTo,
      parcel: {
        packageId,
        weightOz: pkg.weightOz,
        lengthIn: pkg.sidesIn[0],
        widthIn: pkg.sidesIn[1],
        heightIn: pkg.sidesIn[2],
        ...(pkg.box ? { box: pkg.box } : {}),
      },
      shipDate: config.shipDate,
      declaredValue: { minor, currency },
      ...(outcome.signature ? { options: { signature: true } } : {}),
    };
    const answer = quoter(request);
    const result = answer instanceof Promise ? await answer : answer;
    if (!result.ok)
      return fail(rowNumber, result.code === 'NO_ZONE' ? 'ship-postal-code' : null, result.message);
    const candidates = result.quotes;
    const chosen = selectService(candidates, outcome, promise.deliverBy);
    if (!chosen.ok) return fail(rowNumber, null, chosen.message);
    const c = chosen.chosen;
    totalMinor += c.priceMinor;
    rateCurrency = c.currency;
    const fields: RatedFields = {
      'package-id': packageId,
      package: `${pkg.box ?? 'own packaging'} ${formatSides(pkg.sidesIn)}, ${Number(pkg.weightOz.toFixed(2))} oz`,
      'billable-weight-oz': c.billableOz ?? pkg.weightOz,
      zone: c.zone,
      carrier: c.carrier,
      service: c.service,
      rate: c.priceMinor,
      'rate-currency': c.currency,
      'expected-delivery': c.expectedDelivery,
      'rates-considered': formatRatesConsidered(topThree(chosen.eligible, c)),
      'shipping-options': outcome.signature ? 'signature' : null,
      'rate-source': c.provider ?? 'card',
      'rate-id': c.rateId ? formatRateId(c.rateId, c.carrier, c.service) : null,
    };
    for (const r of pkg.rows) out.set(r, fields);
  }
  return {
    ok: true,
    rows: out,
    packages: packed.packages.length,
    totalMinor,
    currency: rateCurrency,
    warning,
  };
}

/** The 3 cheapest rates, cheapest first, always including the chosen one (a rule may have chosen a dearer one). */
export function topThree<T>(byPrice: readonly T[], chosen: T): T[] {
  const top = byPrice.slice(0, 3);
  if (!top.includes(chosen)) top[top.length - 1] = chosen;
  return top;
}
