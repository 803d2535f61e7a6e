/** The Log sheet: one row per run of an action, appended, never rewritten. */
import { datetime, int, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const logTable = defineTable({
  name: 'Log',
  description: 'What each run did: when, by whom, how many rows it read and changed, and its problems.',
  key: [],
  columns: [
    datetime('time', { owner: 'shipsheet', required: true, width: 22, description: 'When the run ended.' }),
    text('action', { owner: 'shipsheet', required: true, description: 'What ran.' }),
    text('user', { owner: 'shipsheet', description: 'Who ran it.' }),
    text('source', { owner: 'shipsheet', description: 'Input file or trigger.' }),
    int('rows-read', { owner: 'shipsheet', min: 0, description: 'Rows read.' }),
    int('rows-changed', { owner: 'shipsheet', min: 0, description: 'Rows added or changed.' }),
    int('problems', { owner: 'shipsheet', min: 0, description: 'Number of problems.' }),
    text('details', { owner: 'shipsheet', width: 60, description: 'Summary and the first problems.' }),
  ],
});

export type LogRecord = RecordOf<typeof logTable>;
