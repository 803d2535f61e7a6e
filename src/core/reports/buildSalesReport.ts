/**
 * The sales and profit report, computed purely from the workbook's tables and Amazon's files: figures per
 * period and per SKU in one currency, totals against the previous period, top and bottom SKUs, and notes on
 * every estimate and everything left out.
 */
import { parseDateTime } from '../dates/parseDateTime';
import { formatMoneyPlain } from '../money/parseMoney';
import type { ParsedAllOrders } from './allOrdersReport';
import type { FeeRules } from './feeRules';
import { estimateLineFees, subscriptionShareOfDay } from './feeRules';
import type { Figures } from './figures';
import { addFigures, profit, zeroFigures } from './figures';
import type { HealthFigure } from './healthFigures';
import { LeftOutCounter } from './leftOut';
import type { LocalDate, ReportPeriod } from './localCalendar';
import {
  addDays,
  dayNumber,
  daysInMonth,
  instantOf,
  nextPeriodStart,
  periodLabel,
  periodStart,
} from './localCalendar';
import type { ReportInventory, ReportListing, ReportReturn, ReportShipment } from './reportColumns';
import type { OrderSheetLine } from './saleLines';
import { collectSaleLines } from './saleLines';
import type { LeftOut, ParsedSettlement, SettlementLine } from './settlementReport';
import { splitByWeight } from './splitByWeight';

export interface SalesReportSources {
  readonly orders: readonly OrderSheetLine[];
  readonly allOrders: readonly ParsedAllOrders[];
  readonly settlements: readonly ParsedSettlement[];
  readonly returns: readonly ReportReturn[];
  readonly shipments: readonly ReportShipment[];
  readonly inventory: readonly ReportInventory[];
  readonly listings: readonly ReportListing[];
  /** Account-health figures computed elsewhere (issue 6), shown as they are; null when there are none. */
  readonly health?: readonly HealthFigure[] | null;
}

export interface SalesReportOptions {
  readonly period: ReportPeriod;
  /** First and last local day of the report, inclusive. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly timeZone: string;
  readonly currency: string;
  readonly fees: FeeRules;
  /** Today in the seller's zone: a report reaching past it says its last period is partial. */
  readonly today?: LocalDate;
}

export interface PeriodRow {
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly label: string;
  readonly figures: Figures;
  /** The period before it (the first row's is the last one before the report's range). */
  readonly previous: Figures;
}

export interface SkuRow {
  readonly sku: string;
  readonly title: string | null;
  readonly figures: Figures;
}

export interface ReportNote {
  readonly kind: 'estimate' | 'left-out' | 'info';
  readonly text: string;
}

export interface SalesReport {
  readonly currency: string;
  readonly period: ReportPeriod;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly previousFrom: LocalDate;
  readonly previousTo: LocalDate;
  readonly timeZone: string;
  readonly periods: readonly PeriodRow[];
  readonly total: Figures;
  readonly previousTotal: Figures;
  /** By profit, highest first; account-level fees are the row `ACCOUNT_FEES_ROW`. */
  readonly skus: readonly SkuRow[];
  readonly top: readonly SkuRow[];
  readonly bottom: readonly SkuRow[];
  readonly notes: readonly ReportNote[];
  readonly leftOut: readonly LeftOut[];
  readonly health: readonly HealthFigure[] | null;
  /** Sale lines inside the report's range. */
  readonly linesCounted: number;
  /**
   * Day by day inside the range (for the chart: a weekly report's week drawn by day), or null past
   * `MAX_DAILY_DAYS` days.
   */
  readonly daily: readonly { date: LocalDate; figures: Figures }[] | null;
}

const MAX_DAILY_DAYS = 400;

/** The SKU row holding fees Amazon charges the account, not an order (subscription, advertising). */
export const ACCOUNT_FEES_ROW = '(account fees)';
const UNASSIGNED = '(no SKU)';
const TOP_COUNT = 5;

