/**
 * The sales report action over the Workbook port: read the tables once, compute the report (pure), rebuild the
 * Sales Report sheet with one clear + write, and log the run. `prepareSalesReport` stops before writing, so
 * an adapter can add to the plan (the xlsx backend puts the chart image on the sheet) and then write it.
 */
import type { ParsedAllOrders } from '../reports/allOrdersReport';
import { parseAllOrdersReport } from '../reports/allOrdersReport';
import type { SalesReport } from '../reports/buildSalesReport';
import { buildSalesReport } from '../reports/buildSalesReport';
import { readFeeRules } from '../reports/feeRules';
import type { HealthFigure } from '../reports/healthFigures';
import { healthFigures } from '../reports/healthFigures';
import { accountHealth } from '../health/accountHealth';
import type { OrderRecord } from '../tables/orders';
import type { LocalDate, ReportPeriod } from '../reports/localCalendar';
import { addDays, isLocalDate, isTimeZone, localDateOf, periodStart } from '../reports/localCalendar';
import type { ParsedSettlement } from '../reports/settlementReport';
import type {
  ReportInventory,
  ReportListing,
  ReportOrder,
  ReportReturn,
  ReportShipment,
} from '../reports/reportColumns';
import {
  REPORT_INVENTORY_COLUMNS,
  REPORT_LISTING_COLUMNS,
  REPORT_ORDER_COLUMNS,
  REPORT_RETURN_COLUMNS,
  REPORT_SHIPMENT_COLUMNS,
  projectTable,
} from '../reports/reportColumns';
import type { TableSchema } from '../tables/schema';
import { parseSettlementReport } from '../reports/settlementReport';
import { salesReportRows } from '../reports/salesReportRows';
import { readSettings } from '../settings/readSettings';
import type { Grid } from '../tables/cell';
import { decodeTable } from '../tables/decodeTable';
import { inventoryTable } from '../tables/inventory';
import { listingsTable } from '../tables/listings';
import { logTable } from '../tables/log';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { returnsTable } from '../tables/returns';
import { salesReportTable } from '../tables/salesReport';
import { settingsTable } from '../tables/settingsTable';
import { shipmentsTable } from '../tables/shipments';
import { TableEditor } from '../tables/tableEditor';
import type { Workbook, WritePlan } from '../workbook';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';

export const SALES_REPORT_ACTION = 'report sales';

export interface SalesReportRequest {
  readonly period: ReportPeriod;
  /** Local dates, inclusive; both default to the last complete period before today. */
  readonly from?: string;
  readonly to?: string;
  /** Default: Settings `currency`. */
  readonly currency?: string;
  /** Amazon files read by the adapter: the All Orders report and settlement reports, as grids. */
  readonly allOrdersFiles?: readonly { grid: Grid; source: string }[];
  readonly settlementFiles?: readonly { grid: Grid; source: string }[];
  /** Account-health figures from the health step, when it has computed them. */
  readonly health?: readonly HealthFigure[];
}

export interface PreparedSalesReport {
  readonly result: ActionResult;
  readonly report: SalesReport | null;
  /** The writes (Sales Report sheet and Log), null when refused. */
  readonly plan: WritePlan | null;
}

/** The last complete period before `today`: yesterday, last Monday–Sunday, or last month. */
export function lastCompletePeriod(
  today: LocalDate,
  period: ReportPeriod,
): { from: LocalDate; to: LocalDate } {
  const current = periodStart(today, period);
  const to = addDays(current, -1);
  return { from: periodStart(to, period), to };
}

const MAX_DAYS = 3700;

