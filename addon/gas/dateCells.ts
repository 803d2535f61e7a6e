/**
 * Dates read from a sheet as the text a person sees: Sheets hands a date cell to a script as a Date at local
 * midnight in the spreadsheet's time zone, so 2026-12-01 in Tokyo is 2026-11-30T15:00Z. Reading it back as
 * `2026-12-01` (or, with a time, ISO-8601 with the zone's offset) keeps the calendar date the seller typed.
 * Pure JavaScript (Intl), so converting a column of dates costs no service calls.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2026-12-01` when the date is at local midnight, else `2026-12-01T09:30:00-08:00`. */
export function dateCellText(date: Date, timeZone: string): string {
  if (Number.isNaN(date.getTime())) return '';
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(date))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const y = parts.year;
  const ymd = `${pad(y, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
  const ms = date.getTime() % 1000;
  if (parts.hour === 0 && parts.minute === 0 && parts.second === 0 && ms === 0) return ymd;
  const localAsUtc = Date.UTC(y, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offsetMin = Math.round((localAsUtc - (date.getTime() - ms)) / 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${ymd}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
