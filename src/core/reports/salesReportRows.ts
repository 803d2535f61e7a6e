/** A computed sales report as the rows of the Sales Report sheet (and of the .xlsx and HTML outputs). */
import type { SalesReportRecord } from '../tables/salesReport';
import type { SalesReport } from './buildSalesReport';
import type { Figures } from './figures';
import { averageOrderValue, changePercent, marginPercent, netSales, profit } from './figures';

export function feesBasis(f: Readonly<Figures>): string | null {
  if (f.fees === 0 && f.feesEstimated === 0) return null;
  if (f.feesEstimated === 0) return 'actual';
  return f.feesEstimated === f.fees ? 'estimated' : 'partly estimated';
}

function figureFields(
  currency: string,
  f: Readonly<Figures>,
  before: Readonly<Figures> | null,
): Partial<SalesReportRecord> {
  return {
    currency,
    orders: f.orders,
    units: f.units,
    'gross-sales': f.grossSales,
    promotions: f.promotions,
    refunds: f.refunds,
    'net-sales': netSales(f),
    fees: f.fees,
    'fees-basis': feesBasis(f),
    'fees-estimated': f.feesEstimated,
    'shipping-cost': f.shippingCost,
    'cost-of-goods': f.costOfGoods,
    profit: profit(f),
    'margin-percent': marginPercent(f),
    'average-order-value': averageOrderValue(f),
    'sales-change-percent': before ? changePercent(netSales(before), netSales(f)) : null,
    'profit-change-percent': before ? changePercent(profit(before), profit(f)) : null,
  };
}

export function salesReportRows(report: SalesReport): Partial<SalesReportRecord>[] {
  const c = report.currency;
  const rows: Partial<SalesReportRecord>[] = [
    {
      section: 'Total',
      label: `${report.from} to ${report.to}`,
      ...figureFields(c, report.total, report.previousTotal),
    },
    {
      section: 'Previous period',
      label: `${report.previousFrom} to ${report.previousTo}`,
      ...figureFields(c, report.previousTotal, null),
    },
  ];
  for (const n of report.notes) rows.push({ section: 'Note', label: n.kind, note: n.text });
  for (const p of report.periods)
    rows.push({ section: 'Period', label: p.label, ...figureFields(c, p.figures, p.previous) });
  for (const s of report.skus)
    rows.push({ section: 'SKU', label: s.sku, title: s.title, ...figureFields(c, s.figures, null) });
  for (const s of report.top)
    rows.push({ section: 'Top SKU', label: s.sku, title: s.title, ...figureFields(c, s.figures, null) });
  for (const s of report.bottom)
    rows.push({ section: 'Bottom SKU', label: s.sku, title: s.title, ...figureFields(c, s.figures, null) });
  for (const h of report.health ?? [])
    rows.push({
      section: 'Health',
      label: h.label,
      note: h.target ? `${h.value} (target ${h.target})${h.ok === false ? ' — misses target' : ''}` : h.value,
    });
  return rows;
}
