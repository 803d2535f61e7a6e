/**
 * The service a package ships with: rules' exclusions first, then the promise (services that cannot deliver by
 * the deliver-by date are out), then the first rule's way of choosing that leaves a service — by default the
 * cheapest, ties going to the faster one.
 */
import type { RuleOutcome } from '../rules/evaluateRules';
import { targetMatches } from '../rules/rule';

export interface Candidate {
  readonly carrier: string;
  readonly service: string;
  readonly mode: 'air' | 'ground';
  readonly priceMinor: number;
  readonly currency: string;
  readonly transitDays: number | null;
  readonly expectedDelivery: string | null;
}

export type Selected<C extends Candidate> =
  { ok: true; chosen: C; eligible: C[]; decidedBy: number | null } | { ok: false; message: string };

const late = (c: Candidate) => c.expectedDelivery ?? '9999-12-31';
const name = (c: Candidate) => `${c.carrier} ${c.service}`;
// Plain code-unit order: ISO dates sort as text, and localeCompare would cost more than the rest of the choice.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Cheaper first; the same price: earlier delivery, then fewer transit days, then by name (stable results). */
export function byPrice(a: Candidate, b: Candidate): number {
  return (
    a.priceMinor - b.priceMinor ||
    compare(late(a), late(b)) ||
    (a.transitDays ?? 99) - (b.transitDays ?? 99) ||
    compare(name(a), name(b))
  );
}

/** Earlier delivery first; the same day: cheaper, then by name. */
export function bySpeed(a: Candidate, b: Candidate): number {
  return (
    compare(late(a), late(b)) ||
    (a.transitDays ?? 99) - (b.transitDays ?? 99) ||
    a.priceMinor - b.priceMinor ||
    compare(name(a), name(b))
  );
}

export function selectService<C extends Candidate>(
  candidates: readonly C[],
  outcome: RuleOutcome,
  deliverBy: string | null,
): Selected<C> {
  // One pass for the services the rules allow that can deliver in time (this runs for every package); the
  // services excluded and the allowed ones are gathered again only for the messages when none is left.
  const excludes = outcome.excludes;
  const isExcluded = (c: C): boolean => {
    for (const e of excludes) if (targetMatches(e.target, c)) return true;
    return false;
  };
  const eligible: C[] = [];
  let allowedCount = 0;
  for (const c of candidates) {
    if (excludes.length > 0 && isExcluded(c)) continue;
    allowedCount++;
    if (deliverBy === null || (c.expectedDelivery !== null && c.expectedDelivery <= deliverBy))
      eligible.push(c);
  }
  if (allowedCount === 0) {
    const rows = new Set<number>();
    for (const c of candidates) {
      const hit = excludes.find((e) => targetMatches(e.target, c));
      if (hit) rows.add(hit.row);
    }
    return {
      ok: false,
      message: `every service quoted (${candidates.map(name).join(', ')}) is excluded by Rules row ${[...rows].join(', ')}`,
    };
  }
  if (eligible.length === 0) {
    const fastest = first(
      candidates.filter((c) => !isExcluded(c)),
      bySpeed,
    );
    return {
      ok: false,
      message: `no service can deliver by ${deliverBy}: the fastest, ${name(fastest)}, ${
        fastest.expectedDelivery ? `arrives ${fastest.expectedDelivery}` : 'has no transit days for this zone'
      }`,
    };
  }
  sortStable(eligible, byPrice);
  for (const s of outcome.selections) {
    if (s.kind !== 'use') {
      const chosen = s.kind === 'fastest' ? first(eligible, bySpeed) : eligible[0];
      return { ok: true, chosen, eligible, decidedBy: s.row };
    }
    const target = s.target;
    const match = eligible.find((c) => targetMatches(target, c));
    if (match) return { ok: true, chosen: match, eligible, decidedBy: s.row };
  }
  return { ok: true, chosen: eligible[0], eligible, decidedBy: null };
}

/**
 * Insertion sort in place: stable, so the same order as Array.prototype.sort (stable since ES2019) with the
 * same comparator, without its work arrays — a package has about ten candidates, and there are many packages.
 */
export function sortStable<T>(xs: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && compare(xs[j], x) > 0) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

/** What a stable sort would put first: the earliest of the smallest (no sorted copy needed). */
function first<T>(xs: readonly T[], compare: (a: T, b: T) => number): T {
  let best = xs[0];
  for (let i = 1; i < xs.length; i++) if (compare(xs[i], best) < 0) best = xs[i];
  return best;
}
