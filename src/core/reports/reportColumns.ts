/**
 * The columns of each sheet the report reads. Decoding only these (a projection of the sheet's schema, found
 * by header name as always) keeps the report from paying for the ~100 Orders columns it never looks at.
 */
import type { ColumnSpec } from '../tables/column';
import type { InventoryRecord } from '../tables/inventory';
import type { ListingRecord } from '../tables/listings';
import type { OrderRecord } from '../tables/orders';
import type { ReturnRecord } from '../tables/returns';
import type { TableSchema } from '../tables/schema';
import type { ShipmentRecord } from '../tables/shipments';

export const REPORT_ORDER_COLUMNS = [
  'order-id',
  'order-item-id',
  'purchase-date',
  'sku',
  'quantity-purchased',
  'currency',
  'item-price',
  'shipping-price',
  'gift-wrap-price',
  'item-promotion-discount',
  'ship-promotion-discount',
  'status',
  // For the account-health figures (accountHealth reads these too).
  'promise-date',
  'confirmed-at',
  'ship-date',
  'tracking-number',
  'carrier',
  'is-buyer-requested-cancellation',
] as const;
export const REPORT_SHIPMENT_COLUMNS = [
  'shipment-id',
  'order-id',
  'order-items',
  'cost',
  'currency',
  'state',
  'created-at',
  'voided-at',
] as const;
export const REPORT_RETURN_COLUMNS = [
  'return-id',
  'order-id',
  'sku',
  'quantity',
  'refund',
  'currency',
  'return-date',
  'restocked',
] as const;
export const REPORT_INVENTORY_COLUMNS = ['sku', 'location', 'on-hand', 'unit-cost', 'currency'] as const;
export const REPORT_LISTING_COLUMNS = ['sku', 'title', 'category'] as const;

export type ReportOrder = Pick<OrderRecord, (typeof REPORT_ORDER_COLUMNS)[number]>;
export type ReportShipment = Pick<ShipmentRecord, (typeof REPORT_SHIPMENT_COLUMNS)[number]>;
export type ReportReturn = Pick<ReturnRecord, (typeof REPORT_RETURN_COLUMNS)[number]>;
export type ReportInventory = Pick<InventoryRecord, (typeof REPORT_INVENTORY_COLUMNS)[number]>;
export type ReportListing = Pick<ListingRecord, (typeof REPORT_LISTING_COLUMNS)[number]>;

/** The schema with only the named columns (required ones must be among them to be checked). */
export function projectTable<S extends TableSchema>(schema: S, names: readonly string[]): S {
  const keep = new Set(names);
  return { ...schema, columns: schema.columns.filter((c: ColumnSpec) => keep.has(c.name)) } as S;
}
