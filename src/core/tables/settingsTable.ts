/** The Settings sheet: key/value pairs the seller edits. Known keys and their defaults live in core/settings. */
import { id, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const settingsTable = defineTable({
  name: 'Settings',
  description: 'One setting a row. Secrets (API keys, tokens) never go here.',
  key: ['key'],
  signature: ['key', 'value'],
  columns: [
    id('key', { owner: 'seller', required: true, width: 24, description: 'Setting name.' }),
    text('value', { owner: 'seller', width: 30, description: 'Its value.' }),
    text('description', { owner: 'shipsheet', width: 60, description: 'What it does.' }),
  ],
});

export type SettingRecord = RecordOf<typeof settingsTable>;
