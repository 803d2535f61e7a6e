/** The Boxes sheet: the boxes and mailers the seller packs into, by name (Listings package-type names one). */
import { decimal, id, oneOf, text } from './column';
import { LENGTH_UNITS, WEIGHT_UNITS } from './listings';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const boxesTable = defineTable({
  name: 'Boxes',
  description:
    'Boxes and mailers: outside size and empty weight. Listings package-type and Settings default-box name one.',
  key: ['box'],
  signature: ['box', 'length', 'width', 'height'],
  columns: [
    id('box', { owner: 'seller', required: true, description: 'Box name, e.g. M-BOX or POLY-10x13.' }),
    decimal('length', {
      owner: 'seller',
      required: true,
      min: 0,
      description: 'Outside length (longest side).',
    }),
    decimal('width', { owner: 'seller', required: true, min: 0, description: 'Outside width.' }),
    decimal('height', { owner: 'seller', required: true, min: 0, description: 'Outside height.' }),
    oneOf('dimension-unit', LENGTH_UNITS, { owner: 'seller', description: 'in or cm (default in).' }),
    decimal('weight', { owner: 'seller', min: 0, description: 'Empty weight with packing material.' }),
    oneOf('weight-unit', WEIGHT_UNITS, { owner: 'seller', description: 'oz, lb, g or kg (default oz).' }),
    decimal('max-weight', {
      owner: 'seller',
      min: 0,
      description: 'Most it holds (same unit as weight); blank: no limit.',
    }),
    text('note', { owner: 'seller', description: 'Supplier, cost, what goes in it.' }),
  ],
});

export type BoxRecord = RecordOf<typeof boxesTable>;
