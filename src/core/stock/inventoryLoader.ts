/**
 * Amazon's Price & Quantity flat file from check stock's figures: tab-delimited, a header row of Amazon's keys
 * (`sku`, optional `price`, `quantity`, `handling-time`), one row per merchant-fulfilled SKU Shipsheet holds stock
 * for, quantity = available − safety stock and never below 0. FBA SKUs are never listed (Amazon counts those).
 * Values are written bare, as Amazon's template expects: no quotes, no Excel formula guards (a guard would
 * change the SKU Amazon matches on); a value holding a tab or line break cannot be written and is reported.
 */
import { formatMoneyPlain } from '../money/parseMoney';
import { listingsTable } from '../tables/listings';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import type { SkuAvailability } from './planStockCheck';

export interface InventoryLoaderOptions {
  /** Units kept back from what Amazon may sell (Settings safety-stock). */
  readonly safetyStock: number;
  /** Also send each listing's price (off by default: a stale sheet price would reprice the listing). */
  readonly withPrice?: boolean;
  /** Currency for prices whose row names none. */
  readonly defaultCurrency?: string;
}

export interface InventoryLoaderRow {
  readonly sku: string;
  readonly price: string | null;
  readonly quantity: number;
  readonly handlingTime: number | null;
}

export interface InventoryLoaderFile {
  readonly text: string;
  readonly rows: readonly InventoryLoaderRow[];
  readonly problems: readonly Problem[];
}

const UNSAFE = /[\t\r\n]/;

export function buildInventoryLoader(
  availability: readonly SkuAvailability[],
  options: InventoryLoaderOptions,
): InventoryLoaderFile {
  const safety = Math.max(0, Math.trunc(options.safetyStock));
  const rows: InventoryLoaderRow[] = [];
  const problems: Problem[] = [];
  for (const a of availability) {
    if (UNSAFE.test(a.sku)) {
      problems.push(
        problem(
          listingsTable.name,
          null,
          'sku',
          `SKU ${JSON.stringify(a.sku)} holds a tab or line break; not exported`,
        ),
      );
      continue;
    }
    const price = a.listing.price;
    if (options.withPrice && (price === null || price <= 0))
      problems.push(
        problem(
          listingsTable.name,
          null,
          'price',
          `${a.sku} has no price (Amazon rejects a blank or zero price); its price cell is left empty so Amazon keeps the current one`,
        ),
      );
    rows.push({
      sku: a.sku,
      price:
        options.withPrice && price !== null && price > 0
          ? formatMoneyPlain(price, a.listing.currency ?? options.defaultCurrency ?? null)
          : null,
      quantity: Math.max(0, a.available - safety),
      handlingTime: a.listing['handling-time'],
    });
  }
  const header = options.withPrice
    ? ['sku', 'price', 'quantity', 'handling-time']
    : ['sku', 'quantity', 'handling-time'];
  const lines = [header.join('\t')];
  for (const r of rows) {
    const cells = [
      r.sku,
      ...(options.withPrice ? [r.price ?? ''] : []),
      String(r.quantity),
      r.handlingTime === null ? '' : String(r.handlingTime),
    ];
    lines.push(cells.join('\t'));
  }
  return { text: lines.join('\r\n') + '\r\n', rows, problems };
}
