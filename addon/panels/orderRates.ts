/**
 * The rates sidebar, server side: the order on the selected row, its packages with the service chosen and
 * the best rates the carriers step considered, and picking another of those rates for a package.
 */
import { logEditor } from '../../src/core';
import type { Grid, OrderRecord } from '../../src/core';
import {
  cellText,
  decodeTable,
  formatMoneyPlain,
  indexColumns,
  logEntry,
  logTable,
  ordersTable,
  TableEditor,
} from '../../src/core';
import { SpreadsheetWorkbook } from '../gas/spreadsheetWorkbook';
import { BUSY_MESSAGE, withLock } from '../gas/lock';
import { runContext } from '../actions/runAction';
import { runSync } from '../runtime/syncPromise';
import { parseRatesConsidered } from './ratesConsidered';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A label is bought from Labeled on: changing the service then would not change the label. */
const CHANGEABLE = new Set(['New', 'Allocated', 'Short', 'Rated']);

export interface RateOption {
  readonly index: number;
  readonly carrier: string;
  readonly service: string;
  readonly price: string;
  readonly currency: string;
  readonly expectedDelivery: string | null;
  readonly chosen: boolean;
}

export interface PackageView {
  readonly key: string;
  readonly packageId: string | null;
  readonly box: string | null;
  readonly billableWeightOz: number | null;
  readonly zone: string | null;
  readonly status: string;
  readonly items: { row: number; sku: string; quantity: number; title: string | null }[];
  readonly chosen: {
    carrier: string;
    service: string;
    price: string;
    currency: string;
    expectedDelivery: string | null;
  } | null;
  readonly options: RateOption[];
  /** Why the service cannot be changed here, when it cannot. */
  readonly locked: string | null;
}

export interface OrderRatesView {
  readonly ok: boolean;
  readonly message: string;
  readonly orderId: string | null;
  readonly shipBy: string | null;
  readonly deliverBy: string | null;
  readonly packages: PackageView[];
}

function empty(message: string): OrderRatesView {
  return { ok: false, message, orderId: null, shipBy: null, deliverBy: null, packages: [] };
}

/** The order whose row holds the active cell on the Orders sheet. */
export function selectedOrderId(spreadsheet: Spreadsheet, grid: Grid | null): string | null {
  const sheet = spreadsheet.getActiveSheet();
  if (!sheet || sheet.getName() !== ordersTable.name || !grid) return null;
  const cell = spreadsheet.getCurrentCell() ?? spreadsheet.getActiveRange();
  if (!cell) return null;
  const row = cell.getRow();
  if (row < 2) return null;
  const t = decodeTable(ordersTable, [grid[0], ...(grid[row - 1] ? [grid[row - 1]] : [])], {
    checkRequired: false,
  });
  return t.rows[0]?.record['order-id'] ?? null;
}

/** The decoded rows of one order (only those rows are decoded: a sidebar refresh stays quick on big sheets). */
function rowsOfOrder(grid: Grid, orderId: string): { rowNumber: number; record: OrderRecord }[] {
  const col = indexColumns(ordersTable, grid[0] ?? []).positions.get('order-id');
  if (col === undefined) return [];
  const numbers: number[] = [];
  for (let i = 1; i < grid.length; i++)
    if (cellText(grid[i]?.[col] ?? null).trim() === orderId) numbers.push(i + 1);
  const t = decodeTable(ordersTable, [grid[0], ...numbers.map((n) => grid[n - 1])], { checkRequired: false });
  return t.rows.map((r, i) => ({ rowNumber: numbers[i], record: r.record }));
}

