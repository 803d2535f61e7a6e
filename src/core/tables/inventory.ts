/** The Inventory sheet: stock of a SKU at a location. */
import { datetime, id, int, money, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const inventoryTable = defineTable({
  name: 'Inventory',
  description:
    'One row per SKU and location: what is on the shelf, reserved for orders, and when to reorder.',
  key: ['sku', 'location'],
  signature: ['sku', 'on-hand'],
  columns: [
    id('sku', {
      owner: 'seller',
      required: true,
      aliases: ['seller-sku'],
      width: 16,
      description: 'Seller SKU.',
    }),
    id('location', {
      owner: 'seller',
      required: true,
      aliases: ['bin', 'warehouse'],
      width: 10,
      description: 'Warehouse, shelf or bin.',
    }),
    int('on-hand', {
      owner: 'seller',
      required: true,
      min: 0,
      aliases: ['on-hand-qty', 'qty-on-hand', 'qty'],
      description: 'Units physically there.',
    }),
    int('reserved', {
      owner: 'shipsheet',
      min: 0,
      description: 'Units allocated to unshipped orders, plus units shipped since counted-at.',
    }),
    int('available', { owner: 'shipsheet', description: 'On hand minus reserved.' }),
    int('reorder-point', { owner: 'seller', min: 0, description: 'Reorder when available falls to this.' }),
    int('reorder-qty', {
      owner: 'seller',
      min: 0,
      aliases: ['reorder-quantity'],
      description: 'How many to order then.',
    }),
    money('unit-cost', { owner: 'seller', min: 0, description: 'Cost of one unit (for profit).' }),
    text('currency', { owner: 'seller', description: 'Currency of the unit cost.' }),
    text('supplier', { owner: 'seller', width: 16, description: 'Who to reorder from.' }),
    id('supplier-sku', { owner: 'seller', description: "The supplier's part number." }),
    int('lead-time-days', { owner: 'seller', min: 0, description: 'Days from order to arrival.' }),
    datetime('updated-at', {
      owner: 'shipsheet',
      description: 'When Shipsheet last computed reserved and available.',
    }),
    datetime('counted-at', {
      owner: 'seller',
      description:
        'When on-hand was counted (stamped by import inventory): units shipped since still come off on-hand.',
    }),
  ],
});

export type InventoryRecord = RecordOf<typeof inventoryTable>;
