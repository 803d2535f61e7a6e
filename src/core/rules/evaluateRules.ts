/** Which rules hold for a package, and what they add up to: exclusions, the way to choose, extras, holds. */
import type { PackageFacts } from './facts';
import type { Rule, ServiceTarget } from './rule';

export type Selection =
  | { readonly kind: 'use'; readonly target: ServiceTarget; readonly row: number }
  | { readonly kind: 'fastest' | 'cheapest'; readonly row: number };

export interface RuleOutcome {
  readonly excludes: readonly { readonly target: ServiceTarget; readonly row: number }[];
  /** In priority order; the first that leaves a service decides. */
  readonly selections: readonly Selection[];
  readonly signature: boolean;
  /** Row of the first `hold` rule that holds. */
  readonly holdRow: number | null;
  readonly separate: boolean;
}

/**
 * Outcomes already made for one list of rules (one run), by which of them held. An outcome depends on nothing
 * else, so packages whose facts make the same rules hold share one (read-only) outcome object — which lets a
 * caller memoise what it derives from it (the service chosen from the same quotes) by identity.
 */
export type RuleOutcomeMemo = Map<number | string, RuleOutcome>;

/** Rules whose held-set fits a small integer's bits (more rules key by a list of indexes instead). */
const MASK_BITS = 30;

export function evaluateRules(
  rules: readonly Rule[],
  facts: PackageFacts,
  memo?: RuleOutcomeMemo,
): RuleOutcome {
  if (!memo) return outcomeOf(rules, (i) => rules[i].condition(facts, null));
  if (rules.length <= MASK_BITS) {
    let mask = 0;
    for (let i = 0; i < rules.length; i++) if (rules[i].condition(facts, null)) mask |= 1 << i;
    let outcome = memo.get(mask);
    if (outcome === undefined) memo.set(mask, (outcome = outcomeOf(rules, (i) => (mask & (1 << i)) !== 0)));
    return outcome;
  }
  const held: number[] = [];
  for (let i = 0; i < rules.length; i++) if (rules[i].condition(facts, null)) held.push(i);
  const key = held.join(',');
  let outcome = memo.get(key);
  if (outcome === undefined) memo.set(key, (outcome = outcomeOf(rules, (i) => held.includes(i))));
  return outcome;
}

/** The outcome of the rules that hold (`holds(i)` for rule i), in rule order. */
function outcomeOf(rules: readonly Rule[], holds: (i: number) => boolean): RuleOutcome {
  const excludes: { target: ServiceTarget; row: number }[] = [];
  const selections: Selection[] = [];
  let signature = false;
  let holdRow: number | null = null;
  let separate = false;
  for (let i = 0; i < rules.length; i++) {
    if (!holds(i)) continue;
    const rule = rules[i];
    const a = rule.action;
    switch (a.kind) {
      case 'exclude':
        for (const target of a.targets) excludes.push({ target, row: rule.row });
        break;
      case 'use':
        selections.push({ kind: 'use', target: a.target, row: rule.row });
        break;
      case 'fastest':
      case 'cheapest':
        selections.push({ kind: a.kind, row: rule.row });
        break;
      case 'signature':
        signature = true;
        break;
      case 'separate':
        separate = true;
        break;
      case 'hold':
        holdRow ??= rule.row;
        break;
    }
  }
  return { excludes, selections, signature, holdRow, separate };
}
