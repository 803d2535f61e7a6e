import fc from 'fast-check';
import type { Cell, Grid, SheetWrite, WritePlan } from '../../../src/core';
import { MemoryWorkbook } from '../../../src/core';
import { FakeSheetsServer } from '../../fakes/fakeSheetsServer';
import { fakeSheetsBook, newSpreadsheet } from '../../fakes/fakeSheetsBook';

const server = new FakeSheetsServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
);

const grid = (maxRows: number): fc.Arbitrary<Grid> =>
  fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: maxRows });

const block = fc
  .record({
    row: fc.integer({ min: 1, max: 12 }),
    col: fc.integer({ min: 1, max: 30 }),
    h: fc.integer({ min: 1, max: 4 }),
    w: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ row, col, h, w }) =>
    fc
      .array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: h, maxLength: h })
      .map((values) => ({ row, col, values })),
  );

const sheetWrite = (sheet: string, create: boolean): fc.Arbitrary<SheetWrite> =>
  fc
    .record({
      blocks: fc.array(block, { maxLength: 3 }),
      clear: fc.boolean(),
      deleteRowsAfter: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      freezeHeader: fc.boolean(),
    })
    .map((w) => ({ sheet, create, ...w }));

describe('the Google Sheets write plan', () => {
  it('leaves the same values as the in-memory reference backend, for any plan', async () => {
    await fc.assert(
      fc.asyncProperty(
        grid(10),
        grid(4),
        sheetWrite('A', false),
        sheetWrite('B', false),
        sheetWrite('New', true),
        fc.option(sheetWrite('A', false), { nil: undefined }),
        fc.option(sheetWrite('New', true), { nil: undefined }),
        async (a, b, wa, wb, wn, again, newAgain) => {
          // A plan may write the same sheet twice (a created one too): later writes see the earlier ones.
          const plan: WritePlan = {
            sheets: [wa, wb, wn, ...(again ? [again] : []), ...(newAgain ? [newAgain] : [])],
          };
          const memory = new MemoryWorkbook('memory', { A: a, B: b });
          const id = newSpreadsheet(server, { A: a, B: b });
          const google = fakeSheetsBook(server, id);
          await memory.write(plan);
          await google.write(plan);
          const names = ['A', 'B', 'New'];
          const [m, g] = [await memory.read(names), await google.read(names)];
          for (const n of names) expect(g.get(n)).toEqual(m.get(n));
          expect(server.sheetTitles(id)).toEqual(['A', 'B', 'New']);
          server.removeSpreadsheet(id);
        },
      ),
      { numRuns: 25, seed: 20261201 },
    );
  });

  it('lets two runs write at once without their staging sheets colliding', async () => {
    const id = newSpreadsheet(server, { A: [['a']], B: [['b']] });
    await Promise.all([
      fakeSheetsBook(server, id).write({
        sheets: [{ sheet: 'A', blocks: [{ row: 2, col: 1, values: [['1']] }] }],
      }),
      fakeSheetsBook(server, id).write({
        sheets: [{ sheet: 'B', blocks: [{ row: 2, col: 1, values: [['2']] }] }],
      }),
    ]);
    expect([server.values(id, 'A'), server.values(id, 'B')]).toEqual([
      [['a'], ['1']],
      [['b'], ['2']],
    ]);
    expect(server.sheetTitles(id)).toEqual(['A', 'B']);
  });
});
