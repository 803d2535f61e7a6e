/** Whether a returned item's condition, as the seller typed it, means it can go back on the shelf. */

const SELLABLE = /^(sellable|resellable|new|like[\s-]?new|as[\s-]?new|unopened|unused|grade[\s-]?a)\b/i;

/** `isSellable('Sellable')` → true; `isSellable('Damaged')`, `isSellable('')` → false. */
export function isSellable(condition: string | null): boolean {
  return condition !== null && SELLABLE.test(condition.trim());
}
