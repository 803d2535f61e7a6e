/** The Returns sheet: returned items, their condition, refund and restock. */
import { bool, datetime, date, id, int, money, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const returnsTable = defineTable({
  name: 'Returns',
  description:
    'One row per returned item: why, in what condition, what was refunded, whether it went back on the shelf.',
  key: ['return-id'],
  signature: ['order-id', 'return-reason'],
  columns: [
    id('return-id', {
      owner: 'seller',
      required: true,
      aliases: ['rma-id', 'amazon-rma-id'],
      description: 'Return (RMA) id.',
    }),
    id('order-id', { owner: 'seller', required: true, description: 'Amazon order id.' }),
    id('order-item-id', { owner: 'seller', description: 'Order item id, when known.' }),
    id('sku', { owner: 'seller', required: true, aliases: ['merchant-sku'], description: 'Seller SKU.' }),
    int('quantity', {
      owner: 'seller',
      required: true,
      min: 1,
      aliases: ['return-quantity'],
      description: 'Units returned.',
    }),
    text('return-reason', { owner: 'seller', aliases: ['reason'], description: "The buyer's reason." }),
    text('condition', { owner: 'seller', description: 'Sellable, Damaged, Defective, …' }),
    money('refund', { owner: 'seller', aliases: ['refunded-amount'], description: 'Amount refunded.' }),
    text('currency', {
      owner: 'seller',
      aliases: ['currency-code'],
      description: 'Currency of the refund.',
    }),
    date('return-date', {
      owner: 'seller',
      aliases: ['return-request-date'],
      description: 'When it was returned.',
    }),
    id('location', {
      owner: 'seller',
      description: 'Where a sellable return is restocked (default: first ranked location).',
    }),
    bool('restocked', { owner: 'shipsheet', description: 'Put back into Inventory.' }),
    datetime('restocked-at', { owner: 'shipsheet', description: 'When it was restocked.' }),
  ],
});

export type ReturnRecord = RecordOf<typeof returnsTable>;
