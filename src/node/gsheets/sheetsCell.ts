/**
 * The core's cells to Sheets API values and back. Values are written RAW (never parsed by Sheets, so ids and
 * ZIPs stay text) and read UNFORMATTED_VALUE with dateTimeRenderOption SERIAL_NUMBER, so a date cell reads
 * as its serial day number, which the core's date codecs decode whatever display format the cell has.
 */
import type { Cell, CellFormat } from '../../core';

/** Sheets' (and Excel's) serial day 0: 1899-12-30, in days since the Unix epoch. */
const EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86400000;

export type SheetsValue = string | number | boolean;

/** A Date as a serial number (UTC wall-clock: the core's dates are UTC instants or calendar dates). */
export function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + EPOCH_OFFSET_DAYS;
}

/** `2026-12-01` → 46357: a calendar date as the whole serial day Sheets stores for it. */
export function isoDateToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return ms / MS_PER_DAY + EPOCH_OFFSET_DAYS;
}

/**
 * One cell for a RAW write. Blank becomes "" because the API skips null (it would leave the old value);
 * a date column's ISO date becomes its serial day so Sheets holds a real date (shown by the DATE format the
 * write sets); a Date becomes its serial.
 */
export function toSheetsValue(cell: Cell, format: CellFormat | undefined): SheetsValue {
  if (cell === null) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw new RangeError('cannot write an invalid date');
    return dateToSerial(cell);
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`cannot write ${cell} to a sheet`);
    return cell;
  }
  if (format === 'date' && typeof cell === 'string') {
    const serial = isoDateToSerial(cell.trim());
    if (serial !== null) return serial;
  }
  return cell;
}

/** A value as the API returns it (UNFORMATTED_VALUE): "" inside a row is an empty cell. */
export function fromSheetsValue(value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** The number format a written column gets on Sheets, or none (the cell keeps the one it has). */
export function numberFormatFor(
  format: CellFormat | undefined,
): { type: 'TEXT' | 'DATE'; pattern: string } | null {
  // Only the formats that carry meaning are set: text keeps a ZIP typed later as text, date shows the serial
  // as a date. Display formats (money, decimals) are the seller's to choose and are left as they are.
  if (format === 'text') return { type: 'TEXT', pattern: '@' };
  if (format === 'date') return { type: 'DATE', pattern: 'yyyy-mm-dd' };
  return null;
}
