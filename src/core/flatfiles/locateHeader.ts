/** Where the row of English keys is in a flat file: past a `TemplateType=` preamble and a localised label row. */
import type { Cell, Grid } from '../tables/cell';
import { normalizeHeader } from '../tables/normalizeHeader';
import type { TableSchema } from '../tables/schema';

/** Grid index of the header row for a table, or -1 when none of the first rows looks like its header. */
export function locateHeader(grid: Grid, schema: TableSchema, scanRows = 10): number {
  const known = new Set<string>();
  for (const c of schema.columns) {
    known.add(normalizeHeader(c.name));
    for (const a of c.aliases ?? []) known.add(normalizeHeader(a));
  }
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(grid.length, scanRows); i++) {
    const row = grid[i];
    if (isTemplatePreamble(row)) continue;
    const score = row.filter((c) => known.has(normalizeHeader(c))).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return bestScore >= 2 ? best : -1;
}

export function isTemplatePreamble(row: readonly Cell[]): boolean {
  return typeof row[0] === 'string' && /^\uFEFF?TemplateType=/i.test(row[0].trim());
}
