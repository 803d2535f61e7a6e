/**
 * The sales-and-profit chart as a Vega spec: net sales as bars, profit as a line with points, per period.
 * Written in Vega directly rather than Vega-Lite: vega 6.4 is already a dependency and supports Node 20,
 * while vega-lite 6.x declares Node >= 22; the chart is two marks, so the compiler would buy little.
 */
import type { Figures, SalesReport } from '../../core';
import { netSales, profit, toMajor } from '../../core';

export const SERIES = { sales: 'Net sales', profit: 'Profit' } as const;

export interface ChartPoint {
  period: string;
  series: string;
  value: number;
}

/** The points drawn: per period, or per day when the range holds fewer than four periods (a week by day). */
export function chartBuckets(report: SalesReport): {
  by: string;
  rows: { label: string; figures: Figures }[];
} {
  if (report.periods.length >= 4 || !report.daily || report.period === 'day')
    return { by: report.period, rows: report.periods.map((p) => ({ label: p.label, figures: p.figures })) };
  return { by: 'day', rows: report.daily.map((d) => ({ label: d.date, figures: d.figures })) };
}

export function chartPoints(report: SalesReport): ChartPoint[] {
  return chartBuckets(report).rows.flatMap((p) => [
    { period: p.label, series: SERIES.sales, value: toMajor(netSales(p.figures), report.currency) },
    { period: p.label, series: SERIES.profit, value: toMajor(profit(p.figures), report.currency) },
  ]);
}

/** A Vega spec (plain JSON) for the report's periods; width grows with the number of periods. */
export function salesChartSpec(report: SalesReport): Record<string, unknown> {
  const points = chartPoints(report);
  const buckets = chartBuckets(report);
  const labels = buckets.rows.map((r) => r.label);
  const width = Math.max(480, Math.min(1400, labels.length * 56));
  // Title and dates on two lines: without a canvas vega estimates text widths generously, and one long line
  // would widen the image with empty space.
  const title = `Net sales and profit by ${buckets.by}`;
  const subtitle = `${report.from} to ${report.to}, ${report.currency}`;
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    description: `${title}, ${subtitle}`,
    width,
    height: 280,
    padding: 8,
    background: 'white',
    title: {
      text: title,
      subtitle,
      font: 'DejaVu Sans, Arial, sans-serif',
      subtitleFont: 'DejaVu Sans, Arial, sans-serif',
      fontSize: 14,
      anchor: 'start',
    },
    data: [
      { name: 'points', values: points },
      {
        name: 'sales',
        source: 'points',
        transform: [{ type: 'filter', expr: `datum.series === '${SERIES.sales}'` }],
      },
      {
        name: 'profit',
        source: 'points',
        transform: [{ type: 'filter', expr: `datum.series === '${SERIES.profit}'` }],
      },
    ],
    scales: [
      { name: 'x', type: 'band', domain: labels, range: 'width', padding: 0.25 },
      {
        name: 'y',
        type: 'linear',
        domain: { data: 'points', field: 'value' },
        range: 'height',
        nice: true,
        zero: true,
      },
      {
        name: 'color',
        type: 'ordinal',
        domain: [SERIES.sales, SERIES.profit],
        range: ['#4c78a8', '#e45756'],
      },
    ],
    axes: [
      {
        orient: 'bottom',
        scale: 'x',
        labelAngle: labels.length > 8 ? -45 : 0,
        labelAlign: labels.length > 8 ? 'right' : 'center',
        labelFont: 'DejaVu Sans, Arial, sans-serif',
      },
      {
        orient: 'left',
        scale: 'y',
        grid: true,
        title: report.currency,
        labelFont: 'DejaVu Sans, Arial, sans-serif',
      },
    ],
    legends: [
      {
        fill: 'color',
        orient: 'top-right',
        labelFont: 'DejaVu Sans, Arial, sans-serif',
        symbolType: 'square',
      },
    ],
    marks: [
      {
        type: 'rect',
        name: 'sales-bars',
        from: { data: 'sales' },
        description: SERIES.sales,
        encode: {
          enter: {
            x: { scale: 'x', field: 'period' },
            width: { scale: 'x', band: 1 },
            y: { scale: 'y', field: 'value' },
            y2: { scale: 'y', value: 0 },
            fill: { scale: 'color', value: SERIES.sales },
            tooltip: { signal: "datum.period + ': ' + format(datum.value, ',.2f')" },
          },
        },
      },
      {
        type: 'line',
        name: 'profit-line',
        from: { data: 'profit' },
        description: SERIES.profit,
        encode: {
          enter: {
            x: { scale: 'x', field: 'period', band: 0.5 },
            y: { scale: 'y', field: 'value' },
            stroke: { scale: 'color', value: SERIES.profit },
            strokeWidth: { value: 2.5 },
          },
        },
      },
      {
        type: 'symbol',
        name: 'profit-points',
        from: { data: 'profit' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'period', band: 0.5 },
            y: { scale: 'y', field: 'value' },
            fill: { scale: 'color', value: SERIES.profit },
            size: { value: 40 },
          },
        },
      },
    ],
  };
}
