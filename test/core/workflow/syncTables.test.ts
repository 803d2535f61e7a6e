import {
  decodeTable,
  inventoryTable,
  logTable,
  MemoryWorkbook,
  ordersTable,
  syncTables,
} from '../../../src/core';

const ctx = { now: new Date('2026-12-01T17:00:00Z'), user: 'sync-test' };
const opts = { action: 'sync pull', tables: [inventoryTable, ordersTable] };

describe('syncTables', () => {
  it('copies Shipsheet columns by key and keeps the columns and rows only one side has', async () => {
    const google = new MemoryWorkbook('gsheet:G', {
      Inventory: [
        ['sku', 'location', 'on-hand', 'google note'],
        ['MUG-1', 'A-01', 7, 'from google'],
        ['TEE-2', 'B-STORE', 3, null],
      ],
    });
    const local = new MemoryWorkbook('local.xlsx', {
      Inventory: [
        ['my col', 'on-hand', 'location', 'sku'],
        ['keep me', 5, 'A-01', 'MUG-1'],
        ['local only', 1, 'A-02', 'OLD-9'],
      ],
    });
    const result = await syncTables(google, local, ctx, opts);
    expect(result.ok).toBe(true);
    expect(result.stats).toMatchObject({ added: 1, updated: 1, unchanged: 0, onlyInTarget: 1 });
    const inv = (await local.read(['Inventory'])).get('Inventory')!;
    expect(inv[0].slice(0, 4)).toEqual(['my col', 'on-hand', 'location', 'sku']);
    expect(inv[1].slice(0, 4)).toEqual(['keep me', 7, 'A-01', 'MUG-1']);
    expect(inv[2].slice(0, 4)).toEqual(['local only', 1, 'A-02', 'OLD-9']);
    const rows = decodeTable(inventoryTable, inv).rows.map((r) => [r.record.sku, r.record['on-hand']]);
    expect(rows).toEqual([
      ['MUG-1', 7],
      ['OLD-9', 1],
      ['TEE-2', 3],
    ]);
    expect(inv[0]).not.toContain('google note');
    expect(result.lines.join('\n')).toMatch(/Orders: not in gsheet:G/);
  });

  it('changes nothing but the Log the second time', async () => {
    const google = new MemoryWorkbook('gsheet:G', {
      Inventory: [
        ['sku', 'location', 'on-hand'],
        ['MUG-1', 'A-01', 7],
      ],
    });
    const local = new MemoryWorkbook('local.xlsx');
    await syncTables(google, local, ctx, opts);
    const first = (await local.read(['Inventory'])).get('Inventory');
    const again = await syncTables(google, local, ctx, opts);
    expect(again.stats).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(again.changes).toEqual([]);
    expect((await local.read(['Inventory'])).get('Inventory')).toEqual(first);
    const log = decodeTable(logTable, (await local.read(['Log'])).get('Log')!);
    expect(log.rows.map((r) => r.record.action)).toEqual(['sync pull', 'sync pull']);
  });

  it('does not copy a cell that does not decode, and reports it with sheet, row and column', async () => {
    const google = new MemoryWorkbook('gsheet:G', {
      Inventory: [
        ['sku', 'location', 'on-hand', 'reorder-point'],
        ['MUG-1', 'A-01', 'lots', 4],
      ],
    });
    const local = new MemoryWorkbook('local.xlsx', {
      Inventory: [
        ['sku', 'location', 'on-hand', 'reorder-point'],
        ['MUG-1', 'A-01', 9, 1],
      ],
    });
    const result = await syncTables(google, local, ctx, opts);
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: 'Inventory (gsheet:G)', row: 2, column: 'on-hand' }),
    ]);
    expect((await local.read(['Inventory'])).get('Inventory')![1]).toEqual(['MUG-1', 'A-01', 9, 4]);
  });

  it('merges keyless Log rows without doubling them, and writes in one call', async () => {
    const row = ['2026-11-30T10:00:00Z', 'import orders'];
    const google = new MemoryWorkbook('gsheet:G', {
      Log: [['time', 'action'], row, ['2026-11-30T11:00:00Z', 'check stock']],
    });
    const local = new MemoryWorkbook('local.xlsx', { Log: [['time', 'action'], row] });
    const result = await syncTables(google, local, ctx, { action: 'sync pull', tables: [logTable] });
    expect(result.stats).toMatchObject({ added: 1, unchanged: 1 });
    const log = decodeTable(logTable, (await local.read(['Log'])).get('Log')!);
    expect(log.rows.map((r) => r.record.action)).toEqual(['import orders', 'check stock', 'sync pull']);
    expect(local.calls.write).toBe(1);
  });

  it('reports rows without a key or with a duplicate key and does not copy them', async () => {
    const google = new MemoryWorkbook('gsheet:G', {
      Orders: [
        ['order-id', 'order-item-id', 'sku', 'quantity-purchased'],
        ['1', '', 'A', 1],
        ['2', '77', 'B', 1],
        ['3', '77', 'C', 1],
      ],
    });
    const local = new MemoryWorkbook('local.xlsx');
    const result = await syncTables(google, local, ctx, opts);
    expect(result.problems.map((p) => [p.row, p.message])).toEqual([
      [2, expect.stringMatching(/has no order-item-id/)],
      [4, expect.stringMatching(/same order-item-id as row 3/)],
    ]);
    const orders = decodeTable(ordersTable, (await local.read(['Orders'])).get('Orders')!, {
      checkRequired: false,
    });
    expect(orders.rows.map((r) => r.record.sku)).toEqual(['B']);
  });
});
