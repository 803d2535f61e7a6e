/** Header matching as Amazon's reports vary it: `Seller SKU`, `seller-sku` and `seller_sku` are one column. */
export function normalizeHeader(header: unknown): string {
  if (header === null || header === undefined) return '';
  return String(header)
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-');
}

/**
 * Add a column name to a header row right of its last named cell (blank cells at its end are dropped first, so
 * the column lands next to the table, not after stray empties). Returns the new column's 0-based position.
 */
export function appendHeader(header: unknown[], name: string): number {
  let width = header.length;
  while (width > 0 && normalizeHeader(header[width - 1]) === '') width--;
  header.length = width;
  header.push(name);
  return width;
}
