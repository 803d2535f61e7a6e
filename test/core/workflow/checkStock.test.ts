import fc from 'fast-check';
import type { Cell } from '../../../src/core';
import { checkStock, parsePicks } from '../../../src/core';
import type { OrderRow } from './stockFixtures';
import {
  LISTING_HEADER,
  NOW,
  book,
  inventoryGrid,
  listing,
  ordersGrid,
  settingsGrid,
  sheetRecords,
} from './stockFixtures';

const ctx = { now: NOW, user: 'test' };

function sampleBook(orders: OrderRow[], settings: Record<string, string> = {}) {
  return book({
    Orders: ordersGrid(orders),
    Inventory: inventoryGrid([
      ['MUG', 'A-01', 3, 2, 12, 3.2, 'Clay & Co'],
      ['MUG', 'B-STORE', 4, 2, 12, 3.2, 'Clay & Co'],
      ['SOCK', 'A-02', 10, 2, 20, 1.5, 'Canvas Goods'],
      ['KNIFE', 'A-03', 0, 1, 5, 17.5, 'Forge Supply'],
    ]),
    Listings: [
      LISTING_HEADER,
      listing('MUG'),
      listing('SOCK'),
      listing('KNIFE'),
      listing('MUG-FBA', { 'fulfillment-channel': 'AMAZON_NA' }),
    ],
    Settings: settingsGrid({ 'location-rank': 'A-*, B-STORE', 'ship-complete': 'true', ...settings }),
  });
}

