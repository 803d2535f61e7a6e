/**
 * An order's items into packages. Each item has a packaging: a box (its Listings package-type, else the
 * Settings default-box) or its own packaging (the listing's packed size). Boxed items of an order share one
 * box — the smallest in Boxes at least as large as every box they name that holds their volume, their
 * longest sides and their weight — unless a rule ships an item separately, or no box holds them all: then
 * each item line gets its own box. All units of an item line ship in the same package.
 */
import type { Box } from './boxes';

/** Packaging words meaning "ships in its own box or mailer as listed": no outer box. */
export const OWN_PACKAGING = new Set(['own', 'own packaging', 'ships alone', 'none', 'as is', 'sioc']);

export interface PackItem {
  readonly rowNumber: number;
  readonly sku: string;
  readonly quantity: number;
  /** One unit, packed: weight and sides longest first. */
  readonly unitWeightOz: number;
  readonly unitSidesIn: readonly [number, number, number];
  /** A Boxes name, or null for own packaging. */
  readonly box: Box | null;
  readonly separate: boolean;
}

export interface PackedPackage {
  readonly number: number;
  /** Box name, or null for own packaging. */
  readonly box: string | null;
  readonly weightOz: number;
  readonly sidesIn: readonly [number, number, number];
  readonly rows: readonly number[];
}

export type PackResult =
  { ok: true; packages: PackedPackage[] } | { ok: false; rowNumber: number; message: string };

const volume = (s: readonly number[]) => s[0] * s[1] * s[2];
/** Three sides longest first (three compares, no copy and sort: own packaging sorts once per package). */
const sorted = (s: readonly [number, number, number]): [number, number, number] => {
  let [a, b, c] = s;
  if (b > a) [a, b] = [b, a];
  if (c > b) {
    [b, c] = [c, b];
    if (b > a) [a, b] = [b, a];
  }
  return [a, b, c];
};

/** The smallest box that is at least `minVolume`, holds `items`, and every item's sides fit. */
function chooseBox(items: readonly PackItem[], boxes: readonly Box[]): Box | null {
  // Loops, not map/reduce/every closures: this runs for every order (same sums, in the same order).
  let named = 0;
  let need = 0;
  let weight = 0;
  for (const i of items) {
    if (i.box) named = Math.max(named, volume(i.box.sidesIn));
    need += volume(i.unitSidesIn) * i.quantity;
    weight += i.unitWeightOz * i.quantity;
  }
  let best: Box | null = null;
  let bestVolume = 0;
  for (const b of boxes) {
    const v = volume(b.sidesIn);
    if (v + 1e-9 < named || v + 1e-9 < need) continue;
    if (b.maxOz !== null && weight > b.maxOz + 1e-9) continue;
    if (!allFit(items, b.sidesIn)) continue;
    if (!best || v < bestVolume) {
      best = b;
      bestVolume = v;
    }
  }
  return best;
}

/** Every item's unit fits the box's sides (a loop, not `every` with a closure per box tried). */
function allFit(items: readonly PackItem[], box: readonly number[]): boolean {
  for (const i of items) if (!fits(i.unitSidesIn, box)) return false;
  return true;
}

const fits = (sides: readonly number[], box: readonly number[]) =>
  sides[0] <= box[0] + 1e-9 && sides[1] <= box[1] + 1e-9 && sides[2] <= box[2] + 1e-9;

export function packOrder(items: readonly PackItem[], boxes: readonly Box[]): PackResult {
  const groups: { box: Box | null; items: PackItem[]; firstRow: number }[] = [];
  const together: PackItem[] = [];
  for (const item of items) {
    if (item.box === null) {
      // Own packaging: the units stack on their shortest side.
      const [l, w, h] = item.unitSidesIn;
      groups.push({
        box: null,
        items: [{ ...item, unitSidesIn: sorted([l, w, h * item.quantity]) }],
        firstRow: item.rowNumber,
      });
    } else if (item.separate) groups.push({ box: item.box, items: [item], firstRow: item.rowNumber });
    else together.push(item);
  }
  if (together.length > 0) {
    const shared = chooseBox(together, boxes);
    if (shared) groups.push({ box: shared, items: together, firstRow: firstRowOf(together) });
    else for (const i of together) groups.push({ box: i.box, items: [i], firstRow: i.rowNumber });
  }
  const packages: PackedPackage[] = [];
  // Keep the packages in the order of their first item row, so package numbers read like the sheet.
  if (groups.length > 1) groups.sort((a, b) => a.firstRow - b.firstRow);
  for (const g of groups) {
    let itemsWeight = 0;
    for (const i of g.items) itemsWeight += i.unitWeightOz * (g.box === null ? 1 : i.quantity);
    if (g.box === null) {
      const i = g.items[0];
      packages.push({
        number: packages.length + 1,
        box: null,
        weightOz: i.unitWeightOz * i.quantity,
        sidesIn: i.unitSidesIn,
        rows: [i.rowNumber],
      });
      continue;
    }
    const box = g.items.length === 1 ? chooseBox(g.items, boxes) : g.box;
    if (!box) {
      const i = g.items[0];
      return {
        ok: false,
        rowNumber: i.rowNumber,
        message: `no box in Boxes holds ${i.quantity} × ${i.sku} (${i.unitSidesIn.map((s) => Number(s.toFixed(2))).join('x')} in, ${Number((i.unitWeightOz * i.quantity).toFixed(2))} oz) and is at least as large as ${g.box.name}`,
      };
    }
    packages.push({
      number: packages.length + 1,
      box: box.name,
      weightOz: itemsWeight + box.tareOz,
      sidesIn: box.sidesIn,
      rows: g.items.map((i) => i.rowNumber),
    });
  }
  return { ok: true, packages };
}

function firstRowOf(items: readonly PackItem[]): number {
  let min = items[0].rowNumber;
  for (const i of items) if (i.rowNumber < min) min = i.rowNumber;
  return min;
}

/** `12x10x6 in`, sides longest first, up to 2 decimals. */
export function formatSides(sides: readonly number[]): string {
  return `${sides.map((s) => Number(s.toFixed(2))).join('x')} in`;
}
