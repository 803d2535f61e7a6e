/** The Services sheet: one row per carrier service of the rate card — how it bills weight, its limits, its speed. */
import { bool, decimal, oneOf, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const SERVICE_MODES = ['ground', 'air'] as const;
export const WEIGHT_ROUNDINGS = ['lb', 'oz'] as const;

export const servicesTable = defineTable({
  name: 'Services',
  description:
    'Carrier services: dim divisor, weight rounding, size limits, transit days by zone, delivery days. One row per service.',
  key: ['carrier', 'service'],
  signature: ['carrier', 'service', 'dim-divisor'],
  columns: [
    text('carrier', { owner: 'seller', required: true, description: 'USPS, UPS, FedEx, …' }),
    text('service', { owner: 'seller', required: true, width: 22, description: 'Service name as in Rates.' }),
    oneOf('mode', SERVICE_MODES, {
      owner: 'seller',
      description: 'ground or air (rules can exclude air, e.g. for hazmat).',
    }),
    decimal('dim-divisor', {
      owner: 'seller',
      min: 0,
      description: 'Cubic inches per pound of dim weight (UPS/FedEx 139, USPS 166). Blank: no dim weight.',
    }),
    decimal('dim-min-cubic-in', {
      owner: 'seller',
      min: 0,
      description: 'Dim weight applies only above this volume (USPS 1728 = 1 cu ft). Blank: always.',
    }),
    oneOf('weight-rounding', WEIGHT_ROUNDINGS, {
      owner: 'seller',
      description:
        'lb: actual weight up to the next pound. oz: under 1 lb, up to the next ounce (USPS light parcels).',
    }),
    decimal('max-weight-lb', {
      owner: 'seller',
      min: 0,
      description: 'Heaviest package accepted (USPS 70, UPS 150).',
    }),
    decimal('max-length-in', { owner: 'seller', min: 0, description: 'Longest side accepted (108 in).' }),
    decimal('max-length-girth-in', {
      owner: 'seller',
      min: 0,
      description: 'Length + girth (2×width + 2×height) accepted (USPS 108, UPS 165).',
    }),
    text('transit-days', {
      owner: 'seller',
      width: 24,
      description:
        'Business days in transit by zone, e.g. "1-2:2, 3-4:3, 5-8:5", or one number for every zone.',
    }),
    text('delivery-days', {
      owner: 'seller',
      description: 'Days the service delivers, e.g. Mon-Fri or Mon-Sat (default Mon-Fri).',
    }),
    bool('enabled', { owner: 'seller', description: 'FALSE leaves the service out without deleting it.' }),
    text('note', { owner: 'seller', width: 30, description: 'Where the numbers come from.' }),
  ],
});

export type ServiceRecord = RecordOf<typeof servicesTable>;
