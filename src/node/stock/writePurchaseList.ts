/** The Purchase List as a CSV a seller can send to suppliers (or open in Excel), formula-looking text guarded. */
import { stringify } from 'csv-stringify/sync';
import type { PurchaseListRecord } from '../../core';
import { formatMoneyPlain, purchaseListTable } from '../../core';
import { writeFileAtomic } from '../xlsx/atomicWrite';

/** Excel runs a cell starting with = + - @ as a formula; a leading apostrophe keeps it text. */
function guard(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function purchaseListCsv(rows: readonly PurchaseListRecord[]): string {
  const header = purchaseListTable.columns.map((c) => c.name);
  const body = rows.map((r) =>
    purchaseListTable.columns.map((c) => {
      const v = (r as Record<string, string | number | null>)[c.name];
      if (v === null || v === undefined) return '';
      if (c.type === 'money' && typeof v === 'number') return formatMoneyPlain(v, r.currency);
      return typeof v === 'string' ? guard(v) : String(v);
    }),
  );
  return stringify([header, ...body], { record_delimiter: 'windows' });
}

export async function writePurchaseList(file: string, rows: readonly PurchaseListRecord[]): Promise<void> {
  await writeFileAtomic(file, Buffer.from('\uFEFF' + purchaseListCsv(rows), 'utf8'));
}
