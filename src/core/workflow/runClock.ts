/** Dates a run is stamped with, from the run's `now` (the core reads no clock). */

/** yyyy-mm-dd of an instant in an IANA time zone (Intl is part of the language, no I/O). Throws on a bad zone. */
export function runLocalDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone || 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** yyyymmdd-hhmmss in UTC: sortable, safe in file names. */
export function runStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
