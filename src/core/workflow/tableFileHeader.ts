/** Whether a file's first rows are the header of the table it claims to be, before any row is imported. */
import { locateHeader } from '../flatfiles/locateHeader';
import { describeMismatch, recognizeTable } from '../orders/recognizeTable';
import type { Grid } from '../tables/cell';
import { indexColumns } from '../tables/columnIndex';
import type { TableSchema } from '../tables/schema';

export type HeaderCheck = { ok: true; headerIndex: number } | { ok: false; message: string };

/** `grid` needs only the file's first rows (10 are scanned). The message names the file and what is missing. */
export function checkTableHeader(schema: TableSchema, grid: Grid, source: string): HeaderCheck {
  if (grid.length === 0)
    return {
      ok: false,
      message: `${source} is empty: a ${schema.name} file starts with a header row (${schema.columns
        .slice(0, 4)
        .map((c) => c.name)
        .join(', ')}, …).`,
    };
  const headerIndex = locateHeader(grid, schema);
  let why: string;
  if (headerIndex < 0)
    why = `no row has the ${schema.name} headers (${schema.columns
      .filter((c) => c.required)
      .map((c) => c.name)
      .join(', ')})`;
  else {
    const index = indexColumns(schema, grid[headerIndex]);
    const missing = schema.columns
      .filter((c) => c.required && !index.positions.has(c.name))
      .map((c) => c.name);
    const other = recognizeTable(grid[headerIndex]);
    const lacksSignature = (schema.signature ?? []).some((h) => !index.positions.has(h));
    if (missing.length === 0 && !(other && other !== schema && lacksSignature))
      return { ok: true, headerIndex };
    why =
      missing.length > 0
        ? `the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`
        : `the header has no ${(schema.signature ?? []).filter((h) => !index.positions.has(h)).join(', ')} column`;
  }
  return {
    ok: false,
    message: `${source} is not ${/^[aeiou]/i.test(schema.name) ? 'an' : 'a'} ${schema.name} file: ${why}.${describeMismatch(grid[Math.max(0, headerIndex)] ?? [], schema)}`,
  };
}
