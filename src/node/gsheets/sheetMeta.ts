/** What the backend needs to know about a spreadsheet's sheets (from spreadsheets.get, properties only). */
import type { sheets_v4 } from '@googleapis/sheets';

export interface SheetMeta {
  readonly sheetId: number;
  readonly title: string;
  readonly index: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly frozenRowCount: number;
  readonly hidden: boolean;
}

/** The partial response asked for: sheet properties only, never cell data. */
export const META_FIELDS =
  'sheets.properties(sheetId,title,index,hidden,gridProperties(rowCount,columnCount,frozenRowCount))';

export function toSheetMeta(sheets: sheets_v4.Schema$Sheet[] | undefined): SheetMeta[] {
  return (sheets ?? []).map((s, i) => {
    const p = s.properties ?? {};
    const g = p.gridProperties ?? {};
    return {
      sheetId: p.sheetId ?? 0,
      title: p.title ?? '',
      index: p.index ?? i,
      rowCount: g.rowCount ?? 0,
      columnCount: g.columnCount ?? 0,
      frozenRowCount: g.frozenRowCount ?? 0,
      hidden: p.hidden ?? false,
    };
  });
}

/** A sheet by name: exact first, then ignoring case (Sheets' names are unique regardless of case). */
export function findSheet(meta: readonly SheetMeta[], name: string): SheetMeta | undefined {
  return meta.find((m) => m.title === name) ?? meta.find((m) => m.title.toLowerCase() === name.toLowerCase());
}

/** Hidden sheets a write stages its values in; named with their creation time so stale ones can be removed. */
export const STAGING_PREFIX = 'shipsheet-staging-';

export function stagingTitle(now: number, random: () => number): string {
  return `${STAGING_PREFIX}${now.toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
}

export function isStaging(title: string): boolean {
  return title.startsWith(STAGING_PREFIX);
}

/** When a staging sheet was made (ms), or null when its name does not say. */
export function stagingCreatedAt(title: string): number | null {
  const m = new RegExp(`^${STAGING_PREFIX}([0-9a-z]+)-`).exec(title);
  if (!m) return null;
  const t = parseInt(m[1], 36);
  return Number.isFinite(t) ? t : null;
}
