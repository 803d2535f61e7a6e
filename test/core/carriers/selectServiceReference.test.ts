/**
 * selectService (one pass, insertion sort) against the straightforward version it replaced, kept here as the
 * reference: the same choice, the same eligible list in the same order, the same messages, on random candidate
 * sets with ties in price, delivery and transit days, random exclusions, selections and deliver-by dates.
 */
import fc from 'fast-check';
import type { Candidate, Selected } from '../../../src/core/carriers/selectService';
import { byPrice, bySpeed, selectService, sortStable } from '../../../src/core/carriers/selectService';
import type { RuleOutcome, Selection } from '../../../src/core/rules/evaluateRules';
import type { ServiceTarget } from '../../../src/core/rules/rule';
import { targetMatches } from '../../../src/core/rules/rule';

const name = (c: Candidate) => `${c.carrier} ${c.service}`;

function referenceSelect<C extends Candidate>(
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

const CARRIERS = ['USPS', 'UPS', 'FedEx'];
const SERVICES = ['Ground', 'Priority', 'Next Day Air', '2Day'];
const DATES = ['2026-12-02', '2026-12-03', '2026-12-04', null];

const candidate = fc.record({
  carrier: fc.constantFrom(...CARRIERS),
  service: fc.constantFrom(...SERVICES),
  mode: fc.constantFrom('air' as const, 'ground' as const),
  priceMinor: fc.constantFrom(500, 700, 700, 900),
  currency: fc.constant('USD'),
  transitDays: fc.constantFrom(1, 2, null),
  expectedDelivery: fc.constantFrom(...DATES),
});
const target: fc.Arbitrary<ServiceTarget> = fc.oneof(
  fc.record({ kind: fc.constant('mode' as const), mode: fc.constantFrom('air' as const, 'ground' as const) }),
  fc.record({ kind: fc.constant('carrier' as const), carrier: fc.constantFrom('usps', 'UPS', 'fedex') }),
  fc.record({
    kind: fc.constant('service' as const),
    carrier: fc.constantFrom(...CARRIERS),
    service: fc.constantFrom(...SERVICES),
  }),
);
const selection: fc.Arbitrary<Selection> = fc.oneof(
  fc.record({ kind: fc.constant('use' as const), target, row: fc.integer({ min: 2, max: 9 }) }),
  fc.record({
    kind: fc.constantFrom('fastest' as const, 'cheapest' as const),
    row: fc.integer({ min: 2, max: 9 }),
  }),
);
const outcome: fc.Arbitrary<RuleOutcome> = fc.record({
  excludes: fc.array(fc.record({ target, row: fc.integer({ min: 2, max: 9 }) }), { maxLength: 3 }),
  selections: fc.array(selection, { maxLength: 3 }),
  signature: fc.boolean(),
  holdRow: fc.constant(null),
  separate: fc.boolean(),
});

describe('selectService against the reference implementation', () => {
  test('the same result on random candidates, rules and deliver-by dates (property)', () => {
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 12 }),
        outcome,
        fc.constantFrom(...DATES),
        (cands, o, deliverBy) => {
          const got = selectService(cands, o, deliverBy);
          const want = referenceSelect(cands, o, deliverBy);
          expect(got).toEqual(want);
          // The very objects, not copies: the chosen one is looked up in eligible by identity downstream.
          if (got.ok && want.ok) {
            expect(got.chosen).toBe(want.chosen);
            got.eligible.forEach((c, i) => expect(c).toBe(want.eligible[i]));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('sortStable orders as Array.prototype.sort does, equal elements kept in their order (property)', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 15 }), (cands) => {
        const a = [...cands].sort(byPrice);
        const b = sortStable([...cands], byPrice);
        b.forEach((c, i) => expect(c).toBe(a[i]));
      }),
    );
  });
});
