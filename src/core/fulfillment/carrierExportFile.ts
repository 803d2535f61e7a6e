/**
 * A carrier's or shipping tool's export (ShipStation, Pirate Ship, UPS WorldShip, FedEx Ship Manager, a
 * spreadsheet): order id and tracking number per package, found by header whatever the tool calls them.
 */
import { date, id, int, text } from '../tables/column';
import { defineTable } from '../tables/schema';
import type { RecordOf } from '../tables/schema';

const file = { owner: 'seller' } as const;

export const carrierExportFile = defineTable({
  name: 'carrier export',
  description: 'One row per package (or per order item in a package): which order, which tracking number.',
  key: [],
  columns: [
    id('order-id', {
      ...file,
      required: true,
      aliases: [
        'amazon-order-id',
        'order-number',
        'order-no',
        'order-#',
        'order',
        'order-id-(amazon)',
        'reference',
        'reference-1',
        'reference1',
        'customer-reference',
      ],
      description: 'Amazon order id.',
    }),
    id('order-item-id', {
      ...file,
      aliases: ['item-id', 'order-item-code'],
      description: 'Order item, when given.',
    }),
    id('sku', {
      ...file,
      aliases: ['seller-sku', 'item-sku', 'item-sku-number'],
      description: 'SKU, to pick the item.',
    }),
    int('quantity', {
      ...file,
      min: 1,
      aliases: ['qty', 'quantity-shipped', 'item-quantity', 'item-qty', 'items'],
      description: 'Units of the item in this package.',
    }),
    id('tracking-number', {
      ...file,
      required: true,
      aliases: [
        'tracking',
        'tracking-#',
        'tracking-no',
        'tracking-id',
        'shipment-tracking-number',
        'shipment-tracking',
        'shipment-tracking-#',
        'shipper-tracking-number',
        'package-tracking-number',
        'tracking-code',
      ],
      description: 'Tracking number.',
    }),
    text('carrier', {
      ...file,
      aliases: [
        'carrier-name',
        'carrier-code',
        'shipment-carrier',
        'shipping-carrier',
        'courier',
        'provider',
      ],
      description: 'Carrier (UPS, USPS, FedEx, …).',
    }),
    text('service', {
      ...file,
      aliases: ['ship-method', 'shipping-service', 'shipment-service', 'service-type', 'mail-class'],
      description: 'Carrier service.',
    }),
    date('ship-date', {
      ...file,
      aliases: [
        'shipped-date',
        'date-shipped',
        'shipment-ship-date',
        'ship-date-(local)',
        'created-date',
        'label-date',
      ],
      description: 'Date handed to the carrier.',
    }),
  ],
});

export type CarrierExportRecord = RecordOf<typeof carrierExportFile>;
