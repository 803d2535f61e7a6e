/** The Rules sheet: the seller's shipping rules, in order, readable as sentences. */
import { bool, int, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const rulesTable = defineTable({
  name: 'Rules',
  description: 'Shipping rules, lowest priority number first: a condition, then what to do.',
  key: ['priority'],
  signature: ['priority', 'condition', 'action'],
  columns: [
    int('priority', {
      owner: 'seller',
      required: true,
      description: 'Order in which rules apply (1 first).',
    }),
    text('condition', {
      owner: 'seller',
      required: true,
      width: 36,
      description: 'e.g. weight-oz <= 15, ship-country != US, sku starts HAZ.',
    }),
    text('action', {
      owner: 'seller',
      required: true,
      width: 32,
      description: 'e.g. USPS Ground Advantage, exclude UPS, fastest, require signature.',
    }),
    bool('enabled', { owner: 'seller', description: 'FALSE turns the rule off without deleting it.' }),
    text('note', { owner: 'seller', width: 30, description: 'Why the rule exists.' }),
  ],
});

export type RuleRecord = RecordOf<typeof rulesTable>;
