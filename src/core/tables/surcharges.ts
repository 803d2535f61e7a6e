/** The Surcharges sheet: fees added to a rate when their condition holds (residential, additional handling, fuel, …). */
import { decimal, money, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const surchargesTable = defineTable({
  name: 'Surcharges',
  description:
    'Fees on top of the rate card: a fixed amount or a percent (fuel), for a carrier or one service, when a condition holds.',
  key: ['carrier', 'service', 'surcharge', 'applies-when'],
  signature: ['carrier', 'surcharge', 'applies-when'],
  columns: [
    text('carrier', { owner: 'seller', required: true, description: 'Carrier the fee belongs to.' }),
    text('service', {
      owner: 'seller',
      width: 22,
      description: 'One service, or blank for every service of the carrier.',
    }),
    text('surcharge', {
      owner: 'seller',
      required: true,
      width: 20,
      description:
        'Name, e.g. residential, additional-handling, fuel. A name is charged at most once a package.',
    }),
    text('applies-when', {
      owner: 'seller',
      width: 30,
      description: 'Condition, as in Rules (e.g. length-in > 48, residential = true). Blank: always.',
    }),
    money('amount', { owner: 'seller', min: 0, description: 'Fixed fee.' }),
    decimal('percent', {
      owner: 'seller',
      min: 0,
      description: 'Percent of the rate plus the fixed fees (fuel), applied after them.',
    }),
    decimal('min-billable-lb', {
      owner: 'seller',
      min: 0,
      description: 'When it applies, bill at least this weight (UPS Large Package: 90 lb).',
    }),
    text('instead-of', {
      owner: 'seller',
      description: 'Surcharges this one replaces when both apply, comma-separated.',
    }),
    text('currency', { owner: 'seller', description: 'Currency of the amount (default Settings currency).' }),
    text('note', { owner: 'seller', width: 30, description: 'Source and year of the fee.' }),
  ],
});

export type SurchargeRecord = RecordOf<typeof surchargesTable>;
