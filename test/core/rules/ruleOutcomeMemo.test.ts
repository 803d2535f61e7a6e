// The shared rule outcomes (one object per set of rules that held) must be exactly what evaluating the rules
// afresh gives, for any package, with few rules (a bitmask key) and with more than fit one (a list key).
import fc from 'fast-check';
import { evaluateRules } from '../../../src/core/rules/evaluateRules';
import type { RuleOutcomeMemo } from '../../../src/core/rules/evaluateRules';
import { packageFacts } from '../../../src/core/rules/packageFacts';
import { parseRules } from '../../../src/core/rules/parseRules';

const SERVICES = [
  { carrier: 'USPS', service: 'Ground Advantage', mode: 'ground' as const },
  { carrier: 'USPS', service: 'Priority Mail', mode: 'air' as const },
  { carrier: 'UPS', service: 'Ground', mode: 'ground' as const },
  { carrier: 'UPS', service: 'Next Day Air', mode: 'air' as const },
];
const header = ['priority', 'condition', 'action', 'enabled'];
const SAMPLE = [
  ['ship-service-level = NextDay', 'fastest'],
  ['sku starts HAZ', 'ship separately'],
  ['sku starts HAZ', 'exclude air'],
  ['ship-country != US', 'exclude UPS'],
  ['order value > 200', 'require signature'],
  ['weight-oz > 100', 'hold'],
  ['weight-oz <= 15', 'USPS Ground Advantage'],
  ['is-prime = true', 'cheapest'],
];

/** `copies` times the sample rules, with weight thresholds that differ per copy so each copy's rules vary. */
function rules(copies: number) {
  const rows: (string | number)[][] = [header];
  for (let c = 0; c < copies; c++)
    SAMPLE.forEach(([condition, action], i) =>
      rows.push([
        c * 100 + i + 1,
        condition.replace(/weight-oz (.) (\d+)/, (_m, op, n) => `weight-oz ${op} ${Number(n) + c * 3}`),
        action,
      ]),
    );
  const parsed = parseRules(rows, SERVICES);
  expect(parsed.problems).toEqual([]);
  return parsed.rules;
}

const facts = fc
  .record({
    weightOz: fc.integer({ min: 1, max: 200 }),
    orderValue: fc.integer({ min: 0, max: 400 }),
    haz: fc.boolean(),
    country: fc.constantFrom('US', 'CA'),
    level: fc.constantFrom('Standard', 'NextDay'),
    isPrime: fc.boolean(),
  })
  .map((f) =>
    packageFacts({
      weightOz: f.weightOz,
      lengthIn: 9,
      widthIn: 6,
      heightIn: 2,
      orderValue: f.orderValue,
      skus: [f.haz ? 'HAZ-1' : 'MUG-1'],
      shipCountry: f.country,
      shipServiceLevel: f.level,
      isPrime: f.isPrime,
    }),
  );

describe.each([
  ['8 rules (bitmask key)', 1],
  ['40 rules (list key)', 5],
])('shared rule outcomes, %s', (_name, copies) => {
  const list = rules(copies);
  test('every package gets the outcome a fresh evaluation gives', () => {
    const memo: RuleOutcomeMemo = new Map();
    fc.assert(
      fc.property(fc.array(facts, { minLength: 1, maxLength: 20 }), (packages) => {
        for (const p of packages) expect(evaluateRules(list, p, memo)).toEqual(evaluateRules(list, p));
      }),
      { seed: 11, numRuns: 200 },
    );
    expect(memo.size).toBeGreaterThan(5);
  });

  test('packages that make the same rules hold share one outcome; a different set gets another', () => {
    const memo: RuleOutcomeMemo = new Map();
    const light = (orderValue: number) =>
      packageFacts({ weightOz: 12, lengthIn: 9, widthIn: 6, heightIn: 2, orderValue, skus: ['MUG-1'] });
    const a = evaluateRules(list, light(10), memo);
    expect(evaluateRules(list, light(20), memo)).toBe(a);
    const signed = evaluateRules(list, light(250), memo);
    expect(signed).not.toBe(a);
    expect(signed.signature).toBe(true);
    expect(a.signature).toBe(false);
  });
});
