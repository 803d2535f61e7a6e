/** A small workbook for carrier choice: a 3-service card, zones from Reno, boxes, listings, rules, Allocated orders. */
import { MemoryWorkbook } from '../../../src/core/memoryWorkbook';
import type { Cell, Grid } from '../../../src/core/tables/cell';

const TABLE = {
  '15.99oz': [5, 6, 7],
  '1lb': [5.5, 7, 8],
  '2lb': [6, 8, 10],
  '3lb': [6.5, 9, 11],
  '70lb': [40, 50, 60],
};

function card(): Grid {
  const rows: Cell[][] = [['carrier', 'service', 'zone', 'max-weight', 'weight-unit', 'price']];
  const zones = ['1', '4', '8'];
  zones.forEach((z, i) => {
    for (const [k, prices] of Object.entries(TABLE)) {
      const m = /^([\d.]+)(oz|lb)$/.exec(k)!;
      rows.push(['USPS', 'Ground Advantage', z, Number(m[1]), m[2], prices[i]]);
    }
    const ground = [
      [1, [8, 9, 11][i]],
      [2, [8, 9.5, 12][i]],
      [3, [8.5, 10, 13][i]],
      [150, [70, 80, 100][i]],
    ];
    for (const [lb, price] of ground) rows.push(['UPS', 'Ground', z, lb, 'lb', price]);
    const nda = [
      [1, [25, 30, 40][i]],
      [2, [26, 32, 44][i]],
      [3, [27, 34, 48][i]],
      [150, [150, 200, 250][i]],
    ];
    for (const [lb, price] of nda) rows.push(['UPS', 'Next Day Air', z, lb, 'lb', price]);
  });
  return rows;
}

export const ORDER_HEADER = [
  'order-id',
  'order-item-id',
  'sku',
  'quantity-purchased',
  'promise-date',
  'delivery-end-date',
  'ship-service-level',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'currency',
  'item-price',
  'is-prime',
  'is-business-order',
  'status',
  'allocated-qty',
];

/** One order item row in ORDER_HEADER order. */
export function orderRow(o: {
  order: string;
  item: string;
  sku: string;
  qty?: number;
  shipBy?: string;
  deliverBy?: string;
  level?: string;
  zip?: string;
  country?: string;
  price?: number;
  prime?: boolean;
  business?: boolean;
  status?: string;
}): Cell[] {
  return [
    o.order,
    o.item,
    o.sku,
    o.qty ?? 1,
    o.shipBy ?? '2026-12-02T07:59:59Z',
    o.deliverBy ?? '',
    o.level ?? 'Standard',
    'XX',
    o.zip ?? '02116',
    o.country ?? 'US',
    'USD',
    o.price ?? 20,
    o.prime ?? false,
    o.business ?? false,
    o.status ?? 'Allocated',
    o.qty ?? 1,
  ];
}

export const RULES: Grid = [
  ['priority', 'condition', 'action', 'enabled'],
  [10, 'ship-service-level = NextDay', 'fastest', true],
  [20, 'order value > 200', 'require signature', true],
  [30, 'ship-country != US', 'exclude UPS', true],
];

export function carrierBook(orders: Cell[][], overrides: Record<string, Grid> = {}): MemoryWorkbook {
  return new MemoryWorkbook('test', carrierSheets(orders, overrides));
}

/** The sheets of carrierBook, for backends other than the in-memory one. */
export function carrierSheets(orders: Cell[][], overrides: Record<string, Grid> = {}): Record<string, Grid> {
  return {
    Orders: [ORDER_HEADER, ...orders],
    Listings: [
      ['sku', 'weight', 'weight-unit', 'length', 'width', 'height', 'dimension-unit', 'package-type'],
      ['MUG', 1.1, 'lb', 6, 5, 5, 'in', 'S-BOX'],
      ['CANDLE', 14, 'oz', 4, 4, 5, 'in', 'S-BOX'],
      ['SOCK', 6, 'oz', 9, 6, 2, 'in', ''],
      ['ANVIL', 160, 'lb', 10, 10, 10, 'in', 'own'],
      ['NOWEIGHT', '', '', 5, 5, 5, 'in', ''],
      ['BADWEIGHT', 'heavy', 'lb', 5, 5, 5, 'in', ''],
    ],
    Services: [
      [
        'carrier',
        'service',
        'mode',
        'dim-divisor',
        'dim-min-cubic-in',
        'weight-rounding',
        'max-weight-lb',
        'max-length-in',
        'max-length-girth-in',
        'transit-days',
        'delivery-days',
      ],
      ['USPS', 'Ground Advantage', 'ground', 166, 1728, 'oz', 70, 108, 130, '1:2, 4:3, 8:5', 'Mon-Sat'],
      ['UPS', 'Ground', 'ground', 139, '', 'lb', 150, 108, 165, '1:1, 4:2, 8:5', 'Mon-Fri'],
      ['UPS', 'Next Day Air', 'air', 139, '', 'lb', 150, 108, 165, '1', 'Mon-Fri'],
    ],
    Rates: card(),
    Surcharges: [
      ['carrier', 'service', 'surcharge', 'applies-when', 'amount'],
      ['UPS', '', 'residential', 'residential = true', 4],
      ['USPS', '', 'signature', 'signature = true', 3],
    ],
    Zones: [
      ['carrier', 'origin-zip3', 'dest-zip3-from', 'dest-zip3-to', 'country', 'zone'],
      ['', '895', '005', '149', '', '8'],
      ['', '895', '894', '897', '', '1'],
      ['', '895', '900', '961', '', '4'],
    ],
    Boxes: [
      ['box', 'length', 'width', 'height', 'weight', 'weight-unit'],
      ['S-BOX', 8, 6, 6, 4, 'oz'],
      ['M-BOX', 12, 10, 6, 8, 'oz'],
    ],
    Rules: RULES,
    Settings: [
      ['key', 'value'],
      ['ship-from-postal-code', '89502'],
      ['timezone', 'America/Los_Angeles'],
      ['handling-cutoff', '14:00'],
    ],
    ...overrides,
  };
}

/** Tuesday 1 December 2026, 09:00 in Los Angeles: before the 14:00 cut-off, so the ship date is today. */
export const TUESDAY_9AM = new Date('2026-12-01T17:00:00Z');

/** The Orders sheet as records by header. */
export async function ordersOf(book: MemoryWorkbook): Promise<Record<string, Cell>[]> {
  const grid = (await book.read(['Orders'])).get('Orders')!;
  const header = grid[0].map(String);
  return grid.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
}
