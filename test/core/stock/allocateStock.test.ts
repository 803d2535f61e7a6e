import fc from 'fast-check';
import type { Demand, StockLot } from '../../../src/core/stock/allocateStock';
import { allocateStock, compareDemand, formatPicks, parsePicks } from '../../../src/core/stock/allocateStock';

const T0 = Date.UTC(2026, 11, 1);
const H = 3600_000;

function demand(id: string, sku: string, quantity: number, over: Partial<Demand> = {}): Demand {
  return { id, orderId: `O-${id}`, sku, quantity, shipBy: T0, isPrime: false, purchasedAt: T0 - H, ...over };
}

describe('allocateStock', () => {
  it('allocates oldest ship-by first when stock is short', () => {
    const lots: StockLot[] = [{ sku: 'MUG', location: 'A-01', onHand: 3, rank: 0 }];
    const r = allocateStock(lots, [
      demand('late', 'MUG', 2, { shipBy: T0 + 2 * H }),
      demand('early', 'MUG', 2),
    ]);
    expect(r.items.map((i) => [i.id, i.allocated])).toEqual([
      ['late', 1],
      ['early', 2],
    ]);
    expect(r.reserved).toEqual([3]);
  });

  it('puts Prime before non-Prime on the same ship-by, then the earlier purchase', () => {
    const lots: StockLot[] = [{ sku: 'MUG', location: 'A-01', onHand: 2, rank: 0 }];
    const r = allocateStock(lots, [
      demand('a', 'MUG', 1, { purchasedAt: T0 - 5 * H }),
      demand('b', 'MUG', 1, { isPrime: true }),
      demand('c', 'MUG', 1, { purchasedAt: T0 - 9 * H }),
    ]);
    expect(r.items.map((i) => i.allocated)).toEqual([0, 1, 1]);
  });

  it('picks the first-ranked location first, then by name, and splits across locations', () => {
    const lots: StockLot[] = [
      { sku: 'MUG', location: 'B-STORE', onHand: 5, rank: 1 },
      { sku: 'MUG', location: 'A-02', onHand: 1, rank: 0 },
      { sku: 'MUG', location: 'A-01', onHand: 2, rank: 0 },
    ];
    const r = allocateStock(lots, [demand('x', 'mug', 4)]);
    expect(formatPicks(r.items[0].picks)).toBe('A-01:2; A-02:1; B-STORE:1');
    expect(r.reserved).toEqual([1, 1, 2]);
  });

  it('holds the full items of an order whose other item is short, unless shipping what it can', () => {
    const lots: StockLot[] = [
      { sku: 'SOCK', location: 'A', onHand: 5, rank: 0 },
      { sku: 'KNIFE', location: 'A', onHand: 0, rank: 0 },
    ];
    const items = [demand('1', 'SOCK', 1, { orderId: 'O' }), demand('2', 'KNIFE', 1, { orderId: 'O' })];
    const held = allocateStock(lots, items, { shipComplete: true });
    expect(held.items.map((i) => [i.allocated, i.held])).toEqual([
      [1, true],
      [0, false],
    ]);
    const partial = allocateStock(lots, items, { shipComplete: false });
    expect(partial.items.map((i) => i.held)).toEqual([false, false]);
  });

  it('consumes a pinned (labeled) item exactly where it was picked, before earlier ship-by items', () => {
    const lots: StockLot[] = [
      { sku: 'MUG', location: 'A-01', onHand: 2, rank: 0 },
      { sku: 'MUG', location: 'B', onHand: 2, rank: 1 },
    ];
    const r = allocateStock(lots, [
      demand('new', 'MUG', 3),
      demand('labeled', 'MUG', 2, { shipBy: T0 + 9 * H, pinned: true, picks: [{ location: 'B', qty: 2 }] }),
    ]);
    expect(formatPicks(r.items[1].picks)).toBe('B:2');
    expect(r.items[0].allocated).toBe(2);
    expect(r.items[1].missing).toBe(0);
  });

  it('reports the units a pinned item recorded but the shelf no longer has', () => {
    const lots: StockLot[] = [{ sku: 'MUG', location: 'A-01', onHand: 1, rank: 0 }];
    const r = allocateStock(lots, [
      demand('l', 'MUG', 3, { pinned: true, picks: [{ location: 'A-01', qty: 3 }] }),
    ]);
    expect(r.items[0]).toMatchObject({ allocated: 1, missing: 2 });
  });

  it('reads back the allocated-from text it writes', () => {
    expect(parsePicks('A-01:2; B-STORE:1')).toEqual([
      { location: 'A-01', qty: 2 },
      { location: 'B-STORE', qty: 1 },
    ]);
    expect(parsePicks('somewhere')).toBeNull();
  });
});

// ---- properties over random stock and orders ----

const SKUS = ['S1', 'S2', 'S3', 'S4'];
const LOCS = ['A-01', 'A-02', 'B-STORE'];

