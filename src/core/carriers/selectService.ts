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
  const rows = new Set<number>();
  const allowed = candidates.filter((c) => {
    const hit = outcome.excludes.find((e) => targetMatches(e.target, c));
    if (hit) rows.add(hit.row);
    return !hit;
  });
  if (allowed.length === 0)
    return {
      ok: false,
      message: `every service quoted (${candidates.map(name).join(', ')}) is excluded by Rules row ${[...rows].join(', ')}`,
    };
  const eligible =
    deliverBy === null
      ? allowed
      : allowed.filter((c) => c.expectedDelivery !== null && c.expectedDelivery <= deliverBy);
  if (eligible.length === 0) {
    const fastest = [...allowed].sort(bySpeed)[0];
    return {
      ok: false,
      message: `no service can deliver by ${deliverBy}: the fastest, ${name(fastest)}, ${
        fastest.expectedDelivery ? `arrives ${fastest.expectedDelivery}` : 'has no transit days for this zone'
      }`,
    };
  }
  eligible.sort(byPrice);
  for (const s of outcome.selections) {
    if (s.kind !== 'use') {
      const chosen = s.kind === 'fastest' ? [...eligible].sort(bySpeed)[0] : eligible[0];
      return { ok: true, chosen, eligible, decidedBy: s.row };
    }
    const target = s.target;
    const match = eligible.find((c) => targetMatches(target, c));
    if (match) return { ok: true, chosen: match, eligible, decidedBy: s.row };
  }
  return { ok: true, chosen: eligible[0], eligible, decidedBy: null };
}
