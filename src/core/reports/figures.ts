/** The figures of one row of the sales report (a period, a SKU, a total), in minor units of one currency. */

export interface Figures {
  orders: number;
  units: number;
  /** What buyers were charged before tax: item price + shipping + gift wrap. */
  grossSales: number;
  /** Item and shipping promotions given (positive). */
  promotions: number;
  /** Refunded to buyers (positive), from the settlement report or the Returns sheet. */
  refunds: number;
  /** Amazon's fees (positive is a cost): referral, per-item, closing, subscription, …; actual or estimated. */
  fees: number;
  /** The part of `fees` that is an estimate from Settings rather than the settlement report. */
  feesEstimated: number;
  /** Labels bought (not voided), from the Shipments sheet. */
  shippingCost: number;
  /** Units sold times Inventory unit-cost, less the cost of restocked returns. */
  costOfGoods: number;
  /** Units sold whose SKU has no unit cost in Inventory (their cost is missing from costOfGoods). */
  unitsWithoutCost: number;
}

export function zeroFigures(): Figures {
  return {
    orders: 0,
    units: 0,
    grossSales: 0,
    promotions: 0,
    refunds: 0,
    fees: 0,
    feesEstimated: 0,
    shippingCost: 0,
    costOfGoods: 0,
    unitsWithoutCost: 0,
  };
}

/** Add figures into a row; figures `from` does not name count as zero. */
export function addFigures(into: Figures, from: Readonly<Partial<Figures>>): Figures {
  into.orders += from.orders ?? 0;
  into.units += from.units ?? 0;
  into.grossSales += from.grossSales ?? 0;
  into.promotions += from.promotions ?? 0;
  into.refunds += from.refunds ?? 0;
  into.fees += from.fees ?? 0;
  into.feesEstimated += from.feesEstimated ?? 0;
  into.shippingCost += from.shippingCost ?? 0;
  into.costOfGoods += from.costOfGoods ?? 0;
  into.unitsWithoutCost += from.unitsWithoutCost ?? 0;
  return into;
}

/** Gross sales less promotions and refunds. */
export function netSales(f: Readonly<Figures>): number {
  return f.grossSales - f.promotions - f.refunds;
}

/** Net sales less fees, shipping cost and cost of goods. */
export function profit(f: Readonly<Figures>): number {
  return netSales(f) - f.fees - f.shippingCost - f.costOfGoods;
}

/** Profit as a percent of net sales, one decimal; null when there are no net sales. */
export function marginPercent(f: Readonly<Figures>): number | null {
  const net = netSales(f);
  return net === 0 ? null : Math.round((profit(f) * 1000) / net) / 10;
}

/** (Gross sales − promotions) per order, in minor units rounded half up; null without orders. */
export function averageOrderValue(f: Readonly<Figures>): number | null {
  return f.orders === 0 ? null : Math.round((f.grossSales - f.promotions) / f.orders);
}

/** Percent change from `before` to `after`, one decimal; null when there is nothing to compare to. */
export function changePercent(before: number, after: number): number | null {
  if (before === 0) return null;
  return Math.round(((after - before) * 1000) / Math.abs(before)) / 10;
}
