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
