/** Selections and passes: a step sees only the chosen orders' rows, and rows it cannot see never change. */
import fc from 'fast-check';
import type { Grid, Workbook } from '../../src/core';
import { MemoryWorkbook, TableEditor, decodeTable, ordersTable } from '../../src/core';
import { FilteredWorkbook } from '../../addon/actions/filteredWorkbook';
import { ordersStartingIn, selectedOrders } from '../../addon/actions/orderFilters';
import { mergeSpans, rowsOf } from '../../addon/actions/selection';

const HEADER = ['order-id', 'order-item-id', 'sku', 'quantity-purchased', 'my notes', 'status'];

function orders(ids: string[]): Grid {
  return [HEADER, ...ids.map((id, i) => [id, `item-${i + 2}`, `SKU-${i}`, 1, `note ${i}`, 'New'])];
}

/** A real step's shape: read Orders, mark every row it sees, one write. */
async function markAll(book: Workbook): Promise<number[]> {
  const grid = (await book.read(['Orders'])).get('Orders')!;
  const t = decodeTable(ordersTable, grid, { checkRequired: false });
  const editor = new TableEditor(ordersTable, grid, ['status']);
  for (const r of t.rows) editor.update(r.rowNumber, { status: 'Allocated' });
  await book.write({ sheets: [editor.toWrite()] });
  return t.rows.map((r) => r.rowNumber);
}

describe('FilteredWorkbook', () => {
  it('widens a selection to whole orders and restores hidden rows inside a written block', async () => {
    const book = new MemoryWorkbook('m', { Orders: orders(['A', 'A', 'B', 'C', 'C', 'D']) });
    // Rows 3 (order A) and 7 (order D) selected: the block the step writes spans rows 2–7.
    const seen = await markAll(new FilteredWorkbook(book, 'Orders', selectedOrders(new Set([3, 7]))));
    expect(seen).toEqual([2, 3, 7]);
    const after = (await book.read(['Orders'])).get('Orders')!;
    expect(after.map((r) => r[5])).toEqual([
      'status',
      'Allocated',
      'Allocated',
      'New',
      'New',
      'New',
      'Allocated',
    ]);
    expect(after.map((r) => r[4])).toEqual(orders(['A', 'A', 'B', 'C', 'C', 'D']).map((r) => r[4]));
  });

  it('runs passes of whole orders: an order starting in a pass is in it, whole', async () => {
    const grid = orders(['A', 'A', 'B', 'C', 'C', 'D']);
    const book = new MemoryWorkbook('m', { Orders: grid });
    expect(await markAll(new FilteredWorkbook(book, 'Orders', ordersStartingIn(2, 5)))).toEqual([2, 3, 4]);
    expect(await markAll(new FilteredWorkbook(book, 'Orders', ordersStartingIn(5, 8)))).toEqual([5, 6, 7]);
  });

  it('never changes a row the step could not see (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(40), { maxLength: 6 }),
        async (ids, picks) => {
          const initial = orders(ids);
          const book = new MemoryWorkbook('m', { Orders: initial });
          const selected = new Set(picks.map((p) => 2 + (p % ids.length)));
          const chosenOrders = new Set([...selected].map((r) => ids[r - 2]));
          const seen = await markAll(new FilteredWorkbook(book, 'Orders', selectedOrders(selected)));
          const after = (await book.read(['Orders'])).get('Orders')!;
          ids.forEach((id, i) => {
            const row = i + 2;
            const visible = chosenOrders.has(id);
            expect(seen.includes(row)).toBe(visible);
            expect(after[i + 1][5]).toBe(visible ? 'Allocated' : 'New');
            expect(after[i + 1].slice(0, 5)).toEqual(initial[i + 1].slice(0, 5));
          });
        },
      ),
      { numRuns: 150, seed: 8 },
    );
  });
});

describe('selection spans', () => {
  it('merges overlapping and adjacent spans', () => {
    expect(
      mergeSpans([
        { from: 9, to: 12 },
        { from: 2, to: 4 },
        { from: 5, to: 5 },
        { from: 11, to: 20 },
      ]),
    ).toEqual([
      { from: 2, to: 5 },
      { from: 9, to: 20 },
    ]);
    expect([...rowsOf([{ from: 3, to: 5 }])]).toEqual([3, 4, 5]);
  });
});
