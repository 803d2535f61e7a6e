/**
 * One order's carrier choice: its items packed, each package quoted by the carrier plug-in, the rules and
 * the promise applied, the service chosen. Pure apart from the quoter (a live plug-in's getRates).
 */
import { formatRateId } from '../carriers/chosenRate';
import type { Address, RateRequest } from '../carriers/plugin';
import { selectService } from '../carriers/selectService';
import { majorUnitsConverter } from '../carriers/majorUnits';
import type { ToMajor } from '../carriers/majorUnits';
import { formatRatesConsidered } from '../carriers/ratesConsidered';
import type { RatesConsideredMemo } from '../carriers/ratesConsidered';
import { toInches, toOunces } from '../carriers/units';
import type { LengthUnit, WeightUnit } from '../carriers/units';
import type { Box } from '../packing/boxes';
import type { PackedPackage, PackItem } from '../packing/packOrder';
import { formatSides, OWN_PACKAGING, packOrder } from '../packing/packOrder';
import { orderPromise } from '../promise/deliverBy';
import type { OrderPromise } from '../promise/deliverBy';
import { evaluateRules } from '../rules/evaluateRules';
import type { RuleOutcome, RuleOutcomeMemo } from '../rules/evaluateRules';
import type { PackageFacts } from '../rules/facts';
import { packageFacts } from '../rules/packageFacts';
import type { ListingRecord } from '../tables/listings';
import type { OrderRecord } from '../tables/orders';
import type { CarrierConfig } from './chooseCarriersConfig';
import type { Quoted, QuoteResult, Quoter } from './quoters';

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
  readonly status: 'Rated';
  /** The order's warning (it ships late), or null. */
  readonly problem: string | null;
}

export type OrderRating =
  | {
      ok: true;
      /** The fields of each row, in the order of the rows given (a package's rows share one object). */
      fields: RatedFields[];
      packages: number;
      totalMinor: number;
      currency: string;
      warning: string | null;
    }
  | { ok: false; rowNumber: number; column: string | null; message: string };

const SIGNATURE = { signature: true } as const;

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

type PromiseCache = Map<
  string | null,
  Map<string | null, Map<string | null, Map<string | null, Map<boolean, OrderPromise>>>>
>;

/** What a run learns once and reuses for every order: units by SKU, promises by promise fields. */
export interface RatingCache {
  readonly units: Map<string, UnitInfo>;
  /** promise-date → delivery-end-date → delivery-time-zone → ship-service-level → is-prime → promise. */
  readonly promises: PromiseCache;
  /** A box's sides array → its `12x10x6 in` text. */
  readonly sidesText: Map<readonly number[], string>;
  /** A box's sides array → package weight → the whole `package` text. */
  readonly packageText: Map<readonly number[], Map<number, string>>;
  readonly considered: RatesConsideredMemo;
  readonly toMajor: ToMajor;
  /** Rule outcomes by which rules held (shared objects, so choices can be memoised by them). */
  readonly outcomes: RuleOutcomeMemo;
  /**
   * The rate card's quotes (it hands out the same array for packages that look the same to it) → rule outcome
   * → deliver-by → the service chosen and its rates-considered text: most packages of a run repeat one.
   */
  readonly choices: WeakMap<readonly Quoted[], Map<RuleOutcome, Map<string | null, Choice>>>;
}

/** What selectService and the top three make of one package's quotes, outcome and promise. */
type Choice =
  | { readonly ok: true; readonly chosen: Quoted; readonly considered: string }
  | { readonly ok: false; readonly message: string };