describe('checkStock', () => {
  it('allocates by ship-by from the first-ranked location, marks the rest Short, and lists the shortage', async () => {
    const b = sampleBook([
      { order: 'O1', item: 'I1', sku: 'MUG', qty: 5, shipBy: '2026-12-03T07:59:59Z' },
      { order: 'O2', item: 'I2', sku: 'MUG', qty: 4, shipBy: '2026-12-02T07:59:59Z' },
      { order: 'O3', item: 'I3', sku: 'SOCK', qty: 2 },
    ]);
    const r = await checkStock(b, ctx);
    expect(r.ok).toBe(true);
    const orders = await sheetRecords(b, 'Orders');
    expect(
      orders.map((o) => [o['order-item-id'], o.status, o['allocated-qty'], o['allocated-from']]),
    ).toEqual([
      ['I1', 'Short', 3, 'B-STORE:3'],
      ['I2', 'Allocated', 4, 'A-01:3; B-STORE:1'],
      ['I3', 'Allocated', 2, 'A-02:2'],
    ]);
    expect(orders[0].problem).toBe('short 2 of 5 MUG (3 reserved)');
    expect(orders[0]['buyer-note']).toBe('typed by the seller');
    const inv = await sheetRecords(b, 'Inventory');
    expect(inv.map((i) => [i.location, i['on-hand'], i.reserved, i.available])).toEqual([
      ['A-01', 3, 3, 0],
      ['B-STORE', 4, 4, 0],
      ['A-02', 10, 2, 8],
      ['A-03', 0, 0, 0],
    ]);
    expect(inv[0]['updated-at']).toBe('2026-12-01T17:00:00Z');
    const short = await sheetRecords(b, 'Shortages');
    expect(short).toEqual([
      {
        sku: 'MUG',
        title: 'Title of MUG',
        needed: 9,
        'on-hand': 7,
        allocated: 7,
        short: 2,
        'items-short': 1,
        'oldest-ship-by': '2026-12-03T07:59:59Z',
        supplier: 'Clay & Co',
      },
    ]);
    const buy = await sheetRecords(b, 'Purchase List');
    // MUG: 0 free − 2 short = −2 ≤ 2 → one lot of 12 lifts it to 10. KNIFE: 0 ≤ 1 → 5.
    expect(buy.map((p) => [p.supplier, p.sku, p['order-qty'], p['line-cost']])).toEqual([
      ['Clay & Co', 'MUG', 12, 38.4],
      ['Forge Supply', 'KNIFE', 5, 87.5],
    ]);
  });

  it('changes nothing when run twice, and re-allocates from scratch after the stock changes', async () => {
    const b = sampleBook([{ order: 'O1', item: 'I1', sku: 'MUG', qty: 5 }]);
    await checkStock(b, ctx);
    const before = await b.read(['Orders', 'Inventory', 'Shortages', 'Purchase List', 'Log']);
    const writes = b.calls.write;
    const again = await checkStock(b, { now: new Date('2026-12-01T18:00:00Z') });
    expect(again.lines).toContain('Nothing changed since the last check.');
    expect(b.calls.write).toBe(writes);
    expect(await b.read(['Orders', 'Inventory', 'Shortages', 'Purchase List', 'Log'])).toEqual(before);
    // The seller recounts A-01: the allocation moves, the rows stamp the new time.
    const grid = (await b.read(['Inventory'])).get('Inventory')!;
    await b.write({ sheets: [{ sheet: 'Inventory', blocks: [{ row: 2, col: 3, values: [[0]] }] }] });
    expect(grid[1][2]).toBe(3);
    await checkStock(b, { now: new Date('2026-12-01T18:00:00Z') });
    const orders = await sheetRecords(b, 'Orders');
    expect(orders[0]).toMatchObject({ status: 'Short', 'allocated-qty': 4, 'allocated-from': 'B-STORE:4' });
    const inv = await sheetRecords(b, 'Inventory');
    expect(inv[0]).toMatchObject({ reserved: 0, available: 0, 'updated-at': '2026-12-01T18:00:00Z' });
  });

  it('holds the rest of a ship-complete order, or ships what it can when ship-complete is off', async () => {
    const items: OrderRow[] = [
      { order: 'O1', item: 'I1', sku: 'SOCK', qty: 1 },
      { order: 'O1', item: 'I2', sku: 'KNIFE', qty: 1 },
    ];
    const held = sampleBook(items);
    await checkStock(held, ctx);
    const h = await sheetRecords(held, 'Orders');
    expect(h.map((o) => [o.status, o['allocated-qty']])).toEqual([
      ['Short', 1],
      ['Short', 0],
    ]);
    expect(h[0].problem).toBe('held: order O1 ships complete and waits for KNIFE');
    const partial = sampleBook(items, { 'ship-complete': 'false' });
    await checkStock(partial, ctx);
    const p = await sheetRecords(partial, 'Orders');
    expect(p.map((o) => o.status)).toEqual(['Allocated', 'Short']);
  });

  it('keeps Labeled items picked where recorded, leaves Shipped ones alone, releases Cancelled ones', async () => {
    const b = sampleBook([
      {
        order: 'O1',
        item: 'I1',
        sku: 'MUG',
        qty: 2,
        shipBy: '2026-12-09T07:59:59Z',
        status: 'Labeled',
        allocatedQty: 2,
        allocatedFrom: 'A-01:2',
      },
      { order: 'O2', item: 'I2', sku: 'MUG', qty: 6, shipBy: '2026-12-01T07:59:59Z' },
      {
        order: 'O3',
        item: 'I3',
        sku: 'MUG',
        qty: 3,
        status: 'Shipped',
        allocatedQty: 3,
        allocatedFrom: 'A-01:3',
      },
      {
        order: 'O4',
        item: 'I4',
        sku: 'MUG',
        qty: 1,
        status: 'Cancelled',
        allocatedQty: 1,
        allocatedFrom: 'A-01:1',
      },
    ]);
    const r = await checkStock(b, ctx);
    expect(r.stats.released).toBe(1);
    const o = await sheetRecords(b, 'Orders');
    expect(o.map((x) => [x.status, x['allocated-qty'], x['allocated-from']])).toEqual([
      ['Labeled', 2, 'A-01:2'],
      ['Short', 5, 'A-01:1; B-STORE:4'],
      ['Shipped', 3, 'A-01:3'],
      ['Cancelled', null, null],
    ]);
    const inv = await sheetRecords(b, 'Inventory');
    expect(inv.slice(0, 2).map((i) => i.reserved)).toEqual([3, 4]);
  });

  it('takes units shipped since the count off on-hand, and forgets those the count already reflects', async () => {
    const b = book({
      Orders: [
        [
          'order-id',
          'order-item-id',
          'sku',
          'quantity-purchased',
          'status',
          'allocated-qty',
          'allocated-from',
          'ship-date',
        ],
        ['O1', 'I1', 'MUG', 2, 'Shipped', 2, 'A-01:2', '2026-11-30'],
        ['O2', 'I2', 'MUG', 1, 'Confirmed', 1, 'A-01:1', '2026-12-01'],
        ['O3', 'I3', 'MUG', 1, 'Shipped', 1, 'B-STORE:1', '2026-12-01'],
        ['O4', 'I4', 'MUG', 9, 'New', null, null, null],
      ],
      // A-01 counted on the morning of 1 December (Los Angeles), B-STORE never stamped.
      Inventory: [
        ['sku', 'location', 'on-hand', 'counted-at'],
        ['MUG', 'A-01', 5, '2026-12-01T16:00:00Z'],
        ['MUG', 'B-STORE', 4, null],
      ],
      Listings: [LISTING_HEADER, listing('MUG')],
      Settings: settingsGrid({ 'location-rank': 'A-*, B-STORE', timezone: 'America/Los_Angeles' }),
    });
    const r = await checkStock(b, ctx);
    expect(r.stats.shippedSinceCount).toBe(1);
    const inv = await sheetRecords(b, 'Inventory');
    // 1 unit shipped on the count's day is still in the 5; 4 go to O4. B-STORE: all 4 to O4.
    expect(inv.map((i) => [i.reserved, i.available])).toEqual([
      [5, 0],
      [4, 0],
    ]);
    const o = await sheetRecords(b, 'Orders');
    expect(o.map((x) => [x.status, x['allocated-qty'], x['allocated-from']])).toEqual([
      ['Shipped', 2, 'A-01:2'],
      ['Confirmed', 1, 'A-01:1'],
      ['Shipped', 1, 'B-STORE:1'],
      ['Short', 8, 'A-01:4; B-STORE:4'],
    ]);
  });

  it('keeps Rated items Rated while fully allocated, and moves them to Short when stock no longer covers them', async () => {
    const b = sampleBook([
      {
        order: 'O1',
        item: 'I1',
        sku: 'SOCK',
        qty: 2,
        status: 'Rated',
        allocatedQty: 2,
        allocatedFrom: 'A-02:2',
      },
      {
        order: 'O2',
        item: 'I2',
        sku: 'MUG',
        qty: 7,
        status: 'Rated',
        allocatedQty: 7,
        shipBy: '2026-12-03T07:59:59Z',
      },
      { order: 'O3', item: 'I3', sku: 'MUG', qty: 1, shipBy: '2026-12-01T07:59:59Z' },
    ]);
    await checkStock(b, ctx);
    const o = await sheetRecords(b, 'Orders');
    expect(o.map((x) => x.status)).toEqual(['Rated', 'Short', 'Allocated']);
  });

  it('reports order SKUs without a listing, FBA SKUs, listings without size, and unknown locations per row', async () => {
    const b = book({
      Orders: ordersGrid([
        { order: 'O1', item: 'I1', sku: 'GHOST', qty: 1 },
        { order: 'O2', item: 'I2', sku: 'MUG-FBA', qty: 1 },
        { order: 'O3', item: 'I3', sku: 'BARE', qty: 1 },
      ]),
      Inventory: inventoryGrid([
        ['GHOST', 'A-01', 5],
        ['BARE', 'A-01', 5],
        ['BARE', 'C-9', 5],
        ['BARE', 'a-01', 2],
      ]),
      Listings: [
        LISTING_HEADER,
        listing('MUG-FBA', { 'fulfillment-channel': 'AMAZON_EU' }),
        listing('BARE', { weight: null, height: null }),
      ],
      Settings: settingsGrid({ 'location-rank': 'A-*' }),
    });
    const r = await checkStock(b, ctx);
    const where = r.problems.map((p) => `${p.sheet}:${p.row}:${p.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'Orders:2:sku',
        'Orders:3:sku',
        'Listings:3:weight',
        'Listings:3:height',
        'Inventory:4:location',
        'Inventory:5:location',
      ]),
    );
    expect(r.problems.find((p) => p.row === 4 && p.sheet === 'Inventory')?.message).toMatch(
      /not in Settings location-rank \(A-\*\)/,
    );
    expect(r.problems.find((p) => p.row === 5 && p.sheet === 'Inventory')?.message).toMatch(/also on row 3/);
    const o = await sheetRecords(b, 'Orders');
    expect(o.map((x) => [x.status, x['allocated-qty']])).toEqual([
      ['Allocated', 1],
      ['Short', 0],
      ['Allocated', 1],
    ]);
    expect(o[0].problem).toMatch(/no Listings row/);
    expect(o[1].problem).toMatch(/fulfilled by Amazon/);
    expect(o[2].problem).toMatch(/no weight/);
    const inv = await sheetRecords(b, 'Inventory');
    expect(inv.map((i) => i.available)).toEqual([4, 4, null, null]);
  });

  it('leaves the status of an item with nothing left to ship, and says so', async () => {
    const b = sampleBook([
      { order: 'O1', item: 'I1', sku: 'MUG', qty: 0, status: 'Allocated', allocatedQty: 2 },
    ]);
    await checkStock(b, ctx);
    const [o] = await sheetRecords(b, 'Orders');
    expect(o).toMatchObject({
      status: 'Allocated',
      'allocated-qty': 0,
      problem: expect.stringMatching(/nothing left to ship/),
    });
  });

  it('refuses a workbook with no Inventory sheet and writes nothing', async () => {
    const b = book({ Orders: ordersGrid([{ order: 'O1', item: 'I1', sku: 'MUG', qty: 1 }]) });
    const r = await checkStock(b, ctx);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/no Inventory sheet/);
    expect(b.calls.write).toBe(0);
  });
});

// ---- property: over random sheets, the written figures always add up and a second run changes nothing ----

const SKUS = ['S1', 'S2', 'S3'];
const LOCS = ['A-01', 'A-02', 'B-STORE', 'Z-9'];
const STATUSES = ['New', 'Allocated', 'Short', 'Rated', 'Labeled', 'Shipped', 'Cancelled', null];

describe('checkStock properties', () => {
  it('never reserves more than on hand; reserved + available = on hand; allocations match reserved; rerun is a no-op', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...SKUS), fc.constantFrom(...LOCS), fc.nat({ max: 9 })), {
          selector: (t) => `${t[0]}|${t[1]}`,
          maxLength: 10,
        }),
        fc.array(
          fc.record({
            order: fc.constantFrom('O1', 'O2', 'O3', 'O4'),
            sku: fc.constantFrom(...SKUS),
            qty: fc.integer({ min: 1, max: 5 }),
            day: fc.integer({ min: 1, max: 4 }),
            prime: fc.boolean(),
            status: fc.constantFrom(...STATUSES),
          }),
          { maxLength: 14 },
        ),
        fc.boolean(),
        async (stock, items, shipComplete) => {
          const b = book({
            Orders: ordersGrid(
              items.map((it, i) => ({
                order: it.order,
                item: `I${i}`,
                sku: it.sku,
                qty: it.qty,
                prime: it.prime,
                shipBy: `2026-12-0${it.day}T07:59:59Z`,
                status: it.status ?? '',
              })),
            ),
            Inventory: inventoryGrid(stock.map(([s, l, n]) => [s, l, n] as [string, string, Cell])),
            Listings: [LISTING_HEADER, ...SKUS.map((s) => listing(s))],
            Settings: settingsGrid({
              'location-rank': 'A-*, B-STORE',
              'ship-complete': String(shipComplete),
            }),
          });
          await checkStock(b, ctx);
          const inv = await sheetRecords(b, 'Inventory');
          const orders = await sheetRecords(b, 'Orders');
          const used = new Map<string, number>();
          for (const o of orders) {
            if (o.status === 'Shipped' || o.status === 'Cancelled') continue;
            const picks =
              typeof o['allocated-from'] === 'string' ? (parsePicks(o['allocated-from']) ?? []) : [];
            const total = picks.reduce((s, p) => s + p.qty, 0);
            expect(total).toBe(o['allocated-qty'] ?? 0);
            expect(total).toBeLessThanOrEqual(Number(o['quantity-purchased']));
            for (const p of picks)
              used.set(`${o.sku}|${p.location}`, (used.get(`${o.sku}|${p.location}`) ?? 0) + p.qty);
          }
          for (const i of inv) {
            if (i.location === 'Z-9') {
              expect(i.reserved ?? null).toBeNull();
              continue;
            }
            const onHand = Number(i['on-hand']);
            expect(Number(i.reserved)).toBeLessThanOrEqual(onHand);
            expect(Number(i.reserved) + Number(i.available)).toBe(onHand);
            expect(Number(i.reserved)).toBe(used.get(`${i.sku}|${i.location}`) ?? 0);
          }
          const snapshot = await b.read(['Orders', 'Inventory', 'Shortages', 'Purchase List', 'Log']);
          await checkStock(b, { now: new Date('2026-12-02T00:00:00Z') });
          expect(await b.read(['Orders', 'Inventory', 'Shortages', 'Purchase List', 'Log'])).toEqual(
            snapshot,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
