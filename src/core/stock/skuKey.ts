/** How SKUs are matched across sheets: trimmed and case-insensitive, as the sheets' key merge compares them. */
export const skuKey = (sku: string): string => sku.trim().toUpperCase();
