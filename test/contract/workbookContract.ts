/**
 * The Workbook contract: every backend (memory, .xlsx, Google Sheets, the add-on's SpreadsheetApp) must pass it.
 * A backend supplies a factory that builds a workbook holding the given sheets, and a way to reopen it from
 * where it is stored, so persistence is checked too.
 */
import type { Cell, Grid, Workbook } from '../../src/core';
import {
  decodeCell,
  decodeTable,
  importOrders,
  ordersTable,
  parseOrderReport,
  splitTabDelimited,
  TableEditor,
} from '../../src/core';

export interface ContractBackend {
  book: Workbook;
  /** The same workbook as a fresh reader would see it (re-read from disk or server). */
  reopen(): Promise<Workbook>;
  cleanup(): Promise<void>;
}

export type BackendFactory = (initial: Record<string, Grid>) => Promise<ContractBackend>;

const ctx = { now: new Date('2026-12-01T17:00:00Z'), user: 'contract' };

const REPORT = [
  'order-id\torder-item-id\tpurchase-date\tsku\tquantity-purchased\tship-postal-code\trecipient-name\tship-city',
  '111-0687106-4490606\t14027389077212\t2025-09-24T12:02:50+00:00\t0042-SKU\t1\t02134\tJosé Núñez\tAlmuñécar',
  '111-0687106-4490607\t14027389077213\t2025-09-24T13:02:50+00:00\tMUG-1\t2\t30534-4732\tJohn Doe\tDAWSONVILLE',
].join('\n');

