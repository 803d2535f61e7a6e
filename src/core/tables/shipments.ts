/** The Shipments sheet: every label bought, one row per package. */
import { datetime, date, decimal, id, money, oneOf, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const SHIPMENT_STATES = ['Purchased', 'Voided', 'InTransit', 'Delivered', 'Exception'] as const;

export const shipmentsTable = defineTable({
  name: 'Shipments',
  description: 'One row per package label: what it holds, what it cost, where its label file is.',
  key: ['shipment-id'],
  signature: ['shipment-id', 'tracking-number'],
  columns: [
    id('shipment-id', {
      owner: 'shipsheet',
      required: true,
      width: 22,
      description: 'Shipsheet shipment id.',
    }),
    id('order-id', { owner: 'shipsheet', width: 20, description: 'Amazon order id.' }),
    text('order-items', {
      owner: 'shipsheet',
      width: 30,
      description: 'Order items and quantities in it, e.g. 12345678901234:2.',
    }),
    text('package-id', { owner: 'shipsheet', description: 'Package id from carrier choice.' }),
    text('provider', { owner: 'shipsheet', description: 'Who sold the label (sample, amazon, …).' }),
    text('carrier', { owner: 'shipsheet', description: 'Carrier.' }),
    text('service', { owner: 'shipsheet', description: 'Service.' }),
    id('tracking-number', { owner: 'shipsheet', width: 24, description: 'Tracking number.' }),
    decimal('weight-oz', { owner: 'shipsheet', min: 0, description: 'Billable weight, ounces.' }),
    money('cost', { owner: 'shipsheet', description: 'What the label cost.' }),
    text('currency', { owner: 'shipsheet', description: 'Currency of the cost.' }),
    text('label-file', { owner: 'shipsheet', width: 30, description: 'Where the label is stored.' }),
    text('label-format', { owner: 'shipsheet', description: 'PDF, PNG or ZPL.' }),
    id('idempotency-key', {
      owner: 'shipsheet',
      description: 'Key that stops a retry buying the label twice.',
    }),
    oneOf('state', SHIPMENT_STATES, {
      owner: 'shipsheet',
      description: 'Purchased, Voided, InTransit, Delivered, Exception.',
    }),
    datetime('created-at', { owner: 'shipsheet', description: 'When the label was bought.' }),
    datetime('voided-at', { owner: 'shipsheet', description: 'When it was voided.' }),
    text('delivery-status', { owner: 'shipsheet', description: 'Latest tracking event.' }),
    date('delivered-date', { owner: 'shipsheet', description: 'When it was delivered.' }),
    id('provider-shipment-id', {
      owner: 'shipsheet',
      description: "The provider's id of the label (to void it or fetch it again for a reprint).",
    }),
    datetime('confirmed-at', {
      owner: 'shipsheet',
      description:
        'When Amazon accepted the shipping confirmation of this package (confirm-shipments); never sent twice.',
    }),
  ],
});

export type ShipmentRecord = RecordOf<typeof shipmentsTable>;
