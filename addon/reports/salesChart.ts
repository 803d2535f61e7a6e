/**
 * The Sales Report sheet's own chart, a native Sheets chart (not an image): net sales and profit as columns, this
 * period next to the one before. Built from the cells the report just wrote, so it follows the sheet; a later run updates the same chart (keeping where the seller
 * moved or sized it) instead of stacking another.
 */
import type { SalesReport } from '../../src/core';
import { salesReportRows, salesReportTable } from '../../src/core';

/** Every Shipsheet sales chart's title starts so: that is how a run finds the chart it made before. */
export const CHART_TITLE = 'Net sales and profit';

function column(name: string): number {
  const i = salesReportTable.columns.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`the Sales Report table has no ${name} column`);
  return i + 1;
}

/**
 * Rows (1-based, on the sheet) and title the chart plots. The add-on's reports are one period each (the last
 * complete day, week or month), so the chart sets it against the period before: the Total and Previous period
 * rows, right under the header.
 */
export function chartRows(report: SalesReport): { first: number; count: number; title: string } {
  const rows = salesReportRows(report);
  const total = rows.findIndex((r) => r.section === 'Total');
  if (total < 0 || rows[total + 1]?.section !== 'Previous period')
    throw new Error('the Sales Report has no Total and Previous period rows to chart');
  return {
    first: total + 2,
    count: 2,
    title: `${CHART_TITLE}: ${report.from} to ${report.to} against the ${report.period} before (${report.currency})`,
  };
}

/** Put the chart on the Sales Report sheet, or update the one there. Returns a line for the run's summary. */
export function placeSalesChart(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  report: SalesReport,
): string {
  const sheet = spreadsheet.getSheetByName(salesReportTable.name);
  if (!sheet) return 'No Sales Report sheet: no chart.';
  const { first, count, title } = chartRows(report);
  const range = (name: string) => sheet.getRange(first, column(name), count, 1);
  const ours = sheet
    .getCharts()
    .filter((c) => String(c.getOptions().get('title') ?? '').startsWith(CHART_TITLE));
  const builder = (ours.length > 0 ? ours[0].modify().clearRanges() : sheet.newChart())
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(range('label'))
    .addRange(range('net-sales'))
    .addRange(range('profit'))
    .setNumHeaders(0)
    .setOption('title', title)
    .setOption('legend', { position: 'bottom' })
    .setOption('series', {
      0: { labelInLegend: 'Net sales', color: '#1a73e8' },
      1: { labelInLegend: 'Profit', color: '#188038' },
    })
    .setOption('vAxis', { format: 'short', title: report.currency });
  if (ours.length > 0) {
    sheet.updateChart(builder.build());
    // Charts stacked by an older version (or a copy): one is enough.
    for (const extra of ours.slice(1)) sheet.removeChart(extra);
    return 'Updated the chart on the Sales Report sheet.';
  }
  sheet.insertChart(builder.setPosition(2, salesReportTable.columns.length + 2, 0, 0).build());
  return 'Added a chart to the Sales Report sheet.';
}
