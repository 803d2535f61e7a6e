/** A package's contents as the Shipments sheet writes them: `12345678901234:2; 12345678901235:1`. */

export interface PackageItem {
  readonly orderItemId: string;
  readonly quantity: number;
}

/** `parsePackageItems('111:2; 222')` → [{111, 2}, {222, null}]; null quantity: the whole item. Bad parts are null. */
export function parsePackageItems(
  text: string | null,
): { orderItemId: string; quantity: number | null }[] | null {
  if (text === null || text.trim() === '') return [];
  const out: { orderItemId: string; quantity: number | null }[] = [];
  for (const part of text.split(/[;,\n]/)) {
    const t = part.trim();
    if (t === '') continue;
    const m = /^([^:\s]+)\s*(?:[:x×]\s*(\d+))?$/.exec(t);
    if (!m) return null;
    out.push({ orderItemId: m[1], quantity: m[2] === undefined ? null : Number(m[2]) });
  }
  return out;
}

export function formatPackageItems(items: readonly PackageItem[]): string {
  return items.map((i) => `${i.orderItemId}:${i.quantity}`).join('; ');
}

/** Several tracking numbers of one order item (a split shipment) in one cell. */
export function splitTrackingCell(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
