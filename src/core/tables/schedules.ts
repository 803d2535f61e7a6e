/** The Schedules sheet: which reports run when, where their files go and who gets them by e-mail. */
import { datetime, oneOf, text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const SCHEDULED_REPORTS = ['sales'] as const;
export const SCHEDULE_PERIODS = ['day', 'week', 'month'] as const;
export const SCHEDULE_FORMATS = ['html', 'xlsx', 'html+xlsx'] as const;

export const schedulesTable = defineTable({
  name: 'Schedules',
  description: 'One row per scheduled report: `shipsheet schedule` runs it when due, once per period.',
  key: ['report', 'period'],
  signature: ['report', 'period', 'when'],
  columns: [
    oneOf('report', SCHEDULED_REPORTS, {
      owner: 'seller',
      required: true,
      description: 'Which report: sales.',
    }),
    oneOf('period', SCHEDULE_PERIODS, {
      owner: 'seller',
      required: true,
      description: 'day, week or month.',
    }),
    text('when', {
      owner: 'seller',
      width: 26,
      description:
        'daily at 07:00, weekly on Monday at 07:00, monthly on the 1st at 07:00 (Settings timezone; blank: those).',
    }),
    text('output-folder', {
      owner: 'seller',
      required: true,
      width: 24,
      description: 'Folder for the report files.',
    }),
    text('input-folder', {
      owner: 'seller',
      width: 24,
      description:
        'Folder of Amazon files to include (All Orders and settlement reports, recognised by their headers).',
    }),
    oneOf('format', SCHEDULE_FORMATS, {
      owner: 'seller',
      description: 'html (default), xlsx, or html+xlsx.',
    }),
    text('email-to', {
      owner: 'seller',
      width: 30,
      description: 'Recipients, comma-separated (optional; SMTP from the environment).',
    }),
    text('last-period', {
      owner: 'shipsheet',
      width: 24,
      description: 'The last period reported, e.g. 2026-11-23 to 2026-11-29.',
    }),
    datetime('last-run-at', { owner: 'shipsheet', description: 'When it last ran.' }),
    text('last-result', {
      owner: 'shipsheet',
      width: 40,
      description: 'What the last run did (files, e-mail).',
    }),
  ],
});

export type ScheduleRecord = RecordOf<typeof schedulesTable>;
