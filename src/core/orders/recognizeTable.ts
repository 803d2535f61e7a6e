/** Telling what a file is from its header: an order report, a listings report, an inventory sheet, … */
import { ALL_TABLES } from '../tables/allTables';
import type { Cell } from '../tables/cell';
import { normalizeHeader } from '../tables/normalizeHeader';
import type { TableSchema } from '../tables/schema';

/** The table whose signature headers a header row has, if any (most specific first). */
export function recognizeTable(header: readonly Cell[]): TableSchema | undefined {
  const have = new Set(header.map((h) => normalizeHeader(h)));
  const matches = (h: string, t: TableSchema) => {
    const spec = t.columns.find((c) => c.name === h);
    return [h, ...(spec?.aliases ?? [])].some((n) => have.has(normalizeHeader(n)));
  };
  return ALL_TABLES.find((t) => t.signature !== undefined && t.signature.every((h) => matches(h, t)));
}

/** "This looks like a Listings report, not an order report" — or nothing when the file is unrecognisable. */
export function describeMismatch(header: readonly Cell[], expected: TableSchema): string {
  const actual = recognizeTable(header);
  if (actual && actual !== expected)
    return ` It looks like ${article(actual.name)} ${actual.name} file, not ${article(expected.name)} ${expected.name} file.`;
  return '';
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
