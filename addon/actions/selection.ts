/**
 * The seller's selection as rows to work on. It counts only on the Orders sheet, and only when it is more
 * than the single cell the cursor always sits on (a range, several ranges, or whole rows); selecting whole
 * columns or the whole sheet means "everything". The rows are then widened to whole orders (orderFilters).
 */
import { ordersTable } from '../../src/core';

export interface RowSpan {
  readonly from: number;
  readonly to: number;
}

export interface Selection {
  readonly spans: readonly RowSpan[];
  /** "rows 5–9, 12" for messages. */
  readonly description: string;
}

export function readSelection(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Selection | null {
  const sheet = spreadsheet.getActiveSheet();
  if (!sheet || sheet.getName() !== ordersTable.name) return null;
  const list = spreadsheet.getActiveRangeList();
  const ranges = list ? list.getRanges() : [];
  if (ranges.length === 0) return null;
  const spans: RowSpan[] = [];
  let cells = 0;
  const maxRows = sheet.getMaxRows();
  for (const r of ranges) {
    const row = r.getRow();
    const rows = r.getNumRows();
    cells += rows * r.getNumColumns();
    if (row <= 2 && row + rows - 1 >= maxRows) return null; // whole columns: everything
    const from = Math.max(2, row);
    const to = row + rows - 1;
    if (to >= from) spans.push({ from, to });
  }
  if (cells <= 1) return null;
  if (spans.length === 0) return null;
  return { spans: mergeSpans(spans), description: describeSpans(mergeSpans(spans)) };
}

export function mergeSpans(spans: readonly RowSpan[]): RowSpan[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: RowSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to + 1) out[out.length - 1] = { from: last.from, to: Math.max(last.to, s.to) };
    else out.push({ ...s });
  }
  return out;
}

export function describeSpans(spans: readonly RowSpan[]): string {
  const parts = spans.map((s) => (s.from === s.to ? `${s.from}` : `${s.from}–${s.to}`));
  return `${spans.length === 1 && spans[0].from === spans[0].to ? 'row' : 'rows'} ${parts.join(', ')}`;
}

export function rowsOf(spans: readonly RowSpan[]): Set<number> {
  const out = new Set<number>();
  for (const s of spans) for (let r = s.from; r <= s.to; r++) out.add(r);
  return out;
}