export async function prepareSalesReport(
  book: Workbook,
  request: SalesReportRequest,
  context: RunContext,
): Promise<PreparedSalesReport> {
  const fail = (message: string): PreparedSalesReport => ({
    result: refused(SALES_REPORT_ACTION, message),
    report: null,
    plan: null,
  });
  const names = [
    ordersTable,
    returnsTable,
    shipmentsTable,
    inventoryTable,
    listingsTable,
    settingsTable,
    salesReportTable,
    logTable,
  ].map((t) => t.name);
  const grids = await book.read(names);
  const { settings, problems: settingProblems } = readSettings(grids.get(settingsTable.name) ?? null);
  const problems: Problem[] = [...settingProblems];
  const timeZone = settings.text('timezone');
  if (!isTimeZone(timeZone))
    return fail(
      `Settings timezone ${JSON.stringify(timeZone)} is not an IANA time zone (e.g. America/Los_Angeles): report days cannot be placed.`,
    );
  const currency = (request.currency ?? settings.text('currency')).trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    return fail(`Currency ${JSON.stringify(currency)} is not an ISO 4217 code such as USD.`);
  const today = localDateOf(context.now, timeZone);
  const fallback = lastCompletePeriod(today, request.period);
  const from = request.from ?? (request.to ? periodStart(request.to, request.period) : fallback.from);
  const to = request.to ?? (request.from ? addDays(today, -1) : fallback.to);
  for (const [name, d] of [
    ['--from', from],
    ['--to', to],
  ] as const)
    if (!isLocalDate(d)) return fail(`${name} ${JSON.stringify(d)} is not a date (yyyy-mm-dd).`);
  if (from > to) return fail(`--from ${from} is after --to ${to}: nothing to report.`);
  if (Number(new Date(to)) - Number(new Date(from)) > MAX_DAYS * 86_400_000)
    return fail(`${from} to ${to} is more than ten years: choose a shorter range.`);

  const { rules, problems: feeProblems } = readFeeRules(settings, currency);
  problems.push(...feeProblems);
  const allOrders: ParsedAllOrders[] = [];
  for (const f of request.allOrdersFiles ?? []) {
    const parsed = parseAllOrdersReport(f.grid, f.source);
    problems.push(...parsed.problems);
    allOrders.push(parsed);
  }
  const settlements: ParsedSettlement[] = [];
  for (const f of request.settlementFiles ?? []) {
    const parsed = parseSettlementReport(f.grid, f.source, timeZone);
    problems.push(...parsed.problems);
    settlements.push(parsed);
  }
  /** A missing or empty sheet is an empty table (a seller without returns has no Returns rows). */
  const decode = <R>(schema: TableSchema, columns: readonly string[]): { rowNumber: number; record: R }[] => {
    const grid = grids.get(schema.name) ?? null;
    if (grid === null || grid.length === 0) return [];
    const t = decodeTable(projectTable(schema, columns), grid, { source: schema.name });
    problems.push(...t.problems);
    return t.rows.filter((r) => r.valid) as unknown as { rowNumber: number; record: R }[];
  };
  const records = <R>(schema: TableSchema, columns: readonly string[]) =>
    decode<R>(schema, columns).map((r) => r.record);
  const orderRows = decode<ReportOrder>(ordersTable, REPORT_ORDER_COLUMNS);
  // Account health from the same rows (the health step's computation), unless the caller brings its own.
  const health =
    request.health ??
    (orderRows.length === 0
      ? null
      : healthFigures(
          accountHealth(orderRows.map((r) => r.record) as unknown as OrderRecord[], {
            now: context.now,
            timeZone,
            atRiskHours: settings.int('at-risk-hours'),
          }),
        ));
  const report = buildSalesReport(
    {
      orders: orderRows,
      allOrders,
      settlements,
      returns: records<ReportReturn>(returnsTable, REPORT_RETURN_COLUMNS),
      shipments: records<ReportShipment>(shipmentsTable, REPORT_SHIPMENT_COLUMNS),
      inventory: records<ReportInventory>(inventoryTable, REPORT_INVENTORY_COLUMNS),
      listings: records<ReportListing>(listingsTable, REPORT_LISTING_COLUMNS),
      health,
    },
    { period: request.period, from, to, timeZone, currency, fees: rules, today },
  );

  const existing = grids.get(salesReportTable.name) ?? null;
  const sheet = new TableEditor(
    salesReportTable,
    null,
    salesReportTable.columns.map((c) => c.name),
  );
  const rows = salesReportRows(report);
  for (const r of rows) sheet.append(r);
  const write = sheet.toWrite();
  const summary = `${request.period} report ${from} to ${to} in ${currency}: ${report.linesCounted} order lines, ${report.periods.length} period${report.periods.length === 1 ? '' : 's'}, ${report.skus.length} SKU rows`;
  const log = logEditor(grids.get(logTable.name) ?? null);
  log.append(
    logEntry(
      SALES_REPORT_ACTION,
      context,
      { rowsRead: report.linesCounted, rowsChanged: rows.length, summary },
      problems,
    ),
  );
  const plan: WritePlan = {
    sheets: [
      { ...write, create: existing === null, clear: existing !== null, freezeHeader: true },
      log.toWrite(),
    ],
  };
  return {
    report,
    plan,
    result: {
      action: SALES_REPORT_ACTION,
      ok: true,
      changes: [{ sheet: salesReportTable.name, added: rows.length, updated: 0 }],
      problems,
      stats: {
        orderLines: report.linesCounted,
        periods: report.periods.length,
        skus: report.skus.length,
        notes: report.notes.length,
      },
      lines: [
        `Sales Report rebuilt: ${summary}.`,
        ...report.notes.map(
          (n) =>
            `  ${n.kind === 'estimate' ? 'Estimate' : n.kind === 'left-out' ? 'Left out' : 'Note'}: ${n.text}`,
        ),
      ],
      data: { from, to, currency, period: request.period },
    },
  };
}

/** Prepare and write in one go (memory workbook, add-on): the Sales Report sheet without a chart image. */
export async function runSalesReport(
  book: Workbook,
  request: SalesReportRequest,
  context: RunContext,
): Promise<PreparedSalesReport> {
  const prepared = await prepareSalesReport(book, request, context);
  if (prepared.plan) await book.write(prepared.plan);
  return prepared;
}
