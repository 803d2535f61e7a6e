/** Money, percents and the report's table columns as people read them, for the HTML page and the .xlsx file. */
import type { Figures, SalesReport } from '../../core';
import { averageOrderValue, changePercent, marginPercent, minorUnits, netSales, profit } from '../../core';

export function formatMoney(minor: number | null, currency: string): string {
  if (minor === null) return '';
  const digits = minorUnits(currency);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

export function formatPercent(p: number | null): string {
  return p === null ? '—' : `${p > 0 ? '+' : ''}${p.toFixed(1)}%`;
}

export interface FigureColumn {
  readonly title: string;
  readonly money: boolean;
  value(f: Readonly<Figures>): number | null;
}

export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { title: 'Orders', money: false, value: (f) => f.orders },
  { title: 'Units', money: false, value: (f) => f.units },
  { title: 'Gross sales', money: true, value: (f) => f.grossSales },
  { title: 'Promotions', money: true, value: (f) => f.promotions },
  { title: 'Refunds', money: true, value: (f) => f.refunds },
  { title: 'Net sales', money: true, value: netSales },
  { title: 'Fees', money: true, value: (f) => f.fees },
  { title: 'Shipping', money: true, value: (f) => f.shippingCost },
  { title: 'Cost of goods', money: true, value: (f) => f.costOfGoods },
  { title: 'Profit', money: true, value: profit },
  { title: 'Margin', money: false, value: marginPercent },
  { title: 'Avg order', money: true, value: averageOrderValue },
];

/** A cell's text; fees carry their estimated part, so no estimate passes as actual. */
export function formatFigure(c: FigureColumn, f: Readonly<Figures>, currency: string): string {
  const v = c.value(f);
  if (c.title === 'Margin') return v === null ? '—' : `${v.toFixed(1)}%`;
  if (!c.money) return String(v ?? '');
  const text = v === null ? '—' : formatMoney(v, currency);
  if (c.title === 'Fees' && f.feesEstimated !== 0)
    return `${text} (est. ${formatMoney(f.feesEstimated, currency)})`;
  return text;
}

export function reportTitle(report: SalesReport): string {
  return `Sales report, ${report.from} to ${report.to}`;
}

export function totalChanges(report: SalesReport): { label: string; value: string }[] {
  const t = report.total;
  const p = report.previousTotal;
  return [
    { label: 'Net sales', value: formatPercent(changePercent(netSales(p), netSales(t))) },
    { label: 'Profit', value: formatPercent(changePercent(profit(p), profit(t))) },
    { label: 'Orders', value: formatPercent(changePercent(p.orders, t.orders)) },
    { label: 'Units', value: formatPercent(changePercent(p.units, t.units)) },
  ];
}