const lotsArb = fc.uniqueArray(
  fc.record({
    sku: fc.constantFrom(...SKUS),
    location: fc.constantFrom(...LOCS),
    onHand: fc.nat({ max: 12 }),
    rank: fc.nat({ max: 2 }),
  }),
  { selector: (l) => `${l.sku}|${l.location}`, maxLength: 12 },
);

const demandsArb = fc
  .array(
    fc.record({
      orderId: fc.constantFrom('O1', 'O2', 'O3', 'O4', 'O5', 'O6'),
      sku: fc.constantFrom(...SKUS),
      quantity: fc.nat({ max: 6 }),
      shipBy: fc.option(
        fc.integer({ min: 0, max: 5 }).map((d) => T0 + d * 24 * H),
        { nil: null },
      ),
      isPrime: fc.boolean(),
      purchasedAt: fc.option(
        fc.integer({ min: 0, max: 48 }).map((h) => T0 - h * H),
        { nil: null },
      ),
    }),
    { maxLength: 30 },
  )
  .map((ds) => ds.map((d, i) => ({ ...d, id: `I${String(i).padStart(3, '0')}` })));

const optionsArb = fc.record({ shipComplete: fc.boolean() });

describe('allocateStock properties', () => {
  it('never allocates more than on hand at a SKU and location, and reserved + available = on hand', () => {
    fc.assert(
      fc.property(lotsArb, demandsArb, optionsArb, (lots, demands, options) => {
        const r = allocateStock(lots, demands, options);
        const used = new Map<string, number>();
        r.items.forEach((a, i) => {
          expect(a.allocated).toBeLessThanOrEqual(demands[i].quantity);
          expect(a.picks.reduce((s, p) => s + p.qty, 0)).toBe(a.allocated);
          for (const p of a.picks) {
            const k = `${demands[i].sku}|${p.location}`;
            used.set(k, (used.get(k) ?? 0) + p.qty);
          }
        });
        lots.forEach((l, i) => {
          const k = `${l.sku}|${l.location}`;
          expect(used.get(k) ?? 0).toBe(r.reserved[i]);
          expect(r.reserved[i]).toBeLessThanOrEqual(l.onHand);
          const available = l.onHand - r.reserved[i];
          expect(available).toBeGreaterThanOrEqual(0);
          expect(r.reserved[i] + available).toBe(l.onHand);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer for the same input, in whatever order rows come', () => {
    fc.assert(
      fc.property(lotsArb, demandsArb, optionsArb, fc.nat(), (lots, demands, options, seed) => {
        const a = allocateStock(lots, demands, options);
        const again = allocateStock(lots, demands, options);
        expect(again).toEqual(a);
        // Shuffle both inputs deterministically; each item and lot must get the same allocation.
        const order = (n: number) =>
          Array.from({ length: n }, (_, i) => i).sort(
            (x, y) => ((x * 7919 + seed) % 97) - ((y * 7919 + seed) % 97) || x - y,
          );
        const lo = order(lots.length);
        const doo = order(demands.length);
        const b = allocateStock(
          lo.map((i) => lots[i]),
          doo.map((i) => demands[i]),
          options,
        );
        doo.forEach((orig, j) => expect(b.items[j]).toEqual(a.items[orig]));
        lo.forEach((orig, j) => expect(b.reserved[j]).toBe(a.reserved[orig]));
      }),
      { numRuns: 200 },
    );
  });

  it('never starves an earlier ship-by item for a later one of the same SKU', () => {
    fc.assert(
      fc.property(lotsArb, demandsArb, optionsArb, (lots, demands, options) => {
        const r = allocateStock(lots, demands, options);
        demands.forEach((early, i) => {
          if (r.items[i].allocated >= early.quantity) return;
          // Short: every item of the same SKU that got any stock must come first in priority.
          demands.forEach((other, j) => {
            if (other.sku !== early.sku || r.items[j].allocated === 0 || i === j) return;
            expect(compareDemand(other, early)).toBeLessThan(0);
            if (early.shipBy !== null && other.shipBy !== null)
              expect(other.shipBy).toBeLessThanOrEqual(early.shipBy);
            if (early.shipBy !== null) expect(other.shipBy).not.toBeNull();
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no stock free for a SKU while one of its items is short', () => {
    fc.assert(
      fc.property(lotsArb, demandsArb, optionsArb, (lots, demands, options) => {
        const r = allocateStock(lots, demands, options);
        const free = new Map<string, number>();
        lots.forEach((l, i) => free.set(l.sku, (free.get(l.sku) ?? 0) + l.onHand - r.reserved[i]));
        demands.forEach((d, i) => {
          if (r.items[i].allocated < d.quantity) expect(free.get(d.sku) ?? 0).toBe(0);
        });
      }),
      { numRuns: 200 },
    );
  });
});
