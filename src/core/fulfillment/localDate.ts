/** The calendar date of an instant in the seller's time zone, as Amazon's files want it (yyyy-mm-dd). */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** `localDate(new Date('2026-12-01T03:00:00Z'), 'America/Los_Angeles')` → `2026-11-30`. */
export function localDate(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}
