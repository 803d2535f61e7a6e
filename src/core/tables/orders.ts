/** The Orders sheet: one row per Amazon order item, Amazon's report columns plus the workflow's. */
import { bool, datetime, date, decimal, id, int, money, oneOf, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const ORDER_STATUSES = [
  'New',
  'Allocated',
  'Short',
  'Rated',
  'Labeled',
  'Shipped',
  'Confirmed',
  'Cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const CONFIRMATION_STATES = ['Pending', 'Exported', 'Confirmed', 'Rejected'] as const;

const amazon = { owner: 'amazon' } as const;
const step = { owner: 'shipsheet' } as const;

export const ordersTable = defineTable({
  name: 'Orders',
  description: 'One row per Amazon order item: the order report columns, then what Shipsheet did with it.',
  key: ['order-item-id'],
  signature: ['order-id', 'order-item-id'],
  columns: [
    id('order-id', {
      ...amazon,
      required: true,
      aliases: ['amazon-order-id'],
      width: 20,
      description: 'Amazon order id, 3-7-7 digits.',
    }),
    id('order-item-id', {
      ...amazon,
      required: true,
      width: 16,
      description: 'Amazon order item id (14 digits).',
    }),
    datetime('purchase-date', {
      ...amazon,
      width: 25,
      description: 'When the buyer ordered (ISO-8601 with offset).',
    }),
    datetime('payments-date', { ...amazon, width: 25, description: 'When payment was authorised.' }),
    datetime('reporting-date', { ...amazon, description: 'When the order entered the report.' }),
    datetime('promise-date', {
      ...amazon,
      width: 25,
      aliases: ['latest-ship-date'],
      description: 'Ship-by: the latest ship date Amazon promised.',
    }),
    int('days-past-promise', { ...amazon, description: 'Days past the ship-by date (negative: days left).' }),
    text('buyer-email', {
      ...amazon,
      description: 'Buyer relay e-mail (personal data, purged after retention).',
    }),
    text('buyer-name', { ...amazon, description: 'Buyer name (personal data).' }),
    text('cpf', { ...amazon, description: 'Brazilian tax id (personal data).' }),
    id('buyer-phone-number', { ...amazon, description: 'Buyer phone (personal data).' }),
    id('sku', { ...amazon, required: true, aliases: ['seller-sku'], width: 16, description: 'Seller SKU.' }),
    int('number-of-items', { ...amazon, min: 0, description: 'Items in the order.' }),
    text('product-name', { ...amazon, width: 40, description: 'Product title at order time.' }),
    int('quantity-purchased', {
      ...amazon,
      required: true,
      min: 0,
      aliases: ['quantity', 'quantity-ordered'],
      description: 'Units ordered.',
    }),
    int('quantity-shipped', { ...amazon, min: 0, description: 'Units already shipped.' }),
    int('quantity-to-ship', { ...amazon, min: 0, description: 'Units still to ship.' }),
    text('currency', { ...amazon, description: 'Currency of the amounts (ISO 4217).' }),
    money('item-price', { ...amazon, description: 'Item price for the line (already times quantity).' }),
    money('item-tax', { ...amazon, description: 'Tax on the item price.' }),
    money('shipping-price', { ...amazon, description: 'Shipping charged to the buyer.' }),
    money('shipping-tax', { ...amazon, description: 'Tax on shipping.' }),
    money('gift-wrap-price', { ...amazon, description: 'Gift wrap charged.' }),
    money('gift-wrap-tax', { ...amazon, description: 'Tax on gift wrap.' }),
    money('item-promotion-discount', {
      ...amazon,
      description: 'Item promotions (summed over continuation rows).',
    }),
    text('item-promotion-id', { ...amazon, description: 'Item promotion ids.' }),
    money('ship-promotion-discount', { ...amazon, description: 'Shipping promotions.' }),
    text('ship-promotion-id', { ...amazon, description: 'Shipping promotion ids.' }),
    text('ship-service-level', {
      ...amazon,
      aliases: ['ship-service-level-category'],
      description: 'Standard, Expedited, SecondDay, NextDay, …',
    }),
    text('ship-service-name', { ...amazon, description: "Amazon's name for the shipping service." }),
    text('recipient-name', { ...amazon, width: 24, description: 'Ship-to name (personal data).' }),
    text('ship-address-1', { ...amazon, width: 28, description: 'Ship-to address line 1 (personal data).' }),
    text('ship-address-2', { ...amazon, description: 'Ship-to address line 2 (personal data).' }),
    text('ship-address-3', { ...amazon, description: 'Ship-to address line 3 (personal data).' }),
    text('ship-city', { ...amazon, description: 'Ship-to city.' }),
    text('ship-state', { ...amazon, description: 'Ship-to state or region.' }),
    id('ship-postal-code', { ...amazon, description: 'Ship-to postal code, kept as text (leading zeros).' }),
    id('ship-country', { ...amazon, description: 'Ship-to country (ISO 3166 alpha-2).' }),
    id('ship-phone-number', { ...amazon, description: 'Ship-to phone (personal data).' }),
    text('bill-address-1', { ...amazon, description: 'Billing address line 1 (personal data).' }),
    text('bill-address-2', { ...amazon, description: 'Billing address line 2 (personal data).' }),
    text('bill-address-3', { ...amazon, description: 'Billing address line 3 (personal data).' }),
    text('bill-city', { ...amazon, description: 'Billing city.' }),
    text('bill-state', { ...amazon, description: 'Billing state.' }),
    id('bill-postal-code', { ...amazon, description: 'Billing postal code.' }),
    id('bill-country', { ...amazon, description: 'Billing country.' }),
    datetime('delivery-start-date', {
      ...amazon,
      aliases: ['earliest-delivery-date'],
      description: 'Earliest promised delivery.',
    }),
    datetime('delivery-end-date', {
      ...amazon,
      aliases: ['latest-delivery-date'],
      description: 'Deliver-by: the latest promised delivery.',
    }),
    text('delivery-time-zone', { ...amazon, description: 'Time zone of the delivery window.' }),
    text('delivery-instructions', { ...amazon, description: 'Buyer delivery instructions.' }),
    text('gift-wrap-type', { ...amazon, description: 'Gift wrap chosen.' }),
    text('gift-message-text', {
      ...amazon,
      aliases: ['gift-message'],
      description: 'Gift message for the packing slip.',
    }),
    text('sales-channel', { ...amazon, description: 'Amazon.com, Amazon.co.uk, …' }),
    text('customized-url', { ...amazon, description: 'Customization data (custom products).' }),
    text('customized-page', { ...amazon, description: 'Customization page.' }),
    bool('is-business-order', { ...amazon, description: 'Amazon Business order.' }),
    text('purchase-order-number', { ...amazon, description: "Business buyer's PO number." }),
    text('price-designation', { ...amazon, description: 'BusinessPrice when a business price applied.' }),
    bool('is-prime', { ...amazon, description: 'Prime order (ships first when stock is short).' }),
    bool('is-sold-by-ab', { ...amazon, description: 'Sold by Amazon Business.' }),
    bool('is-iba', { ...amazon, description: 'Sold through Amazon Business Invoicing.' }),
    bool('is-buyer-requested-cancellation', { ...amazon, description: 'The buyer asked to cancel.' }),
    text('buyer-requested-cancel-reason', { ...amazon, description: 'Why the buyer asked to cancel.' }),
    bool('verge-of-cancellation', { ...amazon, description: 'Amazon will cancel soon if not shipped.' }),
    bool('verge-of-lateshipment', { ...amazon, description: 'About to ship late.' }),
    bool('signature-confirmation-recommended', {
      ...amazon,
      description: 'Amazon recommends signature confirmation.',
    }),
    text('buyer-identification-number', {
      ...amazon,
      description: 'Buyer tax id where required (personal data).',
    }),
    text('buyer-identification-type', { ...amazon, description: 'Kind of buyer id.' }),
    oneOf('status', ORDER_STATUSES, {
      ...step,
      width: 11,
      description: 'New → Allocated | Short → Rated → Labeled → Shipped → Confirmed; or Cancelled.',
    }),
    int('allocated-qty', { ...step, min: 0, description: 'Units reserved from stock for this item.' }),
    text('allocated-from', { ...step, description: 'Locations the units come from, e.g. A-01:2; B-03:1.' }),
    text('package-id', { ...step, description: 'The package this item ships in (order id + number).' }),
    text('package', { ...step, description: 'Box used and its size.' }),
    decimal('billable-weight-oz', {
      ...step,
      min: 0,
      description: 'Billable weight of the package in ounces.',
    }),
    text('zone', { ...step, description: 'Carrier zone from ship-from to ship-to.' }),
    text('carrier', { ...step, width: 10, description: 'Carrier chosen (USPS, UPS, FedEx, …).' }),
    text('service', { ...step, width: 22, description: 'Carrier service chosen.' }),
    money('rate', {
      ...step,
      currencyColumn: 'rate-currency',
      description: 'Rate of the chosen service for the package.',
    }),
    text('rate-currency', { ...step, description: 'Currency of the rate.' }),
    date('expected-delivery', { ...step, description: 'Delivery date expected with the chosen service.' }),
    text('rates-considered', {
      ...step,
      description: 'The best rates found, cheapest first (for the sidebar).',
    }),
    text('shipping-options', {
      ...step,
      description: 'Extras the rules asked for, comma-separated (signature).',
    }),
    text('shipment-id', { ...step, description: 'Shipments row holding the label.' }),
    id('tracking-number', {
      ...step,
      width: 24,
      description: 'Tracking number (from the label, a carrier export, or typed).',
    }),
    date('ship-date', { ...step, description: 'Date the package was handed to the carrier.' }),
    oneOf('confirmation', CONFIRMATION_STATES, { ...step, description: 'Shipping confirmation to Amazon.' }),
    datetime('confirmed-at', { ...step, description: 'When the confirmation was exported or accepted.' }),
    date('delivered-date', {
      ...step,
      description: 'Delivery date (starts the buyer-data retention clock).',
    }),
    datetime('pii-purged-at', { ...step, description: 'When buyer personal data was removed.' }),
    text('problem', { ...step, width: 40, description: 'What stops this item moving on, in plain words.' }),
    datetime('imported-at', { ...step, description: 'When the item first came in.' }),
    text('rate-source', {
      ...step,
      description: 'Who quoted the chosen rate: card (your Rates sheets) or amazon (Buy Shipping).',
    }),
    text('rate-id', {
      ...step,
      description:
        'A live quote to buy (Buy Shipping: requestToken|rateId|carrier/service); labels buys exactly this rate.',
    }),
  ],
});

export type OrderRecord = RecordOf<typeof ordersTable>;
