import { importReturns, isSellable, reportDateToIso, restockReturns } from '../../../src/core';
import { book, context, grid, order, rowsOf } from './fixtures';

const A = '111-0000001-0000001';

/** Amazon's seller-fulfilled returns report, as Seller Central writes its header (Title Case, spaces). */
const REPORT = [
  [
    'Order ID',
    'Order date',
    'Return request date',
    'Return request status',
    'Amazon RMA ID',
    'Merchant SKU',
    'Item Name',
    'Return quantity',
    'Return reason',
    'Currency code',
    'Refunded Amount',
  ],
  [
    A,
    '28-Nov-2026',
    '30-Nov-2026',
    'Approved',
    'DzKhR3gTRMA',
    'MUG-RED',
    'Red mug',
    '2',
    'CR-DEFECTIVE',
    'USD',
    '25.98',
  ],
  [
    '111-0000002-0000002',
    '28-Nov-2026',
    '01-Dec-2026',
    'Approved',
    'DzKhR9kQRMA',
    'MUG-BLUE',
    'Blue mug',
    '1',
    'CR-UNWANTED_ITEM',
    'USD',
    '12.99',
  ],
];

function workbook() {
  return book({
    Orders: grid([
      order(A, '10000000000001', { sku: 'MUG-RED', 'quantity-purchased': 2, status: 'Shipped' }),
      order('111-0000002-0000002', '20000000000001', {
        sku: 'MUG-BLUE',
        'quantity-purchased': 1,
        status: 'Shipped',
      }),
    ]),
    Inventory: grid([
      { sku: 'MUG-RED', location: 'A-01', 'on-hand': 10, reserved: 0, available: 10 },
      { sku: 'MUG-BLUE', location: 'A-02', 'on-hand': 3 },
      { sku: 'MUG-BLUE', location: 'B-STORE', 'on-hand': 5 },
    ]),
    Settings: grid([{ key: 'location-rank', value: 'B-STORE, A-01, A-02' }]),
  });
}

describe('returns', () => {
  test("Amazon's returns report imports with its own headers, dates and refunds", async () => {
    const b = workbook();
    const [imported] = await importReturns(b, REPORT, 'returns.txt', context);
    expect(imported.problems).toEqual([]);
    const rows = await rowsOf(b, 'Returns');
    expect(rows[0]).toMatchObject({
      'return-id': 'DzKhR3gTRMA',
      'order-id': A,
      sku: 'MUG-RED',
      quantity: 2,
      'return-reason': 'CR-DEFECTIVE',
      'return-date': '2026-11-30',
      refund: 25.98,
      currency: 'USD',
    });
  });

  test('sellable returns are restocked to their location or the first ranked one, never twice', async () => {
    const b = workbook();
    await importReturns(b, REPORT, 'returns.txt', context);
    // The seller inspects the returns and types the condition (the report has none).
    const g = (await b.read(['Returns'])).get('Returns')!;
    const cond = g[0].map(String).indexOf('condition');
    await b.write({
      sheets: [
        {
          sheet: 'Returns',
          blocks: [{ row: 1, col: cond + 1, values: [['condition'], ['Damaged'], ['Sellable']] }],
        },
      ],
    });
    const first = await restockReturns(b, context);
    expect(first.stats).toMatchObject({ restocked: 1, units: 1, notSellable: 1 });
    const inv = await rowsOf(b, 'Inventory');
    expect(inv.map((r) => [r.sku, r.location, r['on-hand']])).toEqual([
      ['MUG-RED', 'A-01', 10],
      ['MUG-BLUE', 'A-02', 3],
      ['MUG-BLUE', 'B-STORE', 6],
    ]);
    const returns = await rowsOf(b, 'Returns');
    expect(returns.map((r) => [r.restocked, r['restocked-at']])).toEqual([
      [null, null],
      [true, '2026-12-01T17:00:00Z'],
    ]);
    const again = await restockReturns(b, context);
    expect(again.stats.restocked).toBe(0);
    expect(await rowsOf(b, 'Inventory')).toEqual(inv);
    // Re-importing the same report changes nothing and restocks nothing.
    const [reimported, restock] = await importReturns(b, REPORT, 'returns.txt', context);
    expect(reimported.stats).toMatchObject({ added: 0, updated: 0 });
    expect(restock.stats.restocked).toBe(0);
    expect(await rowsOf(b, 'Inventory')).toEqual(inv);
  });

  test('typed returns: available moves with on-hand; a new location gets a row; more back than ordered is refused', async () => {
    const b = workbook();
    await b.write({
      sheets: [
        {
          sheet: 'Returns',
          create: true,
          blocks: [
            {
              row: 1,
              col: 1,
              values: [
                ['return-id', 'order-id', 'sku', 'quantity', 'condition', 'location', 'refund', 'currency'],
                ['R1', A, 'MUG-RED', 1, 'Like new', null, 12.99, 'USD'],
                ['R2', A, 'MUG-RED', 1, 'sellable', 'C-09', 12.99, 'USD'],
                ['R3', '111-0000002-0000002', 'MUG-BLUE', 2, 'Sellable', null, 0, 'USD'],
              ],
            },
          ],
        },
      ],
    });
    const r = await restockReturns(b, context);
    expect(r.problems).toEqual([
      expect.objectContaining({
        sheet: 'Returns',
        row: 4,
        column: 'quantity',
        message: expect.stringMatching(/add up to 2 units but 1 were ordered/),
      }),
    ]);
    const inv = await rowsOf(b, 'Inventory');
    expect(inv.map((x) => [x.sku, x.location, x['on-hand'], x.available])).toEqual([
      ['MUG-RED', 'A-01', 11, 11],
      ['MUG-BLUE', 'A-02', 3, null],
      ['MUG-BLUE', 'B-STORE', 5, null],
      ['MUG-RED', 'C-09', 1, null],
    ]);
  });

  test.each([
    ['Sellable', true],
    ['like new', true],
    ['Unopened', true],
    ['Damaged', false],
    ['Defective', false],
    ['', false],
  ])('isSellable(%j) = %j', (c, expected) => expect(isSellable(c)).toBe(expected));

  test('report dates', () => {
    expect(reportDateToIso('06-Jan-2026')).toBe('2026-01-06');
    expect(reportDateToIso('1/6/2026')).toBe('2026-01-06');
    expect(reportDateToIso('2026-01-06')).toBeNull();
  });
});
