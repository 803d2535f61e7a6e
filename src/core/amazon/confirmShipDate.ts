/** The shipDate a confirmShipment call carries for an Orders ship date: a moment Amazon accepts for that day. */
import { TZDate } from '@date-fns/tz';
import { toIsoUtc } from '../dates/parseDateTime';

/**
 * Amazon refuses a ship date in the future and one before the order was placed. A date alone (yyyy-mm-dd in the
 * seller's time zone) becomes the end of that day, or now when the day is today, which is neither.
 * `confirmShipDate('2026-11-30', new Date('2026-12-01T17:00:00Z'), 'America/Los_Angeles')` → `2026-12-01T07:59:59Z`.
 */
export function confirmShipDate(shipDate: string, now: Date, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(shipDate.slice(0, 10));
  if (!m) return toIsoUtc(now);
  const endOfDay = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, timeZone);
  return toIsoUtc(new Date(Math.min(endOfDay.getTime(), now.getTime())));
}
