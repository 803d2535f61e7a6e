/**
 * The sales report from Node: read the Amazon files given, let the core compute it, draw the chart, put the
 * chart image on the workbook's Sales Report sheet (.xlsx books), write the sheet, then the --out files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ActionResult, HealthFigure, ReportPeriod, RunContext, SalesReport, Workbook } from '../../core';
import { prepareSalesReport, salesReportTable } from '../../core';
import { readTableFile } from '../flatfiles/readTableFile';
import { XlsxWorkbook } from '../xlsx/xlsxWorkbook';
import { placeChartImage } from './chartImage';
import { renderChartSvg, svgToPng } from './renderChart';
import { writeReportHtml } from './writeReportHtmlFile';
import { writeReportXlsx } from './writeReportXlsx';

export interface SalesReportRunOptions {
  period: ReportPeriod;
  from?: string;
  to?: string;
  currency?: string;
  /** All Orders report files (tab-delimited, CSV or .xlsx). */
  allOrders?: readonly string[];
  settlements?: readonly string[];
  /** Output files: .html and/or .xlsx. */
  out?: readonly string[];
  health?: readonly HealthFigure[];
}

export interface SalesReportRun {
  result: ActionResult;
  report: SalesReport | null;
  files: string[];
  /** The chart as drawn (SVG) and as the PNG placed in the workbook. */
  chart: { svg: string; png: Buffer } | null;
}

export class ReportOutputError extends Error {}

export function checkOutPath(file: string): void {
  if (!/\.(html?|xlsx)$/i.test(file))
    throw new ReportOutputError(
      `--out ${file}: the report is written as .html or .xlsx; name the file with one of those extensions.`,
    );
}

export async function runSalesReportFiles(
  book: Workbook,
  options: SalesReportRunOptions,
  context: RunContext,
): Promise<SalesReportRun> {
  for (const f of options.out ?? []) checkOutPath(f);
  const read = async (files: readonly string[] | undefined) =>
    Promise.all(
      (files ?? []).map(async (f) => ({ grid: (await readTableFile(f)).grid, source: path.basename(f) })),
    );
  const prepared = await prepareSalesReport(
    book,
    {
      period: options.period,
      from: options.from,
      to: options.to,
      currency: options.currency,
      allOrdersFiles: await read(options.allOrders),
      settlementFiles: await read(options.settlements),
      health: options.health,
    },
    context,
  );
  const { report, plan } = prepared;
  if (!report || !plan) return { result: prepared.result, report, files: [], chart: null };
  const svg = await renderChartSvg(report);
  const png = svgToPng(svg);
  if (book instanceof XlsxWorkbook) {
    const excel = book.excel;
    const sheet = excel.getWorksheet(salesReportTable.name) ?? excel.addWorksheet(salesReportTable.name);
    placeChartImage(excel, sheet, png, { col: salesReportTable.columns.length + 1, row: 0 });
  }
  await book.write(plan);
  const files: string[] = [];
  for (const out of options.out ?? []) {
    await fs.promises.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    if (/\.xlsx$/i.test(out)) await writeReportXlsx(report, png, out);
    else await writeReportHtml(report, svg, context.now, out);
    files.push(out);
  }
  const result: ActionResult = {
    ...prepared.result,
    lines: [...prepared.result.lines, ...files.map((f) => `Wrote ${f}.`)],
    data: { ...(prepared.result.data as object), files },
  };
  return { result, report, files, chart: { svg, png: png.png } };
}
