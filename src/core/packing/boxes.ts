/** The Boxes sheet read into boxes with sides in inches (longest first) and weights in ounces. */
import { toInches, toOunces } from '../carriers/units';
import type { LengthUnit, WeightUnit } from '../carriers/units';
import { boxesTable } from '../tables/boxes';
import type { Grid } from '../tables/cell';
import { decodeTable } from '../tables/decodeTable';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';

export interface Box {
  readonly name: string;
  /** Outside sides, longest first. */
  readonly sidesIn: readonly [number, number, number];
  readonly tareOz: number;
  readonly maxOz: number | null;
}

export function readBoxes(grid: Grid | null): { boxes: Map<string, Box>; problems: Problem[] } {
  const table = decodeTable(boxesTable, grid ?? []);
  const problems: Problem[] = [...table.problems];
  const boxes = new Map<string, Box>();
  for (const r of table.rows) {
    if (!r.valid) continue;
    const b = r.record;
    const k = b.box.trim().toLowerCase();
    if (boxes.has(k)) {
      problems.push(problem(boxesTable.name, r.rowNumber, 'box', `box ${b.box} is defined twice`));
      continue;
    }
    const lu = (b['dimension-unit'] ?? 'in') as LengthUnit;
    const wu = (b['weight-unit'] ?? 'oz') as WeightUnit;
    const sides = [b.length, b.width, b.height].map((s) => toInches(s, lu)).sort((x, y) => y - x);
    if (sides[2] <= 0) {
      problems.push(
        problem(boxesTable.name, r.rowNumber, 'height', `box ${b.box} needs three sides above zero`),
      );
      continue;
    }
    boxes.set(k, {
      name: b.box.trim(),
      sidesIn: [sides[0], sides[1], sides[2]],
      tareOz: toOunces(b.weight ?? 0, wu),
      maxOz: b['max-weight'] === null ? null : toOunces(b['max-weight'], wu),
    });
  }
  return { boxes, problems };
}
