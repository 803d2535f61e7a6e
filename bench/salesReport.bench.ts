/**
 * Issue 7 benchmark: the sales report over 500,000 order lines (90 days, 2,000 SKUs) with a settlement report
 * pivot, 200,000 labels and a few thousand returns, in memory as the sheets read them. Prints the whole action
 * (decode the columns it reads + compute + the Sales Report write plan) against a bare pass over the rows, and
 * the pure computation on decoded rows.
 */
import type { Grid, OrderSheetLine } from '../src/core';
import {
  MemoryWorkbook,
  buildSalesReport,
  decodeTable,
  projectTable,
  REPORT_ORDER_COLUMNS,
  parseMoney,
  ordersTable,
  parseSettlementReport,
  prepareSalesReport,
  readFeeRules,
  readSettings,
} from '../src/core';
import { measure, row } from './measure';

const LINES = Number(process.env.BENCH_LINES ?? 500_000);
const SKUS = 2000;
const DAYS = 90;
const START = Date.parse('2026-09-01T07:00:00Z');

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

function makeSheets(): {
  orders: Grid;
  settlement: Grid;
  shipments: Grid;
  returns: Grid;
  listings: Grid;
  inventory: Grid;
} {
  const orders: Grid = [
    [
      'order-id',
      'order-item-id',
      'purchase-date',
      'sku',
      'quantity-purchased',
      'currency',
      'item-price',
      'shipping-price',
      'item-promotion-discount',
      'status',
    ],
  ];
  const settlement: Grid = [
    [
      'settlement-id',
      'settlement-start-date',
      'settlement-end-date',
      'total-amount',
      'currency',
      'transaction-type',
      'order-id',
      'amount-type',
      'amount-description',
      'amount',
      'posted-date-time',
      'sku',
      'quantity-purchased',
    ],
    ['1', '2026-09-01 07:00:00 UTC', '2026-10-15 07:00:00 UTC', '1.00', 'USD'],
  ];
  const shipments: Grid = [
    ['shipment-id', 'order-id', 'order-items', 'cost', 'currency', 'state', 'created-at'],
  ];
  const returns: Grid = [
    ['return-id', 'order-id', 'sku', 'quantity', 'refund', 'currency', 'return-date', 'restocked'],
  ];
  let order = 0;
  for (let i = 0; i < LINES;) {
    order++;
    const orderId = `112-${String(order).padStart(7, '0')}-0000001`;
    const ms = START + Math.floor(rand() * DAYS * 86_400_000);
    const iso = new Date(ms).toISOString().replace('.000Z', '+00:00');
    const items = 1 + Math.floor(rand() * 2);
    const itemIds: string[] = [];
    for (let k = 0; k < items && i < LINES; k++, i++) {
      const sku = `SKU-${Math.floor(rand() * SKUS)}`;
      const qty = 1 + Math.floor(rand() * 3);
      const price = (qty * (500 + Math.floor(rand() * 5000))) / 100;
      const itemId = String(10_000_000_000_000 + i);
      itemIds.push(`${itemId}:${qty}`);
      orders.push([
        orderId,
        itemId,
        iso,
        sku,
        qty,
        'USD',
        price,
        rand() < 0.3 ? 4.99 : 0,
        rand() < 0.1 ? -1 : null,
        'Shipped',
      ]);
      if (ms < Date.parse('2026-10-14T00:00:00Z')) {
        const posted = new Date(ms + 86_400_000).toISOString().replace('T', ' ').replace('.000Z', ' UTC');
        settlement.push([
          '1',
          '',
          '',
          '',
          'USD',
          'Order',
          orderId,
          'ItemPrice',
          'Principal',
          price.toFixed(2),
          posted,
          sku,
          qty,
        ]);
        settlement.push([
          '1',
          '',
          '',
          '',
          'USD',
          'Order',
          orderId,
          'ItemFees',
          'Commission',
          (-price * 0.15).toFixed(2),
          posted,
          sku,
          '',
        ]);
      }
      if (rand() < 0.01)
        returns.push([
          `R${i}`,
          orderId,
          sku,
          1,
          (price / qty).toFixed(2),
          'USD',
          new Date(ms + 5 * 86_400_000).toISOString().slice(0, 10),
          rand() < 0.5,
        ]);
    }
    if (rand() < 0.6)
      shipments.push([
        `S${order}`,
        orderId,
        itemIds.join(';'),
        4 + Math.floor(rand() * 900) / 100,
        'USD',
        'Purchased',
        iso,
      ]);
  }
  const listings: Grid = [['sku', 'title', 'category']];
  const inventory: Grid = [['sku', 'location', 'on-hand', 'unit-cost', 'currency']];
  for (let s = 0; s < SKUS; s++) {
    listings.push([`SKU-${s}`, `Product ${s}`, s % 3 === 0 ? 'Clothing' : 'Home']);
    inventory.push([`SKU-${s}`, 'A-01', 10, 2 + (s % 20), 'USD']);
  }
  return { orders, settlement, shipments, returns, listings, inventory };
}

