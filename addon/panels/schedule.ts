/**
 * Scheduled reports: the Schedule reports… dialog keeps one time-driven trigger for this spreadsheet and
 * user (add-ons may run time-driven triggers at most hourly). Saving the same schedule twice keeps the
 * trigger; changing it replaces it; turning it off removes it. The trigger opens the spreadsheet by id (a
 * time-driven trigger has no active spreadsheet), builds the report with the core and e-mails it if asked.
 */
import type { ActionResult, RunContext, Workbook } from '../../src/core';
import { runSalesReport } from '../../src/core';
import { appendLog, runContext } from '../actions/runAction';
import { BUSY_MESSAGE, withLock } from '../gas/lock';
import { SpreadsheetWorkbook } from '../gas/spreadsheetWorkbook';
import { runSync } from '../runtime/syncPromise';
import { SettingsOverlay, savedSettings } from '../settings/documentSettings';
import { dailyPurge } from '../privacy/purgeBuyerData';
import { placeSalesChart } from '../reports/salesChart';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const REPORT_HANDLER = 'runScheduledReport';
const CONFIG_PROPERTY = 'shipsheet.schedule';
const TRIGGER_PREFIX = 'shipsheet.schedule.';

export type Frequency = 'hourly' | 'daily' | 'weekly';
const EVERY_HOURS = [1, 2, 4, 6, 8, 12] as const;
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

export interface ScheduleConfig {
  readonly enabled: boolean;
  readonly frequency: Frequency;
  /** hourly: every 1, 2, 4, 6, 8 or 12 hours. */
  readonly everyHours: number;
  /** daily / weekly: the hour (0–23, the script's time zone; Google runs it within that hour). */
  readonly hour: number;
  readonly weekday: (typeof WEEKDAYS)[number];
  /** The report's period. */
  readonly period: 'day' | 'week' | 'month';
  readonly email: boolean;
  readonly recipients: string;
}

export const DEFAULT_SCHEDULE: ScheduleConfig = {
  enabled: false,
  frequency: 'daily',
  everyHours: 6,
  hour: 7,
  weekday: 'MONDAY',
  period: 'day',
  email: false,
  recipients: '',
};

/**
 * The report the Sales report item and the scheduled trigger build: the core's sales report for the last
 * complete period, rebuilt on the Sales Report sheet with one clear and write, and a Log row.
 */
export async function buildSalesReport(
  book: Workbook,
  period: ScheduleConfig['period'],
  context: RunContext,
  spreadsheet?: Spreadsheet,
): Promise<ActionResult> {
  const { result, report } = await runSalesReport(book, { period }, context);
  if (!spreadsheet || !report || !result.ok) return result;
  // The chart is the report's picture, not its data: a chart that fails leaves the report as written.
  let line: string;
  try {
    line = placeSalesChart(spreadsheet, report);
  } catch (e) {
    line = `The chart could not be drawn: ${e instanceof Error ? e.message : String(e)}`;
  }
  return { ...result, lines: [...result.lines, line] };
}

export function loadSchedule(): ScheduleConfig {
  const raw = PropertiesService.getDocumentProperties().getProperty(CONFIG_PROPERTY);
  if (!raw) return DEFAULT_SCHEDULE;
  try {
    return { ...DEFAULT_SCHEDULE, ...(JSON.parse(raw) as Partial<ScheduleConfig>) };
  } catch {
    return DEFAULT_SCHEDULE;
  }
}