export function orderRatesView(grid: Grid | null, orderId: string | null): OrderRatesView {
  if (!grid || grid.length === 0)
    return empty('There is no Orders sheet yet: run Set up sheets, then Import orders.');
  if (!orderId) return empty('Select a cell on an order’s row in the Orders sheet, then press Refresh.');
  const rows = rowsOfOrder(grid, orderId);
  if (rows.length === 0) return empty(`Order ${orderId} is not on the Orders sheet any more.`);
  const byPackage = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = r.record['package-id'] ?? `row ${r.rowNumber}`;
    byPackage.set(key, [...(byPackage.get(key) ?? []), r]);
  }
  const packages: PackageView[] = [...byPackage.entries()].map(([key, items]) => {
    const first = items[0].record as OrderRecord;
    const rateText = items.map((i) => i.record['rates-considered']).find((v) => v !== null && v !== '') ?? '';
    const options = parseRatesConsidered(rateText).map((o, index) => ({
      index,
      carrier: o.carrier,
      service: o.service,
      price: formatMoneyPlain(o.priceMinor, o.currency),
      currency: o.currency,
      expectedDelivery: o.expectedDelivery,
      chosen: o.carrier === first.carrier && o.service === first.service,
    }));
    const statuses = [...new Set(items.map((i) => i.record.status ?? 'New'))];
    const blocked = statuses.find((s) => !CHANGEABLE.has(s));
    const currency = first['rate-currency'] ?? first.currency ?? 'USD';
    return {
      key,
      packageId: first['package-id'],
      box: first.package,
      billableWeightOz: first['billable-weight-oz'],
      zone: first.zone,
      status: statuses.join(', '),
      items: items.map((i) => ({
        row: i.rowNumber,
        sku: i.record.sku ?? '',
        quantity: i.record['quantity-purchased'] ?? 0,
        title: i.record['product-name'],
      })),
      chosen:
        first.carrier && first.service
          ? {
              carrier: first.carrier,
              service: first.service,
              price: first.rate === null ? '' : formatMoneyPlain(first.rate, currency),
              currency,
              expectedDelivery: first['expected-delivery'],
            }
          : null,
      options,
      locked: blocked
        ? `This package is ${blocked}: its label is bought, so the service cannot change here (void the label first).`
        : options.length === 0
          ? 'No rates yet: run Choose carriers first.'
          : null,
    };
  });
  const first = rows[0].record;
  return {
    ok: true,
    message: `Order ${orderId}: ${rows.length} item${rows.length === 1 ? '' : 's'} in ${packages.length} package${packages.length === 1 ? '' : 's'}.`,
    orderId,
    shipBy: first['promise-date'],
    deliverBy: first['delivery-end-date'],
    packages,
  };
}

export function sidebarView(spreadsheet: Spreadsheet): OrderRatesView {
  const grid = new SpreadsheetWorkbook(spreadsheet).readNow([ordersTable.name]).get(ordersTable.name) ?? null;
  return orderRatesView(grid, selectedOrderId(spreadsheet, grid));
}

export interface PickResult {
  readonly ok: boolean;
  readonly message: string;
  readonly view: OrderRatesView | null;
}

const WRITES = ['carrier', 'service', 'rate', 'rate-currency', 'expected-delivery'] as const;

/** Choose rate `index` of the package `key` of an order: one write to Orders (its rows) and a Log row. */
export function pickRate(spreadsheet: Spreadsheet, orderId: string, key: string, index: number): PickResult {
  return withLock<PickResult>(
    () => {
      const book = new SpreadsheetWorkbook(spreadsheet);
      const tables = book.readNow([ordersTable.name, logTable.name]);
      const grid = tables.get(ordersTable.name) ?? null;
      const view = orderRatesView(grid, orderId);
      const pkg = view.packages.find((p) => p.key === key);
      if (!view.ok || !pkg)
        return {
          ok: false,
          message: view.ok ? `Order ${orderId} has no package ${key}.` : view.message,
          view,
        };
      if (pkg.locked) return { ok: false, message: pkg.locked, view };
      const option = pkg.options[index];
      if (!option)
        return { ok: false, message: `That rate is no longer offered for ${key}; press Refresh.`, view };
      const rate = parseRatesConsidered(
        rowsOfOrder(grid!, orderId).find((r) => r.rowNumber === pkg.items[0].row)?.record[
          'rates-considered'
        ] ?? '',
      )[index];
      const orders = new TableEditor(ordersTable, grid, [...WRITES]);
      let changed = 0;
      for (const item of pkg.items)
        if (
          orders.update(item.row, {
            carrier: rate.carrier,
            service: rate.service,
            rate: rate.priceMinor,
            'rate-currency': rate.currency,
            'expected-delivery': rate.expectedDelivery,
          })
        )
          changed++;
      const summary = `${orderId} ${pkg.packageId ?? key}: ${rate.carrier} ${rate.service} ${option.price} ${rate.currency}`;
      if (changed === 0) return { ok: true, message: `${summary} was already chosen.`, view };
      const context = runContext();
      const log = logEditor(tables.get(logTable.name) ?? null);
      log.append(
        logEntry(
          'pick rate',
          context,
          { source: 'rates sidebar', rowsRead: pkg.items.length, rowsChanged: changed, summary },
          [],
        ),
      );
      runSync(() => book.write({ sheets: [orders.toWrite(), log.toWrite()] }));
      const after = book.readNow([ordersTable.name]).get(ordersTable.name) ?? null;
      return {
        ok: true,
        message: `Chose ${summary} for ${changed} row${changed === 1 ? '' : 's'}.`,
        view: orderRatesView(after, orderId),
      };
    },
    () => ({ ok: false, message: BUSY_MESSAGE, view: null }),
  );
}
