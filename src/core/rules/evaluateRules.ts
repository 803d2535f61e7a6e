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

export function evaluateRules(rules: readonly Rule[], facts: PackageFacts): RuleOutcome {
  const excludes: { target: ServiceTarget; row: number }[] = [];
  const selections: Selection[] = [];
  let signature = false;
  let holdRow: number | null = null;
  let separate = false;
  for (const rule of rules) {
    if (!rule.condition(facts, null)) continue;
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
