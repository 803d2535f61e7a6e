/** The Listings sheet: one row per SKU, Amazon's listing columns plus what shipping needs. */
import { decimal, id, int, money, oneOf, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const WEIGHT_UNITS = ['oz', 'lb', 'g', 'kg'] as const;
export const LENGTH_UNITS = ['in', 'cm'] as const;

export const listingsTable = defineTable({
  name: 'Listings',
  description: "One row per SKU: Amazon's listing data, and the weight and size that carrier choice needs.",
  key: ['sku'],
  signature: ['sku', 'asin'],
  columns: [
    id('sku', {
      owner: 'amazon',
      required: true,
      aliases: ['seller-sku'],
      width: 16,
      description: 'Seller SKU.',
    }),
    id('asin', { owner: 'amazon', aliases: ['asin1'], width: 12, description: 'Amazon ASIN.' }),
    text('title', { owner: 'amazon', aliases: ['item-name'], width: 40, description: 'Listing title.' }),
    id('listing-id', { owner: 'amazon', description: 'Amazon listing id.' }),
    money('price', { owner: 'amazon', description: 'Listing price.' }),
    text('currency', { owner: 'seller', description: 'Currency of the price.' }),
    int('quantity', {
      owner: 'amazon',
      min: 0,
      description: 'Quantity Amazon shows (merchant-fulfilled only).',
    }),
    text('open-date', {
      owner: 'amazon',
      description:
        "When the listing was created: ISO-8601 with offset when the report's localised form is recognised, else as Amazon wrote it.",
    }),
    id('product-id', { owner: 'amazon', description: 'UPC, EAN, ISBN or ASIN.' }),
    text('product-id-type', { owner: 'amazon', description: '1 ASIN, 2 ISBN, 3 UPC, 4 EAN.' }),
    text('item-condition', { owner: 'amazon', description: 'Condition code (11 = New).' }),
    text('fulfillment-channel', {
      owner: 'amazon',
      description: 'DEFAULT = merchant-fulfilled; AMAZON_NA, AMAZON_EU, … = FBA.',
    }),
    text('merchant-shipping-group', { owner: 'amazon', description: 'Shipping template.' }),
    text('status', { owner: 'amazon', description: 'Active, Inactive, Incomplete.' }),
    decimal('weight', { owner: 'seller', min: 0, description: 'Shipping weight of one unit, packed.' }),
    oneOf('weight-unit', WEIGHT_UNITS, { owner: 'seller', description: 'oz, lb, g or kg.' }),
    decimal('length', { owner: 'seller', min: 0, description: 'Longest side of one unit, packed.' }),
    decimal('width', { owner: 'seller', min: 0, description: 'Middle side.' }),
    decimal('height', { owner: 'seller', min: 0, description: 'Shortest side.' }),
    oneOf('dimension-unit', LENGTH_UNITS, { owner: 'seller', description: 'in or cm.' }),
    text('package-type', {
      owner: 'seller',
      description: 'Box name from Settings, or envelope / poly mailer.',
    }),
    int('handling-time', { owner: 'seller', min: 0, description: 'Days to ship after the order.' }),
    text('category', { owner: 'seller', description: 'Product category for referral fee estimates.' }),
  ],
});

export type ListingRecord = RecordOf<typeof listingsTable>;
