/**
 * Account health as Amazon defines its seller-fulfilled shipping metrics, computed from the Orders sheet:
 * Late Shipment Rate (orders confirmed in the window whose confirmation came after the expected ship date;
 * Amazon uses 10 and 30 days, target < 4%),
 * Valid Tracking Rate (shipments whose tracking matches its carrier; 30 days, target > 95%), Pre-fulfillment
 * Cancel Rate (seller-cancelled orders; 7 days, target < 2.5%); and the orders at risk of shipping late now.
 * Counted per order (Valid Tracking Rate: per package), as Amazon counts them.
 */
import { parseDateTime } from '../dates/parseDateTime';
import { localDate } from '../fulfillment/localDate';
import { splitTrackingCell } from '../fulfillment/packageItems';
import type { OrderRecord } from '../tables/orders';
import { checkTrackingForCarrier } from '../tracking/carrierNames';

export type HealthMetricName = 'late-shipment-rate' | 'valid-tracking-rate' | 'pre-fulfillment-cancel-rate';

export interface HealthMetric {
  readonly metric: HealthMetricName;
  readonly windowDays: number;
  /** Orders late / packages with valid tracking / orders cancelled by the seller. */
  readonly count: number;
  /** Orders (packages for Valid Tracking Rate) the rate is over. */
  readonly of: number;
  /** count / of, or null when there is nothing to measure. */
  readonly rate: number | null;
  /** Amazon's target, as a fraction, and which side of it is good. */
  readonly target: number;
  readonly goodWhen: 'below' | 'above';
  /** True when the rate meets the target (or there is nothing to measure). */
  readonly ok: boolean;
  /** True for the windows Amazon reports this metric over. */
  readonly amazonWindow: boolean;
}

export interface OrderAtRisk {
  readonly orderId: string;
  readonly shipBy: string;
  /** Hours from now to the ship-by time (negative: already late), cut to a tenth. */
  readonly hoursLeft: number;
  readonly items: number;
}

export interface AccountHealth {
  readonly metrics: readonly HealthMetric[];
  readonly atRisk: readonly OrderAtRisk[];
  /** Orders past their ship-by date without a confirmation: late as soon as they are confirmed. */
  readonly overdue: number;
}

export interface HealthOptions {
  readonly now: Date;
  readonly timeZone: string;
  /** Look-back windows in days (default 7, 10, 30). */
  readonly windows?: readonly number[];
  /** Orders at risk: ship-by within this many hours and no tracking (default 24). */
  readonly atRiskHours?: number;
}

const TARGETS: Record<HealthMetricName, { target: number; goodWhen: 'below' | 'above'; windows: number[] }> =
  {
    'late-shipment-rate': { target: 0.04, goodWhen: 'below', windows: [10, 30] },
    'valid-tracking-rate': { target: 0.95, goodWhen: 'above', windows: [30] },
    'pre-fulfillment-cancel-rate': { target: 0.025, goodWhen: 'below', windows: [7] },
  };

const DAY = 86_400_000;

interface OrderFacts {
  orderId: string;
  purchased: Date | null;
  shipBy: Date | null;
  /** When the shipment was confirmed to Amazon (confirmed-at), else null. */
  confirmedAt: Date | null;
  /** Local ship date, yyyy-mm-dd, when shipped. */
  shipDate: string | null;
  shipped: boolean;
  sellerCancelled: boolean;
  cancelled: boolean;
  /** Packages (distinct tracking numbers; one when an order shipped without any) and how many are valid. */
  packages: number;
  validPackages: number;
  items: number;
}

function instant(text: string | null): Date | null {
  if (!text) return null;
  const d = parseDateTime(text);
  return d.ok ? d.date : null;
}

/** One order's facts from its item rows (an order is late if any item is, cancelled if every item is). */
function factsOf(orderId: string, items: readonly OrderRecord[]): OrderFacts {
  const first = items[0];
  const times = (f: (r: OrderRecord) => Date | null) =>
    items
      .map(f)
      .filter((d): d is Date => d !== null)
      .sort((a, b) => a.getTime() - b.getTime());
  const live = items.filter((r) => r.status !== 'Cancelled');
  const shipped = live.length > 0 && live.every((r) => r.status === 'Shipped' || r.status === 'Confirmed');
  const confirmed = live.every((r) => r['confirmed-at']) ? times((r) => instant(r['confirmed-at'])) : [];
  const dates = live
    .map((r) => r['ship-date'])
    .filter((d): d is string => !!d)
    .sort();
  const tracking = live.flatMap((r) =>
    splitTrackingCell(r['tracking-number']).map((t) => ({ t, carrier: r.carrier })),
  );
  const packages = new Map<string, string | null>();
  for (const { t, carrier } of tracking) packages.set(t, carrier);
  const cancelled = live.length === 0;
  return {
    orderId,
    purchased: times((r) => instant(r['purchase-date']))[0] ?? null,
    shipBy: times((r) => instant(r['promise-date']))[0] ?? null,
    confirmedAt: confirmed.length > 0 ? confirmed[confirmed.length - 1] : null,
    shipDate: dates.length > 0 ? dates[dates.length - 1].slice(0, 10) : null,
    shipped,
    cancelled,
    sellerCancelled: cancelled && !items.some((r) => r['is-buyer-requested-cancellation'] === true),
    packages: Math.max(1, packages.size),
    validPackages: [...packages].filter(
      ([t, carrier]) => carrier !== null && checkTrackingForCarrier(t, carrier).ok,
    ).length,
    items: first ? items.length : 0,
  };
}

