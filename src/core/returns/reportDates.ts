/** Dates as Amazon's returns report and sellers' sheets write them, to yyyy-mm-dd before the table codec reads them. */
import { usDateToIso } from '../fulfillment/usDate';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `reportDateToIso('06-Jan-2026')` → `2026-01-06`; `'1/6/2026'` → `2026-01-06`; ISO text and others → null. */
export function reportDateToIso(text: string): string | null {
  const m = /^(\d{1,2})[-\s]([A-Za-z]{3})[a-z]*[-\s](\d{4})$/.exec(text.trim());
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase());
    if (month < 0) return null;
    return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  }
  return usDateToIso(text);
}
