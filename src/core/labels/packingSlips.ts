/** The packing slips of a batch: one per order (its packages may be several), in the order the packages come. */
import type { Address } from '../carriers/plugin';
import type { Settings } from '../settings/readSettings';
import type { DecodedRow } from '../tables/decodeTable';
import type { OrderRecord } from '../tables/orders';
import { unitsOf } from './labelJobs';
import type { LayoutPage } from './layout';
import { packingSlipLayout } from './packingSlipLayout';

/** A labelled package as the slips need it. */
export interface SlipPackage {
  readonly orderId: string;
  readonly rows: readonly DecodedRow<OrderRecord>[];
  readonly carrier: string;
  readonly service: string;
  readonly trackingNumber: string;
}

export function packingSlipsFor(
  packages: readonly SlipPackage[],
  settings: Settings,
  shipFrom: Address,
  shipDate: string,
  listingOf: ReadonlyMap<string, { asin: string | null; title: string | null }>,
): LayoutPage[] {
  const byOrder = new Map<
    string,
    { rows: DecodedRow<OrderRecord>[]; services: string[]; tracking: string[] }
  >();
  for (const p of packages) {
    let entry = byOrder.get(p.orderId);
    if (!entry) byOrder.set(p.orderId, (entry = { rows: [], services: [], tracking: [] }));
    entry.rows.push(...p.rows);
    const service = `${p.carrier} ${p.service}`;
    if (!entry.services.includes(service)) entry.services.push(service);
    entry.tracking.push(p.trackingNumber);
  }
  const returnSetting = settings.text('return-address').trim();
  const returnAddress =
    returnSetting !== ''
      ? returnSetting.split(/\s*[;\n]\s*/).filter((s) => s !== '')
      : [
          shipFrom.line1,
          shipFrom.line2,
          `${shipFrom.city}${shipFrom.state ? `, ${shipFrom.state}` : ''} ${shipFrom.postalCode}`,
          shipFrom.country === 'US' ? undefined : shipFrom.country,
        ].filter((s): s is string => !!s);
  const pages: LayoutPage[] = [];
  for (const [orderId, entry] of byOrder) {
    const first = entry.rows[0].record;
    const gift =
      entry.rows.map((r) => r.record['gift-message-text']).find((g) => g && g.trim() !== '') ?? null;
    pages.push(
      ...packingSlipLayout({
        sellerName: settings.text('ship-from-name'),
        returnAddress,
        orderId,
        orderDate: first['purchase-date']?.slice(0, 10) ?? null,
        shipDate,
        shipBy: first['promise-date']?.slice(0, 10) ?? null,
        shipTo: {
          name: first['recipient-name'] ?? '',
          line1: first['ship-address-1'] ?? '',
          line2: first['ship-address-2'] ?? undefined,
          line3: first['ship-address-3'] ?? undefined,
          city: first['ship-city'] ?? '',
          state: first['ship-state'] ?? undefined,
          postalCode: first['ship-postal-code'] ?? '',
          country: (first['ship-country'] ?? '').toUpperCase(),
        },
        services: entry.services,
        trackingNumbers: entry.tracking,
        items: entry.rows.map((r) => ({
          sku: r.record.sku,
          asin: listingOf.get(r.record.sku)?.asin ?? '',
          title: listingOf.get(r.record.sku)?.title ?? r.record['product-name'] ?? '',
          quantity: unitsOf(r.record),
        })),
        giftMessage: gift,
        salesChannel: first['sales-channel'],
      }),
    );
  }
  return pages;
}
