/** The calendar date of an instant in the seller's time zone, as Amazon's files want it (yyyy-mm-dd). */

// One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it, and this
// runs once or more per order item.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** `localDate(new Date('2026-12-01T03:00:00Z'), 'America/Los_Angeles')` → `2026-11-30`. */
export function localDate(instant: Date, timeZone: string): string {
  // en-US with 2-digit parts is `MM/DD/YYYY` in every ICU build; format() is much cheaper than formatToParts().
  const [month, day, year] = formatter(timeZone).format(instant).split('/');
  return `${year.padStart(4, '0')}-${month}-${day}`;
}