export function checkSchedule(
  input: Partial<ScheduleConfig>,
): { config: ScheduleConfig } | { problems: string[] } {
  const c: ScheduleConfig = {
    ...DEFAULT_SCHEDULE,
    ...input,
    enabled: input.enabled === true,
    email: input.email === true,
  };
  const problems: string[] = [];
  if (!['hourly', 'daily', 'weekly'].includes(c.frequency))
    problems.push('How often must be hourly, daily or weekly.');
  const everyHours = Number(c.everyHours);
  if (c.frequency === 'hourly' && !(EVERY_HOURS as readonly number[]).includes(everyHours))
    problems.push(
      `Every how many hours must be one of ${EVERY_HOURS.join(', ')} (add-ons run at most hourly).`,
    );
  const hour = Number(c.hour);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) problems.push('The hour must be 0 to 23.');
  if (!WEEKDAYS.includes(c.weekday)) problems.push('The weekday must be MONDAY … SUNDAY.');
  if (!['day', 'week', 'month'].includes(c.period)) problems.push('The period must be day, week or month.');
  const recipients = String(c.recipients ?? '')
    .split(/[,;\s]+/)
    .filter((s) => s !== '');
  if (c.email && recipients.length === 0)
    problems.push('Give at least one e-mail address, or untick "E-mail it".');
  for (const r of recipients)
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(r)) problems.push(`${r} is not an e-mail address.`);
  if (problems.length > 0) return { problems };
  return { config: { ...c, everyHours, hour, recipients: recipients.join(', ') } };
}

/** What decides the trigger: two configs with the same signature need the same trigger. */
function signature(c: ScheduleConfig, timeZone: string): string {
  return c.frequency === 'hourly'
    ? `hourly/${c.everyHours}`
    : c.frequency === 'daily'
      ? `daily/${c.hour}/${timeZone}`
      : `weekly/${c.weekday}/${c.hour}/${timeZone}`;
}

/**
 * The hour of a daily or weekly report is the store's (the timezone setting, else the spreadsheet's), not
 * the add-on's manifest zone, which is the same for every seller.
 */
function storeTimeZone(spreadsheet: Spreadsheet, docProps: GoogleAppsScript.Properties.Properties): string {
  return savedSettings(docProps).timezone || spreadsheet.getSpreadsheetTimeZone() || 'Etc/UTC';
}

export interface ScheduleView {
  readonly config: ScheduleConfig;
  readonly installed: boolean;
  readonly message: string;
  readonly problems: string[];
}

function ourTriggers(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getHandlerFunction() === REPORT_HANDLER);
}

export function scheduleView(spreadsheet: Spreadsheet): ScheduleView {
  const installed = ourTriggers(spreadsheet).length > 0;
  return {
    config: loadSchedule(),
    installed,
    message: installed ? 'A schedule is on.' : 'No schedule is on.',
    problems: [],
  };
}

export function saveSchedule(spreadsheet: Spreadsheet, input: Partial<ScheduleConfig>): ScheduleView {
  const checked = checkSchedule(input);
  if ('problems' in checked)
    return {
      config: { ...DEFAULT_SCHEDULE, ...input } as ScheduleConfig,
      installed: ourTriggers(spreadsheet).length > 0,
      message: 'Nothing was changed.',
      problems: checked.problems,
    };
  const config = checked.config;
  return withLock(
    () => {
      const docProps = PropertiesService.getDocumentProperties();
      const userProps = PropertiesService.getUserProperties();
      const previous = loadSchedule();
      const timeZone = storeTimeZone(spreadsheet, docProps);
      docProps.setProperty(CONFIG_PROPERTY, JSON.stringify({ ...config, timeZone }));
      const existing = ourTriggers(spreadsheet);
      const keep =
        config.enabled &&
        existing.length === 1 &&
        previous.enabled &&
        signature(previous, (previous as { timeZone?: string }).timeZone ?? '') ===
          signature(config, timeZone);
      let message: string;
      if (keep) {
        userProps.setProperty(
          TRIGGER_PREFIX + existing[0].getUniqueId(),
          JSON.stringify({ spreadsheetId: spreadsheet.getId(), config }),
        );
        message = `The schedule is unchanged (${describe(config)}); the trigger was kept.`;
      } else {
        for (const t of existing) {
          userProps.deleteProperty(TRIGGER_PREFIX + t.getUniqueId());
          ScriptApp.deleteTrigger(t);
        }
        if (config.enabled) {
          const clock = ScriptApp.newTrigger(REPORT_HANDLER).timeBased();
          const trigger = (
            config.frequency === 'hourly'
              ? clock.everyHours(config.everyHours)
              : config.frequency === 'daily'
                ? clock.everyDays(1).atHour(config.hour).inTimezone(timeZone)
                : clock.onWeekDay(ScriptApp.WeekDay[config.weekday]).atHour(config.hour).inTimezone(timeZone)
          ).create();
          userProps.setProperty(
            TRIGGER_PREFIX + trigger.getUniqueId(),
            JSON.stringify({ spreadsheetId: spreadsheet.getId(), config }),
          );
          message = `Scheduled: ${describe(config)}${config.frequency === 'hourly' ? '' : ` (${timeZone} time)`}.`;
        } else
          message =
            existing.length > 0 ? 'The schedule is off; its trigger was removed.' : 'The schedule is off.';
      }
      appendLog(
        new SpreadsheetWorkbook(spreadsheet),
        'schedule reports',
        runContext(),
        {
          action: 'schedule reports',
          ok: true,
          changes: [],
          problems: [],
          stats: {},
          lines: [message],
        },
        'Schedule dialog',
      );
      return { config, installed: config.enabled, message, problems: [] };
    },
    () => ({ config, installed: ourTriggers(spreadsheet).length > 0, message: BUSY_MESSAGE, problems: [] }),
  );
}

