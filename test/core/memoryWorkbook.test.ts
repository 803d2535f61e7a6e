/** The in-memory backend's own guarantees beyond the contract: copy-on-write writes and formats by cell. */
import { formatAt, MemoryWorkbook } from '../../src/core';

describe('MemoryWorkbook', () => {
  test('a plan that fails part-way leaves every sheet as it was, rows written before the failure included', async () => {
    const book = new MemoryWorkbook('m', { A: [['h'], ['1'], ['2']], B: [['x']] });
    await expect(
      book.write({
        sheets: [
          { sheet: 'A', blocks: [{ row: 2, col: 1, values: [['changed']] }] },
          { sheet: 'Missing', blocks: [{ row: 1, col: 1, values: [['y']] }] },
        ],
      }),
    ).rejects.toThrow('no sheet named Missing');
    expect((await book.read(['A'])).get('A')).toEqual([['h'], ['1'], ['2']]);
  });

  test('a grid read before a write does not change with it; untouched sheets and rows stay as they were', async () => {
    const book = new MemoryWorkbook('m', {
      A: [
        ['h', 'v'],
        ['1', 'a'],
        ['2', 'b'],
      ],
      B: [['x'], ['y']],
    });
    const before = (await book.read(['A'])).get('A')!;
    await book.write({ sheets: [{ sheet: 'A', blocks: [{ row: 3, col: 2, values: [['B'], ['C']] }] }] });
    await book.write({ sheets: [{ sheet: 'A', blocks: [{ row: 2, col: 3, values: [['z']] }] }] });
    expect(before).toEqual([
      ['h', 'v'],
      ['1', 'a'],
      ['2', 'b'],
    ]);
    const got = await book.read(['A', 'B']);
    expect(got.get('A')).toEqual([
      ['h', 'v'],
      ['1', 'a', 'z'],
      ['2', 'B'],
      [null, 'C'],
    ]);
    expect(got.get('B')).toEqual([['x'], ['y']]);
  });

  test('formats apply to the data rows of each block column, the last write winning, never to the header', async () => {
    const book = new MemoryWorkbook('m', { A: [['a', 'b']] });
    await book.write({
      sheets: [
        {
          sheet: 'A',
          blocks: [
            {
              row: 1,
              col: 1,
              values: [
                ['a', 'b'],
                ['1', 2],
                ['3', 4],
              ],
              formats: ['text', 'int'],
            },
          ],
        },
      ],
    });
    await book.write({
      sheets: [{ sheet: 'A', blocks: [{ row: 3, col: 2, values: [[4.5]], formats: ['decimal'] }] }],
    });
    const sheet = book.sheet('A')!;
    expect(formatAt(sheet, 1, 1)).toBeUndefined();
    expect([
      formatAt(sheet, 2, 1),
      formatAt(sheet, 3, 1),
      formatAt(sheet, 2, 2),
      formatAt(sheet, 3, 2),
    ]).toEqual(['text', 'text', 'int', 'decimal']);
    expect(formatAt(sheet, 4, 1)).toBeUndefined();
  });
});
