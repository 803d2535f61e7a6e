import type { Box } from '../../../src/core/packing/boxes';
import type { PackItem } from '../../../src/core/packing/packOrder';
import { packOrder } from '../../../src/core/packing/packOrder';

const box = (
  name: string,
  l: number,
  w: number,
  h: number,
  tareOz = 4,
  maxOz: number | null = null,
): Box => ({ name, sidesIn: [l, w, h], tareOz, maxOz });
const S = box('S-BOX', 8, 6, 6);
const M = box('M-BOX', 12, 10, 6, 8);
const L = box('L-BOX', 18, 14, 8, 14, 400);
const BOXES = [L, S, M];
const item = (
  rowNumber: number,
  sku: string,
  quantity: number,
  unitWeightOz: number,
  sides: [number, number, number],
  b: Box | null,
  separate = false,
): PackItem => ({
  rowNumber,
  sku,
  quantity,
  unitWeightOz,
  unitSidesIn: sides,
  box: b,
  separate,
});

describe('packOrder', () => {
  test('two items that name S-BOX share it when their volume fits: 6x5x5 (150) + 5x4x4 (80) = 230 <= 8x6x6 = 288', () => {
    const r = packOrder(
      [item(2, 'MUG', 1, 17.6, [6, 5, 5], S), item(3, 'CANDLE', 1, 14, [5, 4, 4], S)],
      BOXES,
    );
    expect(r).toEqual({
      ok: true,
      packages: [{ number: 1, box: 'S-BOX', weightOz: 17.6 + 14 + 4, sidesIn: [8, 6, 6], rows: [2, 3] }],
    });
  });

  test('6 mugs (6 × 150 = 900 in³) outgrow S-BOX and M-BOX (720): the smallest that holds them is L-BOX (2016)', () => {
    const r = packOrder([item(2, 'MUG', 6, 17.6, [6, 5, 5], S)], BOXES);
    expect(r.ok && r.packages[0]).toMatchObject({ box: 'L-BOX', rows: [2] });
    expect(r.ok && r.packages[0].weightOz).toBeCloseTo(6 * 17.6 + 14, 9);
  });

  test('own packaging ships alone, units stacked on the shortest side: 2 × 25x19x2 → 25x19x4', () => {
    const r = packOrder(
      [item(2, 'BOARD', 2, 144, [25, 19, 2], null), item(3, 'MUG', 1, 17.6, [6, 5, 5], S)],
      BOXES,
    );
    expect(r.ok && r.packages).toEqual([
      { number: 1, box: null, weightOz: 288, sidesIn: [25, 19, 4], rows: [2] },
      { number: 2, box: 'S-BOX', weightOz: 21.6, sidesIn: [8, 6, 6], rows: [3] },
    ]);
  });

  test('a rule that ships an item separately gives it its own package', () => {
    const r = packOrder(
      [item(2, 'HAZ-SPRAY', 1, 10, [6, 3, 3], S, true), item(3, 'MUG', 1, 17.6, [6, 5, 5], S)],
      BOXES,
    );
    expect(r.ok && r.packages.map((p) => p.rows)).toEqual([[2], [3]]);
  });

  test('when no box holds everything, each item line gets its own box', () => {
    // 2 lamps (2 × 756 = 1512) + 4 mugs (600) = 2112 > L-BOX 2016; alone, the mugs fit M-BOX (720)
    const r = packOrder(
      [item(2, 'LAMP', 2, 51.2, [18, 7, 6], L), item(3, 'MUG', 4, 17.6, [6, 5, 5], S)],
      BOXES,
    );
    expect(r.ok && r.packages.map((p) => [p.box, p.rows])).toEqual([
      ['L-BOX', [2]],
      ['M-BOX', [3]],
    ]);
  });

  test("a box's weight limit counts: 3 × 150 oz = 450 oz is over L-BOX's 400 oz, and no other box is big enough", () => {
    const r = packOrder([item(5, 'LAMP', 3, 150, [18, 7, 6], L)], BOXES);
    expect(r).toEqual({
      ok: false,
      rowNumber: 5,
      message: 'no box in Boxes holds 3 × LAMP (18x7x6 in, 450 oz) and is at least as large as L-BOX',
    });
  });
});
