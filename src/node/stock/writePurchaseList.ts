/** The Purchase List as a CSV a seller can send to suppliers (or open in Excel), formula-looking text guarded. */
import fs from 'node:fs';
import path from 'node:path';
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

/** `Clay & Co` → `clay-co`: a supplier's name as a safe file name part. */
export function supplierSlug(supplier: string): string {
  const slug = supplier
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'supplier';
}

/**
 * `--purchase-list FILE.csv` writes one list; `--purchase-list DIR/` (a folder) writes one
 * `purchase-list-SUPPLIER.csv` per supplier, ready to attach to an e-mail. Returns the files written.
 */
export async function writePurchaseLists(
  target: string,
  rows: readonly PurchaseListRecord[],
): Promise<string[]> {
  const isDir =
    /[\\/]$/.test(target) ||
    (await fs.promises.stat(target).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  if (!isDir) {
    await writePurchaseList(target, rows);
    return [target];
  }
  await fs.promises.mkdir(target, { recursive: true });
  const bySupplier = new Map<string, PurchaseListRecord[]>();
  for (const r of rows) bySupplier.set(r.supplier, [...(bySupplier.get(r.supplier) ?? []), r]);
  const used = new Set<string>();
  const files: string[] = [];
  for (const [supplier, list] of bySupplier) {
    let name = `purchase-list-${supplierSlug(supplier)}`;
    for (let n = 2; used.has(name); n++) name = `purchase-list-${supplierSlug(supplier)}-${n}`;
    used.add(name);
    const file = path.join(target, `${name}.csv`);
    await writePurchaseList(file, list);
    files.push(file);
  }
  return files;
}
