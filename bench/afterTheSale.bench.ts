/**
 * 50,000 order items through record-tracking (a carrier export), ship-confirm, health and purge-pii on the
 * in-memory workbook: the core's cost, which should grow linearly. Also validateTrackingNumber alone.
 */
import type { Cell, Grid } from '../src/core';
import {
  MemoryWorkbook,
  decodeTable,
  ordersTable,
  checkHealth,
  exportShipConfirm,
  gs1Mod10,
  mod10,
  purgePii,
  recordTracking,
  validateTrackingNumber,
} from '../src/core';
import { measure, row } from './measure';

const now = new Date('2026-12-01T17:00:00Z');
const context = { now, user: 'bench' };

function build(n: number): { book: MemoryWorkbook; file: Grid } {
  const header = [
    'order-id',
    'order-item-id',
    'purchase-date',
    'promise-date',
    'sku',
    'quantity-purchased',
    'buyer-name',
    'ship-address-1',
    'ship-city',
    'ship-postal-code',
    'status',
    'carrier',
  ];
  const orders: Cell[][] = [header];
  const file: Cell[][] = [
    ['Order - Number', 'Shipment - Tracking Number', 'Shipment - Carrier', 'Shipment - Ship Date'],
  ];
  for (let i = 0; i < n; i++) {
    const id = `112-${String(1000000 + Math.floor(i / 2)).padStart(7, '0')}-${String(i % 9999999).padStart(7, '0')}`;
    const orderId = `112-${String(1000000 + i).padStart(7, '0')}-7701001`;
    void id;
    const carrier = i % 2 === 0 ? 'UPS' : 'USPS';
    orders.push([
      orderId,
      String(52846711230000 + i),
      '2026-11-30T15:00:00Z',
      '2026-12-02T07:59:59Z',
      `SKU-${i % 500}`,
      1,
      'Jane Buyer',
      '1 Main St',
      'Austin',
      '78701',
      'Labeled',
      carrier,
    ]);
    const tracking =
      carrier === 'UPS'
        ? (() => {
            const s = `4Y6W71${String(i).padStart(9, '0')}`;
            return `1Z${s}${mod10(s, 1, 2)}`;
          })()
        : (() => {
            const s = `940011120108${String(i).padStart(9, '0')}`;
            return s + gs1Mod10(s);
          })();
    file.push([orderId, tracking, carrier, '12/1/2026']);
  }
  return { book: new MemoryWorkbook('bench', { Orders: orders }), file };
}

async function main() {
  const n = Number(process.env.ITEMS ?? 50000);
  const { book, file } = build(n);
  console.log(`${n} order items, one package each`);
  const ordersGrid = (await book.read(['Orders'])).get('Orders')!;
  // The floor every step pays: decoding the Orders sheet once. Ratios are against it, so they hold on a
  // loaded machine where absolute seconds do not.
  const base = await measure(() => decodeTable(ordersTable, ordersGrid, { checkRequired: false }));
  console.log(row('decode Orders (baseline)', base));
  const step = async (label: string, work: () => Promise<unknown> | unknown) =>
    console.log(row(label, await measure(work), base));
  const numbers = file.slice(1).map((r) => String(r[1]));
  await step(`validateTrackingNumber × ${numbers.length}`, () => numbers.forEach(validateTrackingNumber));
  await step('record-tracking from a carrier export', () =>
    recordTracking(book, context, { grid: file, source: 'export.csv' }),
  );
  await step('record-tracking again (nothing to do)', () =>
    recordTracking(book, context, { grid: file, source: 'export.csv' }),
  );
  let bytes = 0;
  await step('export ship-confirm', () =>
    exportShipConfirm(book, context, { target: 'x.txt', save: async (f) => void (bytes = f.text.length) }),
  );
  console.log(`  ship-confirm text: ${(bytes / 1e6).toFixed(1)} MB`);
  await step('health (7/10/30 days, at risk)', () => checkHealth(book, context));
  await step('purge-pii (60 days later)', () => purgePii(book, { now: new Date('2027-01-30T17:00:00Z') }));
}

void main();
