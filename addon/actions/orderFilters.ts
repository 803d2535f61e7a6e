/**
 * Which Orders rows a run works on. A selection or a pass is widened to whole orders: every item of an order
 * the seller selected (or whose first row falls in the pass) is in, so a multi-item order is never split.
 */
import type { Grid } from '../../src/core';
import { cellText, indexColumns, ordersTable } from '../../src/core';
import type { RowFilter } from './filteredWorkbook';

/** For each data row, the row number of its order's first item (or the row itself when it has no order id). */
function firstRowOfOrder(grid: Grid): number[] {
  const col = indexColumns(ordersTable, grid[0] ?? []).positions.get('order-id');
  const first = new Map<string, number>();
  const out: number[] = [];
  for (let i = 1; i < grid.length; i++) {
    const id = col === undefined ? '' : cellText(grid[i]?.[col] ?? null).trim();
    if (id === '') {
      out[i + 1] = i + 1;
      continue;
    }
    if (!first.has(id)) first.set(id, i + 1);
    out[i + 1] = first.get(id)!;
  }
  return out;
}

/** Remembers the order structure of the grid it was last asked about (the view asks with the same grid). */
function memoFirstRows(): (grid: Grid) => number[] {
  let last: Grid | null = null;
  let rows: number[] = [];
  return (grid) => {
    if (grid !== last) {
      last = grid;
      rows = firstRowOfOrder(grid);
    }
    return rows;
  };
}

/** Rows of the orders that have at least one selected row. */
export function selectedOrders(selectedRows: ReadonlySet<number>): RowFilter {
  const firstRows = memoFirstRows();
  let lastGrid: Grid | null = null;
  let orders = new Set<number>();
  return (rowNumber, grid) => {
    const first = firstRows(grid);
    if (grid !== lastGrid) {
      lastGrid = grid;
      orders = new Set([...selectedRows].map((r) => first[r]).filter((r) => r !== undefined));
    }
    return orders.has(first[rowNumber] ?? rowNumber);
  };
}

/** Rows of the orders whose first item is on a row in [fromRow, toRow). */
export function ordersStartingIn(fromRow: number, toRow: number): RowFilter {
  const firstRows = memoFirstRows();
  return (rowNumber, grid) => {
    const first = firstRows(grid)[rowNumber] ?? rowNumber;
    return first >= fromRow && first < toRow;
  };
}

export function both(a: RowFilter | null, b: RowFilter | null): RowFilter | null {
  if (!a) return b;
  if (!b) return a;
  return (row, grid) => a(row, grid) && b(row, grid);
}
