// Scheduled reports end to end with fixed clocks: due once per period, recorded in the Schedules sheet, files
// written, e-mailed through a local SMTP server on 127.0.0.1; one catch-up after downtime; failures recorded.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { decodeTable, schedulesTable } from '../../../src/core';
import { runDueSchedules } from '../../../src/node/reports/scheduler';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { runCli } from '../cli/runCli';
import { SAMPLE_ALL_ORDERS, SAMPLE_SETTLEMENT, sampleBook, tempDir } from './fixtures';

interface Received {
  to: string[];
  raw: string;
}
let server: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function addSchedule(book: string, row: (string | null)[]): Promise<void> {
  const wb = await XlsxWorkbook.open(book);
  try {
    const header = schedulesTable.columns.map((c) => c.name);
    await wb.write({
      sheets: [
        {
          sheet: 'Schedules',
          blocks: [
            { row: 1, col: 1, values: [header, [...row, ...header.slice(row.length).map(() => null)]] },
          ],
        },
      ],
    });
  } finally {
    wb.close();
  }
}

async function scheduleRow(book: string) {
  const wb = await XlsxWorkbook.open(book);
  try {
    const grid = (await wb.read(['Schedules'])).get('Schedules')!;
    return decodeTable(schedulesTable, grid).rows[0].record;
  } finally {
    wb.close();
  }
}

it('runs the weekly report once per week, e-mails it, and catches up one missed week after downtime', async () => {
  const dir = tempDir('schedule-');
  const book = await sampleBook(dir);
  const inbox = path.join(dir, 'amazon');
  fs.mkdirSync(inbox);
  fs.copyFileSync(SAMPLE_ALL_ORDERS, path.join(inbox, 'All Orders 2026-11-30.txt'));
  fs.copyFileSync(SAMPLE_SETTLEMENT, path.join(inbox, 'settlement 24681357901.txt'));
  // report, period, when, output-folder, input-folder, format, email-to
  await addSchedule(book, [
    'sales',
    'week',
    'weekly on Monday at 07:00',
    'reports',
    'amazon',
    'html+xlsx',
    'owner@example.com, books@example.com',
  ]);
  const env = {
    SHIPSHEET_SMTP_HOST: '127.0.0.1',
    SHIPSHEET_SMTP_PORT: String(port),
    SHIPSHEET_SMTP_FROM: 'shipsheet@example.com',
  };

  // Tuesday 2026-12-01 09:00 Los Angeles: last week (11-23 to 11-29) is due.
  const first = await runDueSchedules(book, new Date('2026-12-01T17:00:00Z'), { env });
  expect(first.every((r) => r.ok && r.problems.length === 0)).toBe(true);
  expect(first[0].lines.join('\n')).toMatch(/e-mailed to owner@example.com, books@example.com/);
  expect(fs.readdirSync(path.join(dir, 'reports')).sort()).toEqual([
    'sales-week-2026-11-23.html',
    'sales-week-2026-11-23.xlsx',
  ]);
  expect(received).toHaveLength(1);
  expect(received[0].to).toEqual(['owner@example.com', 'books@example.com']);
  expect(received[0].raw).toMatch(/Subject: Shipsheet sales report, week 2026-11-23 to 2026-11-29/);
  expect(received[0].raw).toMatch(/filename=sales-week-2026-11-23\.xlsx/);
  expect(received[0].raw).toMatch(/filename=sales-chart\.png/);
  let row = await scheduleRow(book);
  expect(row['last-period']).toBe('2026-11-23 to 2026-11-29');
  expect(row['last-result']).toMatch(
    /^wrote sales-week-2026-11-23\.html, sales-week-2026-11-23\.xlsx; e-mailed to/,
  );

  // An hour later, and on Sunday: nothing due, nothing sent again.
  for (const t of ['2026-12-01T18:00:00Z', '2026-12-06T20:00:00Z']) {
    const again = await runDueSchedules(book, new Date(t), { env });
    expect(again[0].lines[0]).toMatch(/^Nothing due/);
  }
  expect(received).toHaveLength(1);

  // Down from then until Wednesday 2026-12-16: the run of 12-07 was missed; only the week of 12-07 runs now.
  const later = await runDueSchedules(book, new Date('2026-12-16T18:00:00Z'), { env });
  expect(later[0].lines.join('\n')).toMatch(/caught up after downtime: 1 earlier period was not run/);
  expect(received).toHaveLength(2);
  row = await scheduleRow(book);
  expect(row['last-period']).toBe('2026-12-07 to 2026-12-13');
  const idle = await runDueSchedules(book, new Date('2026-12-16T18:05:00Z'), { env });
  expect(idle[0].lines[0]).toMatch(/^Nothing due/);
});

it('records an e-mail failure without running the period again, and reports bad schedule rows', async () => {
  const dir = tempDir('schedule-fail-');
  const book = await sampleBook(dir);
  await addSchedule(book, ['sales', 'day', 'daily at 07:00', 'out', null, null, 'owner@example.com']);
  const results = await runDueSchedules(book, new Date('2026-12-01T17:00:00Z'), { env: {} });
  expect(results[0].problems).toEqual([
    expect.objectContaining({
      sheet: 'Schedules',
      row: 2,
      column: 'email-to',
      message: expect.stringMatching(/SHIPSHEET_SMTP_HOST is not set/),
    }),
  ]);
  const row = await scheduleRow(book);
  expect(row['last-period']).toBe('2026-11-30 to 2026-11-30');
  expect(row['last-result']).toMatch(/e-mail failed: SHIPSHEET_SMTP_HOST is not set/);
  expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['sales-day-2026-11-30.html']);
  expect((await runDueSchedules(book, new Date('2026-12-01T17:30:00Z'), { env: {} }))[0].lines[0]).toMatch(
    /^Nothing due/,
  );

  await addSchedule(book, ['sales', 'week', 'weekly on Funday', 'out', null, null, null]);
  const bad = await runDueSchedules(book, new Date('2026-12-01T17:00:00Z'), { env: {} });
  expect(bad[0].problems).toEqual([
    expect.objectContaining({
      row: 2,
      column: 'when',
      message: 'when funday is not a day of the week; this schedule does not run',
    }),
  ]);
  await addSchedule(book, ['sales', 'month', '', 'out', 'no-such-folder', null, null]);
  const missing = await runDueSchedules(book, new Date('2026-12-01T17:00:00Z'), { env: {} });
  expect(missing[0].problems).toEqual([
    expect.objectContaining({
      column: 'input-folder',
      message: expect.stringMatching(/does not exist; the month report was not run/),
    }),
  ]);
  expect((await scheduleRow(book))['last-period']).toBeNull();
});

it('shipsheet schedule --once runs what is due and exits', async () => {
  const dir = tempDir('schedule-cli-');
  const book = await sampleBook(dir);
  await addSchedule(book, ['sales', 'month', '', 'monthly', null, 'xlsx', null]);
  const r = runCli(['schedule', '--book', book, '--once'], {
    env: { SHIPSHEET_NOW: '2026-12-01T17:00:00Z' },
  });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(
    /Schedule month sales for 2026-11-01 to 2026-11-30: wrote sales-month-2026-11-01\.xlsx/,
  );
  const again = runCli(['schedule', '--book', book, '--once'], {
    env: { SHIPSHEET_NOW: '2026-12-01T18:00:00Z' },
  });
  expect(again.stdout).toMatch(/Nothing due/);
});