export function describeWorkbookContract(name: string, factory: BackendFactory): void {
  describe(`Workbook contract: ${name}`, () => {
    let backend: ContractBackend | null = null;
    const open = async (initial: Record<string, Grid>) => (backend = await factory(initial));
    afterEach(async () => {
      await backend?.cleanup();
      backend = null;
    });

    it('reads a missing sheet as null and an existing one from A1 with ragged rows trimmed', async () => {
      const { book } = await open({ Data: [['a', 'b', 'c'], ['1', null, null], [], ['x', 'y']] });
      const got = await book.read(['Data', 'Nope']);
      expect(got.get('Nope')).toBeNull();
      const grid = got.get('Data')!;
      expect(grid[0]).toEqual(['a', 'b', 'c']);
      expect(grid[1]).toEqual(['1']);
      expect(grid[2] ?? []).toEqual([]);
      expect(grid[3]).toEqual(['x', 'y']);
      expect(await book.sheetNames()).toContain('Data');
    });

    it('writes a block and keeps every other cell, column and sheet as it was', async () => {
      const { book, reopen } = await open({
        Orders: [
          ['order-item-id', 'my notes', 'status'],
          ['1', 'fragile', 'New'],
          ['2', 'gift', 'New'],
        ],
        Other: [
          ['keep', 'me'],
          [42, true],
        ],
      });
      await book.write({
        sheets: [{ sheet: 'Orders', blocks: [{ row: 2, col: 3, values: [['Allocated'], ['Short']] }] }],
      });
      const again = await reopen();
      const got = await again.read(['Orders', 'Other']);
      expect(got.get('Orders')).toEqual([
        ['order-item-id', 'my notes', 'status'],
        ['1', 'fragile', 'Allocated'],
        ['2', 'gift', 'Short'],
      ]);
      expect(got.get('Other')).toEqual([
        ['keep', 'me'],
        [42, true],
      ]);
    });

    it('creates a sheet when asked and refuses to write to a missing one without touching anything', async () => {
      const { book, reopen } = await open({ A: [['h'], ['v']] });
      await expect(
        book.write({
          sheets: [
            { sheet: 'A', blocks: [{ row: 2, col: 1, values: [['changed']] }] },
            { sheet: 'Missing', blocks: [{ row: 1, col: 1, values: [['x']] }] },
          ],
        }),
      ).rejects.toThrow(/Missing/);
      expect((await (await reopen()).read(['A'])).get('A')).toEqual([['h'], ['v']]);
      await book.write({
        sheets: [
          {
            sheet: 'New',
            create: true,
            freezeHeader: true,
            blocks: [
              {
                row: 1,
                col: 1,
                values: [
                  ['k', 'v'],
                  ['a', 'b'],
                ],
              },
            ],
          },
        ],
      });
      expect((await (await reopen()).read(['New'])).get('New')).toEqual([
        ['k', 'v'],
        ['a', 'b'],
      ]);
    });

    it('keeps ids, SKUs and postal codes as text, and numbers, booleans and unicode as they are', async () => {
      const { book, reopen } = await open({ T: [['id', 'zip', 'n', 'b', 'name']] });
      const values: Cell[][] = [
        ['140273890772122', '02134', 10.59, true, 'Almuñécar 東京都'],
        ['000123', '00501', -3, false, 'Zoë “quoted”, comma'],
      ];
      await book.write({
        sheets: [
          {
            sheet: 'T',
            blocks: [{ row: 2, col: 1, values, formats: ['text', 'text', 'money', 'bool', 'text'] }],
          },
        ],
      });
      const grid = (await (await reopen()).read(['T'])).get('T')!;
      expect(grid.slice(1)).toEqual(values);
    });

    it('writes date columns so they read back as the same calendar date', async () => {
      const { book, reopen } = await open({ D: [['ship-date']] });
      await book.write({
        sheets: [
          {
            sheet: 'D',
            blocks: [{ row: 2, col: 1, values: [['2026-12-01'], ['2027-02-28']], formats: ['date', 'date'] }],
          },
        ],
      });
      const grid = (await (await reopen()).read(['D'])).get('D')!;
      const spec = ordersTable.columns.find((c) => c.name === 'ship-date')!;
      expect(grid.slice(1).map((r) => decodeCell(spec, r[0]))).toEqual([
        { ok: true, value: '2026-12-01' },
        { ok: true, value: '2027-02-28' },
      ]);
    });

    it('clears a generated table and deletes rows below a row', async () => {
      const { book, reopen } = await open({
        R: [['a'], ['1'], ['2'], ['3']],
        G: [['old', 'report'], ['x', 'y'], ['z']],
      });
      await book.write({
        sheets: [
          { sheet: 'R', deleteRowsAfter: 2, blocks: [] },
          { sheet: 'G', clear: true, blocks: [{ row: 1, col: 1, values: [['new'], ['1']] }] },
        ],
      });
      const got = await (await reopen()).read(['R', 'G']);
      expect(got.get('R')).toEqual([['a'], ['1']]);
      expect(got.get('G')).toEqual([['new'], ['1']]);
    });

    it('imports an order report idempotently and never touches a user column or workflow column', async () => {
      const { book, reopen } = await open({});
      const report = parseOrderReport(splitTabDelimited(REPORT), 'report.txt');
      const first = await importOrders(book, report, 'report.txt', ctx);
      expect(first.stats).toMatchObject({ added: 2, updated: 0 });
      // A user adds a column and a later step fills status; a re-import must keep both.
      const grid = (await book.read(['Orders'])).get('Orders')!;
      const width = grid[0].length;
      const statusCol = grid[0].indexOf('status') + 1;
      await book.write({
        sheets: [
          {
            sheet: 'Orders',
            blocks: [
              { row: 1, col: width + 1, values: [['packer note'], ['leave at door'], ['']] },
              { row: 2, col: statusCol, values: [['Allocated']] },
            ],
          },
        ],
      });
      const reopened = await reopen();
      const second = await importOrders(reopened, report, 'report.txt', ctx);
      expect(second.stats).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
      const after = (await (await reopen()).read(['Orders'])).get('Orders')!;
      const table = decodeTable(ordersTable, after);
      expect(table.rows.map((r) => r.record.status)).toEqual(['Allocated', 'New']);
      expect(table.rows[0].record['ship-postal-code']).toBe('02134');
      expect(table.rows[0].record.sku).toBe('0042-SKU');
      expect(table.rows[0].record['ship-city']).toBe('Almuñécar');
      expect(after[1][width]).toBe('leave at door');
    });

    it('turns table edits into a constant number of rectangular writes', async () => {
      const rows: Grid = [['sku', 'on-hand', 'my col', 'reserved', 'available']];
      for (let i = 0; i < 300; i++) rows.push([`S${i}`, i, `note ${i}`, null, null]);
      const { book, reopen } = await open({ Inventory: rows });
      const { inventoryTable } = await import('../../src/core');
      const editor = new TableEditor(inventoryTable, (await book.read(['Inventory'])).get('Inventory')!, [
        'reserved',
        'available',
      ]);
      for (let i = 0; i < 300; i++) editor.update(i + 2, { reserved: i % 3, available: i - (i % 3) });
      const write = editor.toWrite();
      expect(write.blocks).toHaveLength(1);
      await book.write({ sheets: [write] });
      const got = (await (await reopen()).read(['Inventory'])).get('Inventory')!;
      expect(got[300]).toEqual(['S299', 299, 'note 299', 2, 297]);
    });
  });
}