function rateMetric(metric: HealthMetricName, windowDays: number, count: number, of: number): HealthMetric {
  const t = TARGETS[metric];
  const rate = of === 0 ? null : count / of;
  const ok = rate === null || (t.goodWhen === 'below' ? rate < t.target : rate >= t.target);
  return {
    metric,
    windowDays,
    count,
    of,
    rate,
    target: t.target,
    goodWhen: t.goodWhen,
    ok,
    amazonWindow: t.windows.includes(windowDays),
  };
}

export function accountHealth(orders: readonly OrderRecord[], options: HealthOptions): AccountHealth {
  const { now, timeZone } = options;
  const windows = options.windows ?? [7, 10, 30];
  const atRiskHours = options.atRiskHours ?? 24;
  const byOrder = new Map<string, OrderRecord[]>();
  for (const r of orders) {
    if (!r['order-id']) continue;
    byOrder.set(r['order-id'], [...(byOrder.get(r['order-id']) ?? []), r]);
  }
  const facts = [...byOrder].map(([id, items]) => factsOf(id, items));
  const today = localDate(now, timeZone);
  const metrics: HealthMetric[] = [];
  for (const days of windows) {
    const from = now.getTime() - days * DAY;
    const inWindow = (d: Date | null) => d !== null && d.getTime() > from && d.getTime() <= now.getTime();
    const fromDay = localDate(new Date(from), timeZone);
    const dayInWindow = (d: string | null) => d !== null && d > fromDay && d <= today;
    // Late shipment: orders confirmed in the window (by confirmation time, else ship date), late when after ship-by.
    const confirmedOrders = facts.filter(
      (f) =>
        !f.cancelled &&
        f.shipped &&
        f.shipBy !== null &&
        (f.confirmedAt ? inWindow(f.confirmedAt) : dayInWindow(f.shipDate)),
    );
    const late = confirmedOrders.filter((f) =>
      f.confirmedAt
        ? f.confirmedAt.getTime() > f.shipBy!.getTime()
        : f.shipDate !== null && f.shipDate > localDate(f.shipBy!, timeZone),
    );
    metrics.push(rateMetric('late-shipment-rate', days, late.length, confirmedOrders.length));
    // Valid tracking: packages shipped in the window (by ship date), as Amazon counts shipments.
    const shipments = facts.filter((f) => !f.cancelled && f.shipped && dayInWindow(f.shipDate));
    metrics.push(
      rateMetric(
        'valid-tracking-rate',
        days,
        shipments.reduce((a, f) => a + f.validPackages, 0),
        shipments.reduce((a, f) => a + f.packages, 0),
      ),
    );
    // Cancel rate: orders placed in the window that the seller cancelled.
    const placed = facts.filter((f) => inWindow(f.purchased));
    metrics.push(
      rateMetric(
        'pre-fulfillment-cancel-rate',
        days,
        placed.filter((f) => f.sellerCancelled).length,
        placed.length,
      ),
    );
  }
  const horizon = now.getTime() + atRiskHours * 3_600_000;
  const atRisk: OrderAtRisk[] = [];
  let overdue = 0;
  for (const [id, items] of byOrder) {
    const open = items.filter(
      (r) => !['Shipped', 'Confirmed', 'Cancelled'].includes(r.status ?? '') && !r['tracking-number'],
    );
    if (open.length === 0) continue;
    const shipBy = open
      .map((r) => instant(r['promise-date']))
      .filter((d): d is Date => d !== null)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    if (!shipBy || shipBy.getTime() > horizon) continue;
    if (shipBy.getTime() < now.getTime()) overdue++;
    atRisk.push({
      orderId: id,
      shipBy: open.find((r) => instant(r['promise-date'])?.getTime() === shipBy.getTime())!['promise-date']!,
      hoursLeft: Math.trunc(((shipBy.getTime() - now.getTime()) / 3_600_000) * 10) / 10,
      items: open.length,
    });
  }
  atRisk.sort((a, b) => a.hoursLeft - b.hoursLeft);
  return { metrics, atRisk, overdue };
}
