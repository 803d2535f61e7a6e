/**
 * Amazon's processing report for a flat-file feed: a summary (records processed, successful), then one
 * tab-delimited line per record with an error or warning (original-record-number, order-id, order-item-id,
 * error-code, error-type, error-message for the fulfillment feed).
 *
 *   Feed Processing Summary:
 *   \tNumber of records processed\t\t3
 *   \tNumber of records successful\t\t2
 *
 *   original-record-number\torder-id\torder-item-id\terror-code\terror-type\terror-message
 *   2\t113-0000002-0000002\t70000000000003\t18028\tError\tThe order id … was not found.
 */
import { splitTabDelimited } from '../flatfiles/splitTabDelimited';

export interface ReportRecord {
  /** 1-based number of the data line in the uploaded file, or null when the report names none (file-level). */
  readonly recordNumber: number | null;
  readonly orderId: string | null;
  readonly orderItemId: string | null;
  readonly code: string;
  readonly type: 'Error' | 'Warning';
  readonly message: string;
}

export interface ProcessingReport {
  readonly processed: number | null;
  readonly successful: number | null;
  readonly records: readonly ReportRecord[];
  /** False when the text has neither a summary nor a result table (then `text` says what Amazon wrote). */
  readonly readable: boolean;
  readonly text: string;
}

// Seller Central writes error-type in the marketplace's language.
const WARNING =
  /^(warning|avertissement|warnung|avviso|advertencia|aviso|waarschuwing|varning|ostrzeżenie|uyarı|警告)$/i;

export function parseProcessingReport(text: string): ProcessingReport {
  const rows = splitTabDelimited(text);
  const number = (label: RegExp): number | null => {
    for (const row of rows) {
      const cells = row.map((c) => c.trim()).filter((c) => c !== '');
      if (cells.length >= 2 && label.test(cells[0])) {
        const n = Number(cells[cells.length - 1].replace(/[^\d]/g, ''));
        return Number.isFinite(n) ? n : null;
      }
    }
    return null;
  };
  const processed = number(/records processed/i);
  const successful = number(/records successful/i);
  const headerIndex = rows.findIndex((r) => r.some((c) => normalize(c) === 'original-record-number'));
  const records: ReportRecord[] = [];
  if (headerIndex >= 0) {
    const header = rows[headerIndex].map(normalize);
    const at = (row: string[], name: string): string | null => {
      const i = header.indexOf(name);
      const v = i >= 0 ? (row[i] ?? '').trim() : '';
      return v === '' ? null : v;
    };
    for (const row of rows.slice(headerIndex + 1)) {
      if (row.every((c) => c.trim() === '')) continue;
      const rn = at(row, 'original-record-number');
      const n = rn !== null && /^\d+$/.test(rn) ? Number(rn) : null;
      records.push({
        recordNumber: n !== null && n > 0 ? n : null,
        orderId: at(row, 'order-id'),
        orderItemId: at(row, 'order-item-id'),
        code: at(row, 'error-code') ?? '',
        type: WARNING.test(at(row, 'error-type') ?? '') ? 'Warning' : 'Error',
        message: at(row, 'error-message') ?? '',
      });
    }
  }
  return {
    processed,
    successful,
    records,
    readable: headerIndex >= 0 || processed !== null,
    text,
  };
}

function normalize(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, '-');
}

/** The report's text for the uploaded lines: what Amazon said about each, by 1-based line (record) number. */
export function recordsByLine(
  report: ProcessingReport,
  lines: readonly { readonly orderId: string; readonly orderItemId: string }[],
): { byLine: Map<number, ReportRecord[]>; unplaced: ReportRecord[] } {
  const byLine = new Map<number, ReportRecord[]>();
  const unplaced: ReportRecord[] = [];
  for (const r of report.records) {
    let found: number[] = [];
    const n = r.recordNumber;
    // The record number names the line; when the report also names the order, it must agree.
    if (n !== null && n <= lines.length && (r.orderId === null || lines[n - 1].orderId === r.orderId))
      found = [n];
    else if (r.orderId !== null)
      // No usable record number: the order's lines (all of them when no item is named).
      found = lines
        .map((l, i) => ({ l, line: i + 1 }))
        .filter(
          ({ l }) => l.orderId === r.orderId && (r.orderItemId === null || l.orderItemId === r.orderItemId),
        )
        .map(({ line }) => line);
    if (found.length === 0) unplaced.push(r);
    for (const line of found) byLine.set(line, [...(byLine.get(line) ?? []), r]);
  }
  return { byLine, unplaced };
}
