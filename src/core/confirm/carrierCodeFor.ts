/** The carrier-code and carrier-name a confirmation line carries for a carrier, from the Carrier Codes sheet. */
import type { Grid } from '../tables/cell';
import { decodeTable } from '../tables/decodeTable';
import { carrierCodesTable, DEFAULT_CARRIER_CODES } from '../tables/carrierCodes';
import type { CarrierCodeRecord } from '../tables/carrierCodes';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { canonicalCarrier } from '../tracking/carrierNames';
import { amazonCarrierCode } from './amazonCarrierCodes';

export interface CarrierCode {
  /** Always one of Amazon's listed values for the marketplace. */
  readonly code: string;
  /** Set when the code is Other. */
  readonly name: string | null;
}

export interface CarrierCodeMap {
  lookup(carrier: string): CarrierCode;
  readonly problems: readonly Problem[];
}

/**
 * Read the mapping (the defaults when the workbook has no Carrier Codes sheet). A row whose code Amazon does not
 * list for the marketplace is a problem and is not used, so a typo never reaches Amazon.
 */
export function carrierCodeMap(grid: Grid | null, marketplace: string): CarrierCodeMap {
  const problems: Problem[] = [];
  const rows: { rec: CarrierCodeRecord; row: number | null }[] = [];
  if (grid && grid.length > 0) {
    const t = decodeTable(carrierCodesTable, grid);
    problems.push(...t.problems);
    for (const r of t.rows) if (r.valid) rows.push({ rec: r.record, row: r.rowNumber });
  } else for (const rec of DEFAULT_CARRIER_CODES) rows.push({ rec, row: null });
  const mine = new Map<string, CarrierCode>();
  const all = new Map<string, CarrierCode>();
  const market = marketplace.trim().toUpperCase();
  for (const { rec, row } of rows) {
    const m = rec.marketplace.trim().toUpperCase();
    if (m !== '*' && m !== market) continue;
    const code = amazonCarrierCode(rec['carrier-code'], marketplace);
    if (!code) {
      if (row !== null)
        problems.push(
          problem(
            carrierCodesTable.name,
            row,
            'carrier-code',
            `${rec['carrier-code']} is not one of Amazon's carrier codes for ${market}; ${rec.carrier} is sent as Other`,
            rec['carrier-code'],
          ),
        );
      continue;
    }
    const entry: CarrierCode = {
      code,
      name: code === 'Other' ? (rec['carrier-name'] ?? rec.carrier).trim() : null,
    };
    (m === '*' ? all : mine).set(key(rec.carrier), entry);
  }
  return {
    problems,
    lookup(carrier) {
      const k = key(carrier);
      const found = mine.get(k) ?? all.get(k);
      if (found) return found;
      const listed =
        amazonCarrierCode(canonicalCarrier(carrier), marketplace) ?? amazonCarrierCode(carrier, marketplace);
      if (listed && listed !== 'Other') return { code: listed, name: null };
      return { code: 'Other', name: carrier.trim().slice(0, 50) };
    },
  };
}

function key(carrier: string): string {
  return canonicalCarrier(carrier).toLowerCase();
}