export function newRatingCache(): RatingCache {
  return {
    units: new Map(),
    promises: new Map(),
    sidesText: new Map(),
    packageText: new Map(),
    considered: new Map(),
    toMajor: majorUnitsConverter(),
    outcomes: new Map(),
    choices: new WeakMap(),
  };
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

/** The facts of the order every package of it shares. */
interface OrderFacts {
  readonly shipCountry: string;
  readonly shipState: string;
  readonly shipPostalCode: string;
  readonly shipCity: string;
  readonly shipServiceLevel: string;
  readonly isPrime: boolean;
  readonly isBusinessOrder: boolean;
  readonly residential: boolean;
}

/** A package's (or an item's) facts for the rules: its size, contents and value, and its order's facts. */
function factsOf(
  order: OrderFacts,
  weightOz: number,
  sidesIn: readonly number[],
  quantity: number,
  skus: readonly string[],
  orderValue: number,
  box: string,
): PackageFacts {
  // Every field written out, not `...order` spread into the input: a spread into a literal takes V8's slow
  // copy, and this runs for every item and package of a run.
  return packageFacts({
    weightOz,
    lengthIn: sidesIn[0],
    widthIn: sidesIn[1],
    heightIn: sidesIn[2],
    orderValue,
    quantity,
    skus,
    box,
    shipCountry: order.shipCountry,
    shipState: order.shipState,
    shipPostalCode: order.shipPostalCode,
    shipCity: order.shipCity,
    shipServiceLevel: order.shipServiceLevel,
    isPrime: order.isPrime,
    isBusinessOrder: order.isBusinessOrder,
    residential: order.residential,
  });
}

/**
 * Rate one order. Synchronous when the quoter is (the rate card quotes tens of thousands of packages a run:
 * a promise and a microtask per order were a large part of its cost); a Promise when a live plug-in quotes.
 */
export function rateOrder(
  rows: readonly OrderRow[],
  listings: ReadonlyMap<string, { rowNumber: number; record: ListingRecord }>,
  config: CarrierConfig,
  quoter: Quoter,
  shipFrom: Address,
  cache: RatingCache = newRatingCache(),
  /** SKU (lower case) → why its Listings row could not be read. */
  badListings: ReadonlyMap<string, string> = new Map(),
): OrderRating | Promise<OrderRating> {
  const first = rows[0].record;
  const country = (first['ship-country'] ?? 'US').trim().toUpperCase();
  const orderFacts: OrderFacts = {
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
    // Only the "ship separately" rules are asked about each item alone (the others are about packages); an
    // item ships separately when any of them holds, which is what evaluateRules(...).separate says.
    let separate = false;
    if (config.separateRules.length > 0) {
      const facts = factsOf(orderFacts, unitWeightOz * qty, sides, qty, [r.sku], 0, '');
      for (const rule of config.separateRules)
        if (rule.condition(facts, null)) {
          separate = true;
          break;
        }
    }
    items.push({ rowNumber, sku: r.sku, quantity: qty, unitWeightOz, unitSidesIn: sides, box, separate });
  }
  const packed = packOrder(items, config.boxList);
  if (!packed.ok) return fail(packed.rowNumber, 'sku', packed.message);

  const promise = promiseOf(first, config, cache);
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
  const out: RatedFields[] = new Array(rows.length);
  let totalMinor = 0;
  let rateCurrency = config.currency;
  const orderId = first['order-id'];
  const packages = packed.packages;

  /**
   * What a package's quote answer leads to: a failure of the whole order, or its fields (null: go on).
   * `shared`: the answer came from the rate card, whose quote arrays repeat (a live answer is new each time).
   */
  const settle = (
    pkg: PackedPackage,
    outcome: RuleOutcome,
    packageId: string,
    result: QuoteResult,
    shared: boolean,
  ) => {
    const rowNumber = pkg.rows[0];
    if (!result.ok)
      return fail(rowNumber, result.code === 'NO_ZONE' ? 'ship-postal-code' : null, result.message);
    const choice = shared
      ? memoChoice(result.quotes, outcome, promise.deliverBy, cache)
      : choose(result.quotes, outcome, promise.deliverBy, cache);
    if (!choice.ok) return fail(rowNumber, null, choice.message);
    const c = choice.chosen;
    totalMinor += c.priceMinor;
    rateCurrency = c.currency;
    const fields: RatedFields = {
      'package-id': packageId,
      package: packageText(pkg, cache),
      'billable-weight-oz': c.billableOz ?? pkg.weightOz,
      zone: c.zone,
      carrier: c.carrier,
      service: c.service,
      rate: c.priceMinor,
      'rate-currency': c.currency,
      'expected-delivery': c.expectedDelivery,
      'rates-considered': choice.considered,
      'shipping-options': outcome.signature ? 'signature' : null,
      'rate-source': c.provider ?? 'card',
      'rate-id': c.rateId ? formatRateId(c.rateId, c.carrier, c.service) : null,
      status: 'Rated',
      problem: warning,
    };
    for (let k = 0; k < rows.length; k++) if (pkg.rows.includes(rows[k].rowNumber)) out[k] = fields;
    return null;
  };

  const ratePackages = (from: number): OrderRating | Promise<OrderRating> => {
    for (let n = from; n < packages.length; n++) {
      const pkg = packages[n];
      const pkgRows =
        pkg.rows.length === 1 && rows.length === 1
          ? rows
          : rows.filter((r) => pkg.rows.includes(r.rowNumber));
      let minor = 0;
      let quantity = 0;
      const skus: string[] = [];
      const requestItems: RateRequest['items'][number][] = [];
      for (const r of pkgRows) {
        const units = unitsToPack(r.record);
        minor += r.record['item-price'] ?? 0;
        quantity += units;
        skus.push(r.record.sku);
        requestItems.push({ orderItemId: r.record['order-item-id'], sku: r.record.sku, quantity: units });
      }
      const facts = factsOf(
        orderFacts,
        pkg.weightOz,
        pkg.sidesIn,
        quantity,
        skus,
        cache.toMajor(minor, currency),
        pkg.box ?? '',
      );
      const outcome = evaluateRules(config.rules, facts, cache.outcomes);
      if (outcome.holdRow !== null) return fail(pkg.rows[0], null, `held by Rules row ${outcome.holdRow}`);
      const packageId = `${orderId}-${pkg.number}`;
      const request: RateRequest = {
        orderId,
        items: requestItems,
        shipFrom,
        shipTo,
        parcel: {
          packageId,
          weightOz: pkg.weightOz,
          lengthIn: pkg.sidesIn[0],
          widthIn: pkg.sidesIn[1],
          heightIn: pkg.sidesIn[2],
          // Absent as undefined, not left out by a spread of `{}` (that takes V8's slow object copy).
          box: pkg.box ?? undefined,
        },
        shipDate: config.shipDate,
        declaredValue: { minor, currency },
        options: outcome.signature ? SIGNATURE : undefined,
      };
      const answer = quoter(request);
      if (answer instanceof Promise)
        return answer.then((result) => settle(pkg, outcome, packageId, result, false) ?? ratePackages(n + 1));
      const failed = settle(pkg, outcome, packageId, answer, true);
      if (failed) return failed;
    }
    return {
      ok: true,
      fields: out,
      packages: packages.length,
      totalMinor,
      currency: rateCurrency,
      warning,
    };
  };
  return ratePackages(0);
}

/** The service chosen for a package and its rates-considered text. */
function choose(
  quotes: readonly Quoted[],
  outcome: RuleOutcome,
  deliverBy: string | null,
  cache: RatingCache,
): Choice {
  const s = selectService(quotes, outcome, deliverBy);
  if (!s.ok) return s;
  return {
    ok: true,
    chosen: s.chosen,
    considered: formatRatesConsidered(topThree(s.eligible, s.chosen), cache.considered),
  };
}

/** choose, memoised: the same quotes (by identity), outcome and deliver-by always choose the same. */
function memoChoice(
  quotes: readonly Quoted[],
  outcome: RuleOutcome,
  deliverBy: string | null,
  cache: RatingCache,
): Choice {
  let byOutcome = cache.choices.get(quotes);
  if (!byOutcome) cache.choices.set(quotes, (byOutcome = new Map()));
  const byDeliverBy = child(byOutcome, outcome);
  let c = byDeliverBy.get(deliverBy);
  if (c === undefined) byDeliverBy.set(deliverBy, (c = choose(quotes, outcome, deliverBy, cache)));
  return c;
}

/** Orders of a day share a handful of promise dates; time-zone math is the costly part, so do it once each. */
function promiseOf(first: OrderRecord, config: CarrierConfig, cache: RatingCache): OrderPromise {
  const promiseInput = {
    promiseDate: first['promise-date'],
    deliveryEndDate: first['delivery-end-date'],
    deliveryTimeZone: first['delivery-time-zone'],
    shipServiceLevel: first['ship-service-level'],
    isPrime: first['is-prime'] ?? false,
  };
  // Keyed by the five inputs in nested maps (a joined key string per order cost more than the lookup).
  const byPrime = child(
    child(
      child(child(cache.promises, promiseInput.promiseDate), promiseInput.deliveryEndDate),
      promiseInput.deliveryTimeZone,
    ),
    promiseInput.shipServiceLevel,
  );
  let promise = byPrime.get(promiseInput.isPrime);
  if (!promise) {
    promise = orderPromise(promiseInput, config.promise, config.shipDate);
    byPrime.set(promiseInput.isPrime, promise);
  }
  return promise;
}

function child<K, K2, V>(m: Map<K, Map<K2, V>>, k: K): Map<K2, V> {
  let c = m.get(k);
  if (!c) m.set(k, (c = new Map()));
  return c;
}

/** `M-BOX 12x10x6 in, 21.6 oz`: the sides text of a box is made once per box, not once per package. */
function packageText(pkg: PackedPackage, cache: RatingCache): string {
  // Own-packaging sides are a new array per package: only boxes' shared arrays are worth keeping, and for a
  // box the whole text by weight (a run packs the same few weights into the same box again and again).
  const byWeight = pkg.box === null ? undefined : cache.packageText.get(pkg.sidesIn);
  const known = byWeight?.get(pkg.weightOz);
  if (known !== undefined) return known;
  let sides = cache.sidesText.get(pkg.sidesIn);
  if (sides === undefined) {
    sides = pkg.sidesIn.length === 3 ? sidesText(pkg.sidesIn) : formatSides(pkg.sidesIn);
    if (pkg.box !== null) cache.sidesText.set(pkg.sidesIn, sides);
  }
  const text = `${pkg.box ?? 'own packaging'} ${sides}, ${Number(pkg.weightOz.toFixed(2))} oz`;
  if (pkg.box !== null) {
    if (byWeight) byWeight.set(pkg.weightOz, text);
    else cache.packageText.set(pkg.sidesIn, new Map([[pkg.weightOz, text]]));
  }
  return text;
}

/** The 3 cheapest rates, cheapest first, always including the chosen one (a rule may have chosen a dearer one). */
export function topThree<T>(byPrice: readonly T[], chosen: T): T[] {
  const top = byPrice.slice(0, 3);
  if (!top.includes(chosen)) top[top.length - 1] = chosen;
  return top;
}

/** formatSides of three sides, without its array and join (own packaging makes one per package). */
function sidesText(s: readonly number[]): string {
  return `${Number(s[0].toFixed(2))}x${Number(s[1].toFixed(2))}x${Number(s[2].toFixed(2))} in`;
}
