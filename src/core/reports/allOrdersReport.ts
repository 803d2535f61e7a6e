/** Amazon's All Orders report (FBA and merchant orders, by order date) read into sale lines for the report. */
import type { Grid } from '../tables/cell';
import { datetime, id, int, money, text } from '../tables/column';
import { decodeTable } from '../tables/decodeTable';
import { locateHeader } from '../flatfiles/locateHeader';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { defineTable } from '../tables/schema';
import type { RecordOf } from '../tables/schema';

const amazon = { owner: 'amazon' } as const;

/** The columns the report uses; the file has more (kept out, it is read-only input). Mapped by name. */
export const allOrdersReportTable = defineTable({
  name: 'All Orders report',
  description:
    'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: one row per order item, FBA and merchant.',
  key: [],
  signature: ['amazon-order-id', 'order-status', 'fulfillment-channel'],
  columns: [
    id('amazon-order-id', { ...amazon, required: true, aliases: ['order-id'], description: 'Order id.' }),
    datetime('purchase-date', { ...amazon, required: true, description: 'When the buyer ordered.' }),
    text('order-status', { ...amazon, description: 'Shipped, Pending, Cancelled, …' }),
    text('fulfillment-channel', { ...amazon, description: 'Amazon (FBA) or Merchant.' }),
    text('sales-channel', { ...amazon, description: 'Amazon.com, …' }),
    id('sku', { ...amazon, required: true, aliases: ['seller-sku'], description: 'Seller SKU.' }),
    text('item-status', { ...amazon, description: 'Shipped, Unshipped, Cancelled, …' }),
    int('quantity', {
      ...amazon,
      min: 0,
      aliases: ['quantity-purchased'],
      description: 'Units (some marketplaces: quantity-purchased).',
    }),
    text('currency', { ...amazon, description: 'ISO 4217 code of the amounts.' }),
    money('item-price', { ...amazon, description: 'Item price of the line (already times quantity).' }),
    money('item-tax', { ...amazon, description: 'Tax on the item.' }),
    money('shipping-price', { ...amazon, description: 'Shipping charged.' }),
    money('shipping-tax', { ...amazon, description: 'Tax on shipping.' }),
    money('gift-wrap-price', { ...amazon, description: 'Gift wrap charged.' }),
    money('item-promotion-discount', { ...amazon, description: 'Item promotions (as Amazon writes it).' }),
    money('ship-promotion-discount', { ...amazon, description: 'Shipping promotions.' }),
  ],
});

export type AllOrdersRecord = RecordOf<typeof allOrdersReportTable>;

export interface ParsedAllOrders {
  readonly source: string;
  readonly rows: readonly { rowNumber: number; record: AllOrdersRecord }[];
  readonly problems: readonly Problem[];
  /** False when the file is not an All Orders report (then `rows` is empty and the problem says why). */
  readonly usable: boolean;
}

/** Decode an All Orders report grid; rows with bad cells are left out with a problem naming row and column. */
export function parseAllOrdersReport(grid: Grid, source: string): ParsedAllOrders {
  const headerIndex = locateHeader(grid, allOrdersReportTable);
  if (headerIndex < 0)
    return {
      source,
      rows: [],
      usable: false,
      problems: [
        problem(
          source,
          null,
          null,
          'is not an All Orders report: no row has amazon-order-id, purchase-date and sku',
        ),
      ],
    };
  const t = decodeTable(allOrdersReportTable, grid, { source, headerIndex });
  return {
    source,
    usable: t.usable,
    problems: t.problems,
    rows: t.rows.filter((r) => r.valid).map((r) => ({ rowNumber: r.rowNumber, record: r.record })),
  };
}
