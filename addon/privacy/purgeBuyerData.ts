/**
 * Purge buyer data: the core's purgePii (names, addresses, phones and e-mails of orders delivered or shipped more
 * than Settings pii-retention-days ago blanked; ids, SKUs, amounts and dates kept for reports). From the menu it
 * asks first, since a purge cannot be undone; the scheduled trigger runs it at most once a day, so the retention
 * Amazon requires holds without anyone remembering to click.
 */
import type { ActionResult, RunContext, Workbook } from '../../src/core';
import { purgePii } from '../../src/core';

export const PURGE_CONFIRM = {
  title: 'Purge buyer data?',
  prompt:
    'This blanks the buyer names, addresses, phone numbers and e-mail addresses of every order delivered (or shipped, or cancelled) more than the retention period ago — Settings pii-retention-days, 30 by default, as Amazon requires. Order ids, SKUs, amounts and dates stay, so reports still work. It cannot be undone (File → Version history can restore an earlier version of the sheet). Purge now?',
};

const PURGED_ON = 'shipsheet.piiPurgedOn.';

export function purgeBuyerData(book: Workbook, context: RunContext): Promise<ActionResult> {
  return purgePii(book, context);
}

/**
 * The trigger's purge: once per spreadsheet and UTC day (a trigger may run hourly; the day is kept in the user's
 * properties, the trigger's own store). Returns what it did, or null when today's purge already ran.
 */
export async function dailyPurge(
  book: Workbook,
  context: RunContext,
  userProps: GoogleAppsScript.Properties.Properties,
  spreadsheetId: string,
): Promise<ActionResult | null> {
  const today = context.now.toISOString().slice(0, 10);
  if (userProps.getProperty(PURGED_ON + spreadsheetId) === today) return null;
  const result = await purgeBuyerData(book, context);
  if (result.ok) userProps.setProperty(PURGED_ON + spreadsheetId, today);
  return result;
}
