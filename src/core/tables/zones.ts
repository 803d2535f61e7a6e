/** The Zones sheet: the zone chart from a ship-from ZIP3 to destination ZIP3 ranges, and country groups abroad. */
import { id, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const zonesTable = defineTable({
  name: 'Zones',
  description:
    'Zone chart: ship-from ZIP3 and destination ZIP3 range → zone (USPS-style), or destination countries → zone group.',
  key: ['carrier', 'origin-zip3', 'dest-zip3-from', 'country'],
  signature: ['origin-zip3', 'dest-zip3-from', 'zone'],
  columns: [
    text('carrier', {
      owner: 'seller',
      description: 'Carrier the row is for; blank: every carrier without its own row.',
    }),
    id('origin-zip3', {
      owner: 'seller',
      description: 'First 3 digits of the ship-from ZIP; blank or * for any origin.',
    }),
    id('dest-zip3-from', { owner: 'seller', description: 'First destination ZIP3 of the range (US).' }),
    id('dest-zip3-to', {
      owner: 'seller',
      description: 'Last destination ZIP3 of the range (blank: the same).',
    }),
    text('country', {
      owner: 'seller',
      width: 24,
      description:
        'International: ISO country codes, comma-separated, or * for any other country. Blank: US.',
    }),
    id('zone', {
      owner: 'seller',
      required: true,
      description: 'Zone as Rates names it (1-9, or e.g. INTL-1).',
    }),
    text('note', { owner: 'seller', description: 'Region or source.' }),
  ],
});

export type ZoneRecord = RecordOf<typeof zonesTable>;
