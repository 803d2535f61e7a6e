// Check stock's allocation on generated orders and stock: 10k / 50k / 100k order items over 5k / 5k / 10k SKUs
// with two to three locations each. Prints wall and CPU seconds, the CPU cost per item (flat = linear) and the
// ratio to a bare Array.prototype.sort of the same items; then the whole planStockCheck (the three sheets
// decoded, allocated, every result built) at the same sizes.
import type { Demand, StockLot } from '../src/core/stock/allocateStock';
import { allocateStock } from '../src/core/stock/allocateStock';
import { planStockCheck } from '../src/core/stock/planStockCheck';
import { readSettings } from '../src/core/settings/readSettings';
import { decodeTable } from '../src/core/tables/decodeTable';
import { inventoryTable } from '../src/core/tables/inventory';
import { listingsTable } from '../src/core/tables/listings';
import type { DecodedTable } from '../src/core/tables/decodeTable';
import type { StockOrder } from '../src/core/stock/stockOrderColumns';
import { stockOrdersTable } from '../src/core/stock/stockOrderColumns';
import type { Grid } from '../src/core/tables/cell';
import type { Measurement } from './measure';
import { measure, row } from './measure';

/** Wall time (measure) plus the CPU time the work itself used: on a shared, loaded machine the CPU figure is the steadier one. */
async function timed(work: () => unknown): Promise<Measurement & { cpu: number }> {
  const c0 = process.cpuUsage();
  const m = await measure(work);
  const c = process.cpuUsage(c0);
  return { ...m, cpu: (c.user + c.system) / 1e6 };
}

/** Small seeded PRNG (mulberry32) so every run generates the same data. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.UTC(2026, 11, 1);

function generate(items: number, skus: number, seed = 42) {
  const r = rng(seed);
  const lots: StockLot[] = [];
  for (let s = 0; s < skus; s++) {
    const n = 2 + Math.floor(r() * 2);
    for (let l = 0; l < n; l++)
      lots.push({
        sku: `SKU-${s}`,
        location: `${'AB'[l % 2]}-${String(l).padStart(2, '0')}`,
        onHand: Math.floor(r() * 12),
        rank: l,
      });
  }
  const demands: Demand[] = [];
  for (let i = 0; i < items; i++) {
    const order = Math.floor(i / (1 + Math.floor(r() * 2)));
    demands.push({
      id: String(10_000_000_000_000 + i),
      orderId: `112-${String(order).padStart(7, '0')}-0000000`,
      sku: `SKU-${Math.floor(r() * skus)}`,
      quantity: 1 + Math.floor(r() * 3),
      shipBy: T0 + Math.floor(r() * 5) * 86_400_000,
      isPrime: r() < 0.3,
      purchasedAt: T0 - Math.floor(r() * 72) * 3_600_000,
    });
  }
  return { lots, demands };
}

async function main() {
  console.log(
    'allocateStock (pure allocation, best of 5 runs); bare = Array.prototype.sort of the same items by ship-by',
  );
  const perItem: number[] = [];
  for (const [items, skus] of [
    [10_000, 5_000],
    [50_000, 5_000],
    [100_000, 10_000],
  ] as const) {
    const { lots, demands } = generate(items, skus);
    allocateStock(lots, demands); // warm-up
    let best = { seconds: Infinity, peakRssMb: 0, cpu: Infinity };
    let bare = { seconds: Infinity, peakRssMb: 0, cpu: Infinity };
    for (let k = 0; k < 5; k++) {
      const m = await timed(() => allocateStock(lots, demands));
      if (m.cpu < best.cpu) best = m;
      const b = await timed(() => [...demands].sort((x, y) => (x.shipBy ?? 0) - (y.shipBy ?? 0)));
      if (b.cpu < bare.cpu) bare = b;
    }
    perItem.push((best.cpu * 1e6) / items);
    console.log(
      `${row(`${items.toLocaleString('en-US')} items over ${skus.toLocaleString('en-US')} SKUs (${lots.length} lots)`, best)}  cpu ${best.cpu.toFixed(3)} s  ${((best.cpu * 1e6) / items).toFixed(2)} µs/item  ${(best.cpu / bare.cpu).toFixed(1)}x bare sort (${bare.cpu.toFixed(3)} s)`,
    );
  }
  console.log(`CPU cost per item, 100k vs 10k: ${(perItem[2] / perItem[0]).toFixed(2)}x (1.00x = linear)`);

  // The whole plan: sheets as grids → decoded → allocated → order/inventory updates, shortages, reorders.
  console.log(
    '\nplanStockCheck (the Orders/Inventory/Listings grids decoded, allocated, every result built)',
  );
  const settings = readSettings([
    ['key', 'value'],
    ['location-rank', 'A-*, B-*'],
  ]).settings;
  const planPerItem: number[] = [];
  for (const [items, skus] of [
    [10_000, 5_000],
    [50_000, 5_000],
    [100_000, 10_000],
  ] as const) {
    const { orders, inventory, listings } = sheets(items, skus);
    const run = () =>
      planStockCheck({
        orders: decodeTable(stockOrdersTable, orders) as DecodedTable<StockOrder>,
        inventory: decodeTable(inventoryTable, inventory),
        listings: decodeTable(listingsTable, listings),
        settings,
      });
    run();
    let best = { seconds: Infinity, peakRssMb: 0, cpu: Infinity };
    for (let k = 0; k < 3; k++) {
      const m = await timed(run);
      if (m.cpu < best.cpu) best = m;
    }
    planPerItem.push((best.cpu * 1e6) / items);
    console.log(
      `${row(`${items.toLocaleString('en-US')} items over ${skus.toLocaleString('en-US')} SKUs`, best)}  cpu ${best.cpu.toFixed(3)} s  ${((best.cpu * 1e6) / items).toFixed(2)} µs/item`,
    );
  }
  console.log(
    `CPU cost per item, 100k vs 10k: ${(planPerItem[2] / planPerItem[0]).toFixed(2)}x (1.00x = linear)`,
  );
}

/** The three sheets as a workbook would hand them over. */
function sheets(items: number, skus: number): { orders: Grid; inventory: Grid; listings: Grid } {
  const { lots, demands } = generate(items, skus);
  const orders: Grid = [
    [
      'order-id',
      'order-item-id',
      'purchase-date',
      'promise-date',
      'sku',
      'quantity-purchased',
      'is-prime',
      'status',
    ],
  ];
  for (const d of demands)
    orders.push([
      d.orderId,
      d.id,
      new Date(d.purchasedAt!).toISOString(),
      new Date(d.shipBy!).toISOString(),
      d.sku,
      d.quantity,
      d.isPrime,
      'New',
    ]);
  const inventory: Grid = [
    ['sku', 'location', 'on-hand', 'reorder-point', 'reorder-qty', 'unit-cost', 'supplier'],
  ];
  for (const l of lots)
    inventory.push([l.sku, l.location, l.onHand, 4, 12, 2.5, `Supplier ${l.sku.length % 7}`]);
  const listings: Grid = [
    [
      'sku',
      'asin',
      'fulfillment-channel',
      'weight',
      'weight-unit',
      'length',
      'width',
      'height',
      'dimension-unit',
    ],
  ];
  for (let s = 0; s < skus; s++) listings.push([`SKU-${s}`, `B0${s}`, 'DEFAULT', 1, 'lb', 6, 4, 2, 'in']);
  return { orders, inventory, listings };
}

void main();
