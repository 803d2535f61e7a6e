/** The date and amount spellings of settlement reports (`2026-11-30 15:02:50 UTC`, `30.11.2026`, `12,34`). */
import { parseDateTime } from '../dates/parseDateTime';
import { parseMoney } from '../money/parseMoney';
import type { ParsedMoney } from '../money/parseMoney';
import { instantOf, isLocalDate } from './localCalendar';

/**
 * An instant in epoch ms, or null. A date without a time (`posted-date` is often just a day) means that day in
 * the seller's zone: it is placed at local noon so it never slides into the neighbouring day.
 */
export function parseReportInstant(text: string | null, timeZone: string): number | null {
  if (text === null) return null;
  let t = text.trim();
  if (t === '') return null;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(.*)$/.exec(t);
  if (dotted) t = `${dotted[3]}-${dotted[2].padStart(2, '0')}-${dotted[1].padStart(2, '0')}${dotted[4]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isLocalDate(t) ? instantOf(t, timeZone, 12 * 60) : null;
  const p = parseDateTime(t.replace(/\s+(PST|PDT)$/i, (z) => (/PDT/i.test(z) ? '-07:00' : '-08:00')));
  return p.ok ? p.date.getTime() : null;
}

/** A settlement amount: `-12.34`, and the European `-12,34` / `1.234,56` some marketplaces write. */
export function parseSettlementAmount(text: string, currency: string | null): ParsedMoney {
  const t = text.trim();
  if (/^[-+]?\d{1,3}(\.\d{3})*,\d+$/.test(t) || /^[-+]?\d+,\d+$/.test(t))
    return parseMoney(t.replace(/\./g, '').replace(',', '.'), currency);
  return parseMoney(t, currency);
}