function describe(c: ScheduleConfig): string {
  const when =
    c.frequency === 'hourly'
      ? `every ${c.everyHours} hour${c.everyHours === 1 ? '' : 's'}`
      : c.frequency === 'daily'
        ? `daily between ${c.hour}:00 and ${c.hour + 1}:00`
        : `every ${c.weekday.toLowerCase()} between ${c.hour}:00 and ${c.hour + 1}:00`;
  return `a ${c.period}'s sales report ${when}${c.email ? `, e-mailed to ${c.recipients}` : ''}`;
}

export interface ScheduledRun {
  readonly status: 'built' | 'skipped' | 'busy' | 'unknown-trigger';
  readonly message: string;
  readonly emailed: boolean;
  /** What the day's buyer-data purge did (absent when it already ran today). */
  readonly purge?: string;
}

/** The time-driven trigger: find its spreadsheet, build the report, e-mail it if asked, log it. */
export function runScheduledReport(triggerUid: string | undefined): ScheduledRun {
  const userProps = PropertiesService.getUserProperties();
  const raw = triggerUid ? userProps.getProperty(TRIGGER_PREFIX + triggerUid) : null;
  if (!raw)
    return {
      status: 'unknown-trigger',
      message: 'This trigger belongs to no Shipsheet schedule.',
      emailed: false,
    };
  const { spreadsheetId, config } = JSON.parse(raw) as { spreadsheetId: string; config: ScheduleConfig };
  const spreadsheet = SpreadsheetApp.openById(spreadsheetId);
  return withLock(
    (): ScheduledRun => {
      const docProps = PropertiesService.getDocumentProperties();
      const book = new SettingsOverlay(new SpreadsheetWorkbook(spreadsheet), savedSettings(docProps));
      const context = runContext();
      // Buyer data past the retention period goes first, once a day: a skipped report must not skip it.
      let purge: string | undefined;
      try {
        const purged = runSync(() => dailyPurge(book, context, userProps, spreadsheetId));
        purge = purged ? (purged.ok ? purged.lines.join(' ') : (purged.message ?? 'not purged')) : undefined;
      } catch (e) {
        purge = `buyer-data purge failed: ${e instanceof Error ? e.message : String(e)}`;
      }
      const result = runSync(() => buildSalesReport(book, config.period, context, spreadsheet));
      if (!result.ok) {
        appendLog(
          new SpreadsheetWorkbook(spreadsheet),
          'scheduled report',
          context,
          {
            ...result,
            ok: true,
            problems: [{ sheet: 'Shipsheet', row: null, column: null, message: result.message ?? 'skipped' }],
          },
          'schedule trigger',
        );
        return { status: 'skipped', message: result.message ?? 'skipped', emailed: false, purge };
      }
      let emailed = false;
      if (config.email && config.recipients) {
        MailApp.sendEmail({
          to: config.recipients,
          subject: `Shipsheet: ${config.period} sales report for ${spreadsheet.getName()}`,
          body: [...result.lines, '', spreadsheet.getUrl()].join('\n'),
        });
        emailed = true;
      }
      return { status: 'built', message: result.lines.join(' '), emailed, purge };
    },
    () => ({ status: 'busy', message: BUSY_MESSAGE, emailed: false }),
  );
}