interface Buckets {
  /** Start instants (epoch ms) of each bucket, then the end of the last. */
  readonly bounds: number[];
  readonly starts: LocalDate[];
  /** Index of the first bucket inside the report's range (the ones before are the previous period). */
  readonly firstInRange: number;
}

function makeBuckets(options: SalesReportOptions, previousFrom: LocalDate): Buckets {
  const starts: LocalDate[] = [];
  const push = (from: LocalDate, to: LocalDate) => {
    for (let d = from; d <= to; d = nextPeriodStart(periodStart(d, options.period), options.period))
      starts.push(d);
  };
  push(previousFrom, addDays(options.from, -1));
  const firstInRange = starts.length;
  push(options.from, options.to);
  const bounds = starts.map((s) => instantOf(s, options.timeZone));
  bounds.push(instantOf(addDays(options.to, 1), options.timeZone));
  return { bounds, starts, firstInRange };
}

/** The bucket holding an instant, or -1 outside every bucket. */
function bucketOf(b: Buckets, ms: number): number {
  const bounds = b.bounds;
  if (!(ms >= bounds[0]) || ms >= bounds[bounds.length - 1]) return -1;
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid] <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function buildSalesReport(sources: SalesReportSources, options: SalesReportOptions): SalesReport {
  const { currency, timeZone } = options;
  const days = dayNumber(options.to) - dayNumber(options.from) + 1;
  const previousFrom = addDays(options.from, -days);
  const previousTo = addDays(options.from, -1);
  const buckets = makeBuckets(options, previousFrom);
  const perBucket = buckets.starts.map(() => zeroFigures());
  const perSku = new Map<string, Figures>();
  const dayBuckets = days <= MAX_DAILY_DAYS ? makeBuckets({ ...options, period: 'day' }, options.from) : null;
  const perDay = dayBuckets ? dayBuckets.starts.map(() => zeroFigures()) : null;
  const addDaily = (ms: number, f: Partial<Figures>) => {
    if (!dayBuckets || !perDay) return;
    const d = bucketOf(dayBuckets, ms);
    if (d >= 0) addFigures(perDay[d], f);
  };
  const leftOut = new LeftOutCounter();
  const notes: ReportNote[] = [];
  let outsideRange = 0;

  /** Add a fact at an instant: to its bucket, and to its SKU when it falls in the report's range. */
  const post = (ms: number, sku: string, f: Partial<Figures>): boolean => {
    const i = bucketOf(buckets, ms);
    if (i < 0) return false;
    addFigures(perBucket[i], f);
    addDaily(ms, f);
    if (i >= buckets.firstInRange) {
      let s = perSku.get(sku);
      if (!s) perSku.set(sku, (s = zeroFigures()));
      addFigures(s, f);
    }
    return true;
  };

  const settlementOrders: SettlementLine[] = [];
  const settlementRefunds: SettlementLine[] = [];
  for (const s of sources.settlements) {
    leftOut.addAll(s.leftOut);
    for (const l of s.lines) {
      if (l.currency !== currency) {
        leftOut.add(
          s.source,
          `settlement lines in ${l.currency || 'no currency'}`,
          `the report is in ${currency}; amounts in other currencies are never added in`,
        );
        continue;
      }
      (l.transaction === 'Order' ? settlementOrders : settlementRefunds).push(l);
    }
  }
  const settledFees = new Map<string, SettlementLine>();
  for (const l of settlementOrders) settledFees.set(`${l.orderId}\u0000${l.sku}`, l);

  const category = new Map<string, string | null>();
  const titles = new Map<string, string | null>();
  for (const l of sources.listings) {
    category.set(l.sku, l.category);
    titles.set(l.sku, l.title);
  }
  const unitCost = new Map<string, number>();
  for (const inv of sources.inventory) {
    if (inv['unit-cost'] === null || unitCost.has(inv.sku)) continue;
    const cur = (inv.currency ?? '').trim().toUpperCase() || currency;
    if (cur === currency) unitCost.set(inv.sku, inv['unit-cost']);
  }

  // Sales, with their fees and cost of goods.
  const lines = collectSaleLines(currency, sources.allOrders, sources.orders, settlementOrders, leftOut);
  const orderSkus = new Map<string, string[]>();
  const countedOrders = new Set<string>();
  let linesCounted = 0;
  let estimatedLines = 0;
  let pricelessLines = 0;
  for (const line of lines) {
    const bucket = bucketOf(buckets, line.ms);
    if (bucket < 0) {
      outsideRange++;
      continue;
    }
    const settled = settledFees.get(`${line.orderId}\u0000${line.sku}`);
    let itemPrice = line.itemPrice;
    let shipping = line.shipping;
    let giftWrap = line.giftWrap;
    if (itemPrice === null && settled) {
      itemPrice = settled.amounts.principal;
      shipping = settled.amounts.shipping;
      giftWrap = settled.amounts.giftWrap;
    }
    const gross = (itemPrice ?? 0) + shipping + giftWrap;
    const promotions = line.promotions ?? (settled ? -settled.amounts.promotion : 0);
    let fees: number;
    let feesEstimated = 0;
    if (settled) fees = -settled.amounts.fee;
    else {
      fees =
        itemPrice === null
          ? 0
          : estimateLineFees(options.fees, category.get(line.sku) ?? null, gross - promotions, line.units);
      feesEstimated = fees;
    }
    const cost = unitCost.get(line.sku);
    // One figures object per line, reused for its period, its day and its SKU (this loop runs per order line).
    const f = zeroFigures();
    f.units = line.units;
    f.grossSales = gross;
    f.promotions = promotions;
    f.fees = fees;
    f.feesEstimated = feesEstimated;
    f.costOfGoods = cost === undefined ? 0 : cost * line.units;
    f.unitsWithoutCost = cost === undefined ? line.units : 0;
    // An order counts once in the totals, and once in each of its SKUs.
    f.orders = countedOrders.has(line.orderId) ? 0 : 1;
    addFigures(perBucket[bucket], f);
    addDaily(line.ms, f);
    if (bucket >= buckets.firstInRange) {
      linesCounted++;
      if (feesEstimated > 0) estimatedLines++;
      if (itemPrice === null) pricelessLines++;
      let s = perSku.get(line.sku);
      if (!s) perSku.set(line.sku, (s = zeroFigures()));
      f.orders = 1;
      addFigures(s, f);
    }
    countedOrders.add(line.orderId);
    const skus = orderSkus.get(line.orderId);
    if (skus) skus.push(line.sku);
    else orderSkus.set(line.orderId, [line.sku]);
  }

  // Refunds: the settlement report's where it has them, else the Returns sheet's.
  const refunded = new Set<string>();
  for (const r of settlementRefunds) {
    refunded.add(`${r.orderId}\u0000${r.sku}`);
    const a = r.amounts;
    post(r.postedMs, r.sku, {
      refunds: -(a.principal + a.shipping + a.giftWrap + a.promotion),
      fees: -a.fee,
    });
  }
  const skuCost = (sku: string) => unitCost.get(sku);
  for (const ret of sources.returns) {
    const day = ret['return-date'];
    if (day === null) {
      if (ret.refund !== null)
        leftOut.add('Returns', 'refunds without a return-date', 'no date to place them in a period');
      continue;
    }
    const ms = instantOf(day.slice(0, 10), timeZone, 12 * 60);
    const cur = (ret.currency ?? '').trim().toUpperCase() || currency;
    const inSettlement = refunded.has(`${ret['order-id']}\u0000${ret.sku}`);
    if (ret.refund !== null && !inSettlement) {
      if (cur !== currency)
        leftOut.add(
          'Returns',
          `refunds in ${cur}`,
          `the report is in ${currency}; amounts in other currencies are never added in`,
        );
      else post(ms, ret.sku, { refunds: Math.abs(ret.refund) });
    }
    const cost = skuCost(ret.sku);
    if (ret.restocked === true && cost !== undefined)
      post(ms, ret.sku, { costOfGoods: -cost * ret.quantity });
  }

  // Shipping labels bought and not voided, split over the SKUs of the order items they carry.
  const skuOfItem = new Map<string, string>();
  for (const o of sources.orders) skuOfItem.set(o.record['order-item-id'], o.record.sku);
  for (const sh of sources.shipments) {
    if (sh.cost === null || sh.state === 'Voided' || sh['voided-at'] !== null) continue;
    const created = sh['created-at'] === null ? null : parseDateTime(sh['created-at']);
    if (!created || !created.ok) {
      leftOut.add('Shipments', 'labels without a created-at date', 'no date to place their cost in a period');
      continue;
    }
    const cur = (sh.currency ?? '').trim().toUpperCase() || currency;
    if (cur !== currency) {
      leftOut.add(
        'Shipments',
        `labels paid in ${cur}`,
        `the report is in ${currency}; amounts in other currencies are never added in`,
      );
      continue;
    }
    const weights = new Map<string, number>();
    for (const part of (sh['order-items'] ?? '').split(/[;,\s]+/)) {
      const m = /^([^:]+)(?::(\d+))?$/.exec(part);
      const sku = m ? skuOfItem.get(m[1]) : undefined;
      if (sku !== undefined) weights.set(sku, (weights.get(sku) ?? 0) + Number(m?.[2] ?? 1));
    }
    if (weights.size === 0)
      for (const sku of orderSkus.get(sh['order-id'] ?? '') ?? [])
        weights.set(sku, (weights.get(sku) ?? 0) + 1);
    if (weights.size === 0) weights.set(UNASSIGNED, 1);
    const shares = splitByWeight(sh.cost, [...weights.values()]);
    [...weights.keys()].forEach((sku, i) => post(created.date.getTime(), sku, { shippingCost: shares[i] }));
  }

  // Fees Amazon charges the account; the Professional plan's subscription is estimated for days no settlement covers.
  for (const s of sources.settlements)
    for (const fee of s.accountFees) {
      if (fee.currency !== currency) {
        leftOut.add(
          s.source,
          `account fees in ${fee.currency}`,
          `the report is in ${currency}; amounts in other currencies are never added in`,
        );
        continue;
      }
      post(fee.postedMs, ACCOUNT_FEES_ROW, { fees: -fee.amount });
    }
  let subscriptionEstimate = 0;
  if (options.fees.plan === 'Professional' && options.fees.monthlyFeeMinor > 0) {
    const coverage = sources.settlements
      .flatMap((s) => s.coverage)
      .filter((c) => c.currency === currency || c.currency === '');
    for (let d = previousFrom; d <= options.to; d = addDays(d, 1)) {
      const noon = instantOf(d, timeZone, 12 * 60);
      if (coverage.some((c) => c.startMs <= noon && noon < c.endMs)) continue;
      const share = subscriptionShareOfDay(options.fees.monthlyFeeMinor, +d.slice(8, 10), daysInMonth(d));
      if (post(noon, ACCOUNT_FEES_ROW, { fees: share, feesEstimated: share }) && d >= options.from)
        subscriptionEstimate += share;
    }
  }

  // Rows, totals, notes.
  const periods: PeriodRow[] = [];
  for (let i = buckets.firstInRange; i < buckets.starts.length; i++) {
    const start = buckets.starts[i];
    const end = i + 1 < buckets.starts.length ? addDays(buckets.starts[i + 1], -1) : options.to;
    periods.push({
      start,
      end,
      label: bucketLabel(start, end, options.period),
      figures: perBucket[i],
      previous: i > 0 ? perBucket[i - 1] : zeroFigures(),
    });
  }
  const total = periods.reduce((t, p) => addFigures(t, p.figures), zeroFigures());
  const previousTotal = perBucket
    .slice(0, buckets.firstInRange)
    .reduce((t, f) => addFigures(t, f), zeroFigures());
  const skus: SkuRow[] = [...perSku]
    .map(([sku, figures]) => ({ sku, title: titles.get(sku) ?? null, figures }))
    .sort((a, b) => profit(b.figures) - profit(a.figures) || a.sku.localeCompare(b.sku));
  const ranked = skus.filter(
    (s) => s.sku !== ACCOUNT_FEES_ROW && s.sku !== UNASSIGNED && s.figures.units > 0,
  );
  const top = ranked.slice(0, TOP_COUNT);
  const bottom = ranked.slice(Math.max(top.length, ranked.length - TOP_COUNT)).reverse();

  if (total.feesEstimated > 0) {
    const parts: string[] = [];
    if (estimatedLines > 0)
      parts.push(
        `${estimatedLines} order line${estimatedLines > 1 ? 's' : ''} not yet in a settlement report: referral fee from Settings (referral-fee-percent, referral-fee-categories, referral-fee-minimum)${options.fees.plan === 'Individual' ? ' plus the Individual plan per-item fee' : ''}`,
      );
    if (subscriptionEstimate > 0)
      parts.push('the Professional subscription for days no settlement report covers, spread per day');
    notes.push({
      kind: 'estimate',
      text: `Estimated fees (${formatMoneyPlain(total.feesEstimated, currency)} ${currency} of the fees): ${parts.join('; ')}. Import the settlement report for actual fees.`,
    });
  }
  if (pricelessLines > 0)
    notes.push({
      kind: 'left-out',
      text: `${pricelessLines} order line${pricelessLines > 1 ? 's have' : ' has'} no item price (an Unshipped Orders report carries none): units and orders are counted, sales are not. Import the All Orders report or a settlement report for their amounts.`,
    });
  if (total.unitsWithoutCost > 0)
    notes.push({
      kind: 'left-out',
      text: `${total.unitsWithoutCost} unit${total.unitsWithoutCost > 1 ? 's' : ''} sold have no unit-cost in Inventory: their cost of goods is missing, so profit is overstated.`,
    });
  if (outsideRange > 0)
    notes.push({
      kind: 'info',
      text: `${outsideRange} order line${outsideRange > 1 ? 's' : ''} dated outside ${previousFrom} to ${options.to} (this report and the period before it) were not counted.`,
    });
  if (options.today !== undefined && options.to >= options.today)
    notes.push({
      kind: 'info',
      text: `The report reaches ${options.to}, on or after today (${options.today}): the last period is not complete.`,
    });
  if (total.orders === 0 && total.refunds === 0)
    notes.push({ kind: 'info', text: `No sales from ${options.from} to ${options.to}.` });
  const left = leftOut.list();
  for (const l of left)
    notes.push({ kind: 'left-out', text: `${l.source}: ${l.what} (${l.count}) — ${l.reason}.` });

  return {
    currency,
    period: options.period,
    from: options.from,
    to: options.to,
    previousFrom,
    previousTo,
    timeZone,
    periods,
    total,
    previousTotal,
    skus,
    top,
    bottom,
    notes,
    leftOut: left,
    health: sources.health ?? null,
    linesCounted,
    daily: dayBuckets && perDay ? dayBuckets.starts.map((date, i) => ({ date, figures: perDay[i] })) : null,
  };
}

/** `week of 2026-11-23`, or `week of 2026-11-23 (2026-11-25 to 2026-11-29)` when the range cuts the period. */
function bucketLabel(start: LocalDate, end: LocalDate, period: ReportPeriod): string {
  const whole = periodStart(start, period);
  const full = whole === start && nextPeriodStart(whole, period) === addDays(end, 1);
  return periodLabel(whole, period) + (full ? '' : ` (${start} to ${end})`);
}
