import { buildPickList, ordersInPickOrder, parseAllocatedFrom, UNALLOCATED } from '../../../src/core';

const item = (orderId: string, sku: string, quantity: number, allocatedFrom: string | null, row = 2) => ({
  orderId,
  sku,
  title: sku,
  quantity,
  allocatedFrom,
  row,
});

describe('allocated-from', () => {
  test('reads the stock step format', () => {
    expect(parseAllocatedFrom('A-01:2; B-STORE:1', 3)).toEqual({
      ok: true,
      picks: [
        { location: 'A-01', quantity: 2 },
        { location: 'B-STORE', quantity: 1 },
      ],
    });
    expect(parseAllocatedFrom('A-01', 2)).toEqual({ ok: true, picks: [{ location: 'A-01', quantity: 2 }] });
    expect(parseAllocatedFrom('A-01:two', 2).ok).toBe(false);
  });
});

describe('pick list', () => {
  test('sorts by location (A-2 before A-10) then SKU, sums units and lists the orders each line serves', () => {
    const list = buildPickList([
      item('o1', 'SKU-B', 1, 'A-10:1'),
      item('o2', 'SKU-A', 2, 'A-2:2'),
      item('o3', 'SKU-B', 1, 'A-10:1'),
      item('o3', 'SKU-A', 1, 'A-10:1'),
      item('o4', 'SKU-C', 3, 'A-2:1; B-STORE:2'),
    ]);
    expect(list.lines.map((l) => [l.location, l.sku, l.quantity, l.orders])).toEqual([
      ['A-2', 'SKU-A', 2, ['o2']],
      ['A-2', 'SKU-C', 1, ['o4']],
      ['A-10', 'SKU-A', 1, ['o3']],
      ['A-10', 'SKU-B', 2, ['o1', 'o3']],
      ['B-STORE', 'SKU-C', 2, ['o4']],
    ]);
    expect(list.totalUnits).toBe(8);
    expect(list.totalOrders).toBe(4);
    expect(ordersInPickOrder(list, ['o1', 'o3', 'o4', 'o2'])).toEqual(['o2', 'o4', 'o3', 'o1']);
  });

  test('units without a location, or with an unreadable one, are listed last and reported', () => {
    const list = buildPickList([
      item('o1', 'S', 2, 'A-01:1'),
      item('o2', 'S', 1, 'A-01:x', 7),
      item('o3', 'T', 1, null),
    ]);
    expect(list.lines.map((l) => [l.location, l.sku, l.quantity])).toEqual([
      ['A-01', 'S', 1],
      [UNALLOCATED, 'S', 2],
      [UNALLOCATED, 'T', 1],
    ]);
    expect(list.problems).toEqual([{ row: 7, message: expect.stringContaining('allocated-from') }]);
    expect(list.totalUnits).toBe(4);
  });
});
