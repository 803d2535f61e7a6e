/** The Rates sheet: a carrier's rate card, one price per service, zone and weight break. */
import { decimal, id, int, money, oneOf, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const ratesTable = defineTable({
  name: 'Rates',
  description:
    'Rate card cells: the price of a service to a zone up to a weight. Paste your negotiated rates here.',
  key: ['carrier', 'service', 'zone', 'max-weight', 'weight-unit'],
  signature: ['carrier', 'service', 'zone', 'price'],
  columns: [
    text('carrier', { owner: 'seller', required: true, description: 'USPS, UPS, FedEx, …' }),
    text('service', {
      owner: 'seller',
      required: true,
      width: 22,
      description: 'Service name, e.g. Ground Advantage.',
    }),
    id('zone', { owner: 'seller', required: true, description: 'Zone (1-9, or an international group).' }),
    decimal('max-weight', {
      owner: 'seller',
      required: true,
      min: 0,
      description: 'Highest billable weight this price covers.',
    }),
    oneOf('weight-unit', ['oz', 'lb', 'g', 'kg'] as const, {
      owner: 'seller',
      description: 'Unit of max-weight (default lb).',
    }),
    money('price', { owner: 'seller', required: true, min: 0, description: 'Price before surcharges.' }),
    text('currency', { owner: 'seller', description: 'Currency (default USD).' }),
    int('transit-days', { owner: 'seller', min: 0, description: 'Business days in transit to this zone.' }),
  ],
});

export type RateRecord = RecordOf<typeof ratesTable>;
