/**
 * Reading the Orders `rates-considered` cell that Choose carriers writes. The format is the carriers step's
 * (issue 4, src/core/carriers/ratesConsidered.ts on its branch): entries separated by `; `, each
 * `CARRIER/SERVICE PRICE CURRENCY DELIVERY`, e.g. `USPS/Ground Advantage 7.45 USD 2026-12-04` (DELIVERY `-`
 * when unknown). Kept here until that module is on main; then this file only re-exports it.
 */
import { parseMoney } from '../../src/core';

export interface ConsideredRate {
  readonly carrier: string;
  readonly service: string;
  readonly priceMinor: number;
  readonly currency: string;
  readonly expectedDelivery: string | null;
}

const ENTRY = /^([^/]+)\/(.+) (-?\d+(?:\.\d+)?) ([A-Z]{3}) (\d{4}-\d{2}-\d{2}|-)$/;

/** Entries that do not parse are skipped: a seller may have typed in the cell. */
export function parseRatesConsidered(text: string): ConsideredRate[] {
  const out: ConsideredRate[] = [];
  for (const entry of text.split(';')) {
    const m = ENTRY.exec(entry.trim());
    if (!m) continue;
    const money = parseMoney(m[3], m[4]);
    if (!money.ok) continue;
    out.push({
      carrier: m[1].trim(),
      service: m[2].trim(),
      priceMinor: money.minor,
      currency: m[4],
      expectedDelivery: m[5] === '-' ? null : m[5],
    });
  }
  return out;
}