async function main(): Promise<void> {
  const sheets = makeSheets();
  console.log(
    `${LINES.toLocaleString('en-US')} order lines, ${(sheets.settlement.length - 2).toLocaleString('en-US')} settlement rows, ${(sheets.shipments.length - 1).toLocaleString('en-US')} labels, ${(sheets.returns.length - 1).toLocaleString('en-US')} returns; ${process.version}`,
  );
  const settingsGrid: Grid = [
    ['key', 'value'],
    ['timezone', 'America/New_York'],
    ['referral-fee-categories', 'Clothing=17'],
  ];
  const book = new MemoryWorkbook('bench', {
    Orders: sheets.orders,
    Shipments: sheets.shipments,
    Returns: sheets.returns,
    Listings: sheets.listings,
    Inventory: sheets.inventory,
    Settings: settingsGrid,
  });
  const context = { now: new Date('2026-12-01T17:00:00Z') };

  // The floor: one bare pass over the rows doing the least any report must (parse each date and amount, sum
  // by day), with no validation, sources, fees or SKUs.
  const floor = await measure(() => {
    const byDay = new Map<string, number>();
    for (let i = 1; i < sheets.orders.length; i++) {
      const r = sheets.orders[i];
      const day = new Date(Date.parse(String(r[2])) - 4 * 3_600_000).toISOString().slice(0, 10);
      const m = parseMoney(r[6] as number, 'USD');
      byDay.set(day, (byDay.get(day) ?? 0) + (m.ok ? m.minor : 0));
    }
    return byDay;
  });
  console.log(row('floor: bare pass over the Orders rows (date + amount by day)', floor));
  if (process.env.BENCH_FULL_DECODE) {
    const full = await measure(() => decodeTable(ordersTable, sheets.orders));
    console.log(row('decode every Orders column (what a full read costs)', full, floor));
  }
  for (const period of ['day', 'week'] as const) {
    let lines = 0;
    const m = await measure(async () => {
      const p = await prepareSalesReport(
        book,
        {
          period,
          from: '2026-10-01',
          to: '2026-11-29',
          settlementFiles: [{ grid: sheets.settlement, source: 'settlement.txt' }],
        },
        context,
      );
      lines = p.report?.linesCounted ?? 0;
    });
    console.log(row(`whole report by ${period} (${lines.toLocaleString('en-US')} lines in range)`, m, floor));
  }
  // The pure computation alone, on rows decoded beforehand.
  const orders = decodeTable(projectTable(ordersTable, REPORT_ORDER_COLUMNS), sheets.orders)
    .rows as unknown as OrderSheetLine[];
  const { settings } = readSettings(settingsGrid);
  const { rules } = readFeeRules(settings, 'USD');
  const settlement = parseSettlementReport(sheets.settlement, 'settlement.txt', 'America/New_York');
  const compute = await measure(() =>
    buildSalesReport(
      {
        orders,
        allOrders: [],
        settlements: [settlement],
        returns: [],
        shipments: [],
        inventory: [],
        listings: [],
      },
      {
        period: 'week',
        from: '2026-10-01',
        to: '2026-11-29',
        timeZone: 'America/New_York',
        currency: 'USD',
        fees: rules,
      },
    ),
  );
  console.log(row('compute only (decoded orders + settlement, by week)', compute, floor));
}

void main();
