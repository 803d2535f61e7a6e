import { parseCondition } from '../../../src/core/rules/condition';
import { evaluateRules } from '../../../src/core/rules/evaluateRules';
import { packageFacts } from '../../../src/core/rules/packageFacts';
import { parseAction, parseRules } from '../../../src/core/rules/parseRules';

const SERVICES = [
  { carrier: 'USPS', service: 'Ground Advantage', mode: 'ground' as const },
  { carrier: 'USPS', service: 'Priority Mail', mode: 'air' as const },
  { carrier: 'UPS', service: 'Ground', mode: 'ground' as const },
  { carrier: 'UPS', service: 'Next Day Air', mode: 'air' as const },
];
const pkg = (over: Parameters<typeof packageFacts>[0] extends infer T ? Partial<T> : never = {}) =>
  packageFacts({
    weightOz: 12,
    lengthIn: 9,
    widthIn: 6,
    heightIn: 2,
    skus: ['MUG-1'],
    shipCountry: 'US',
    ...over,
  });

const holds = (text: string, facts = pkg()) => {
  const c = parseCondition(text);
  if (!c.ok) throw new Error(c.message);
  return c.test(facts, null);
};

describe('conditions', () => {
  test('numbers: weight-oz <= 15 holds at 12 oz and at 15 oz, not at 15.5', () => {
    expect(holds('weight-oz <= 15')).toBe(true);
    expect(holds('weight-oz <= 15', pkg({ weightOz: 15 }))).toBe(true);
    expect(holds('weight-oz <= 15', pkg({ weightOz: 15.5 }))).toBe(false);
    expect(holds('weight-lb > 0.5')).toBe(true);
  });

  test('"order value > 200" (spaces in the field name, a $ in the value)', () => {
    expect(holds('order value > 200', pkg({ orderValue: 200 }))).toBe(false);
    expect(holds('order value > $200', pkg({ orderValue: 200.01 }))).toBe(true);
  });

  test('text is compared case-insensitively: ship-country != US', () => {
    expect(holds('ship-country != US', pkg({ shipCountry: 'us' }))).toBe(false);
    expect(holds('ship-country != US', pkg({ shipCountry: 'CA' }))).toBe(true);
    expect(holds('ship-state in CA, NV, OR', pkg({ shipState: 'nv' }))).toBe(true);
    expect(holds('ship-service-level = NextDay', pkg({ shipServiceLevel: 'NextDay' }))).toBe(true);
  });

  test('sku starts HAZ holds when any item of the package matches; sku != X when no item is X', () => {
    expect(holds('sku starts HAZ', pkg({ skus: ['MUG-1', 'haz-aero-2'] }))).toBe(true);
    expect(holds('sku starts HAZ', pkg({ skus: ['MUG-1'] }))).toBe(false);
    expect(holds('sku != MUG-1', pkg({ skus: ['MUG-1', 'TOTE'] }))).toBe(false);
    expect(holds('sku != MUG-1', pkg({ skus: ['TOTE'] }))).toBe(true);
  });

  test('clauses join with and; blank and always match everything', () => {
    expect(holds('weight-oz <= 15 and ship-country = US')).toBe(true);
    expect(holds('weight-oz <= 15 and ship-country = CA')).toBe(false);
    expect(holds('')).toBe(true);
    expect(holds('always')).toBe(true);
  });

  test('booleans: is-prime = true, residential = false', () => {
    expect(holds('is-prime = true', pkg({ isPrime: true }))).toBe(true);
    expect(holds('residential = false', pkg({ isBusinessOrder: true }))).toBe(true);
  });

  test.each([
    ['wieght-oz <= 15', /unknown field "wieght-oz"/],
    ['weight-oz <= heavy', /weight-oz is a number, but "heavy" is not/],
    ['weight-oz', /has no comparison/],
    ['weight-oz <=', /has no value/],
    ['ship-country > US', /ship-country is text/],
    ['is-prime = maybe', /true or false/],
    ['weight-oz <= 15 and', /"and" has nothing after it/],
    ['zone >= 5', /can be used in Surcharges but not in Rules/],
  ])('"%s" does not parse', (text, message) => {
    const c = parseCondition(text);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toMatch(message);
  });

  test('zone and billable weight are allowed in surcharge conditions', () => {
    const c = parseCondition('zone >= 5 and billable-weight-lb > 10', { perService: true });
    expect(c.ok).toBe(true);
    if (c.ok) {
      expect(c.test(pkg(), { zone: '6', billableOz: 176 })).toBe(true);
      expect(c.test(pkg(), { zone: '4', billableOz: 176 })).toBe(false);
    }
  });
});

describe('actions', () => {
  test('a service, a carrier, exclusions, modes and the keywords', () => {
    expect(parseAction('USPS Ground Advantage', SERVICES)).toEqual({
      ok: true,
      action: { kind: 'use', target: { kind: 'service', carrier: 'USPS', service: 'Ground Advantage' } },
    });
    expect(parseAction('exclude UPS', SERVICES)).toEqual({
      ok: true,
      action: { kind: 'exclude', targets: [{ kind: 'carrier', carrier: 'UPS' }] },
    });
    expect(parseAction('exclude air, UPS Ground', SERVICES)).toEqual({
      ok: true,
      action: {
        kind: 'exclude',
        targets: [
          { kind: 'mode', mode: 'air' },
          { kind: 'service', carrier: 'UPS', service: 'Ground' },
        ],
      },
    });
    expect(parseAction('fastest', SERVICES)).toEqual({ ok: true, action: { kind: 'fastest' } });
    expect(parseAction('require signature', SERVICES)).toEqual({ ok: true, action: { kind: 'signature' } });
    expect(parseAction('ship separately', SERVICES)).toEqual({ ok: true, action: { kind: 'separate' } });
  });

  test('a misspelt service names the carriers the Services sheet has', () => {
    const a = parseAction('USPS Groud Advantage', SERVICES);
    expect(a.ok).toBe(false);
    if (!a.ok)
      expect(a.message).toMatch(
        /"USPS Groud Advantage" is not a carrier or service of the Services sheet \(USPS, UPS/,
      );
  });
});

describe('the Rules sheet', () => {
  const header = ['priority', 'condition', 'action', 'enabled'];
  test('parse errors point at the row and the column', () => {
    const { rules, problems } = parseRules(
      [
        header,
        [1, 'weight-oz <= 15', 'USPS Ground Advantage', true],
        [2, 'wieght-oz <= 15', 'fastest', true],
        [3, 'ship-country != US', 'exclude DHL', true],
        [4, 'sku starts HAZ', 'exclude air', false],
        [1, 'is-prime = true', 'fastest', true],
        ['x', 'is-prime = true', 'fastest', true],
      ],
      SERVICES,
    );
    expect(rules.map((r) => r.row)).toEqual([2]);
    expect(problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['Rules', 7, 'priority'],
      ['Rules', 3, 'condition'],
      ['Rules', 4, 'action'],
      ['Rules', 6, 'priority'],
    ]);
    expect(problems[2].message).toMatch(/"DHL" is not a carrier or service/);
    expect(problems[3].message).toMatch(/priority 1 is also on row 2/);
  });

  test('rules apply in priority order, whatever the row order; exclusions add up', () => {
    const { rules } = parseRules(
      [
        header,
        [20, 'weight-oz <= 15', 'USPS Ground Advantage'],
        [10, 'ship-service-level = NextDay', 'fastest'],
        [30, 'ship-country != US', 'exclude UPS'],
        [40, 'sku starts HAZ', 'exclude air'],
        [50, 'order value > 200', 'require signature'],
      ],
      SERVICES,
    );
    const o = evaluateRules(
      rules,
      pkg({ shipServiceLevel: 'NextDay', shipCountry: 'CA', skus: ['HAZ-1'], orderValue: 250 }),
    );
    expect(o.selections.map((s) => s.kind)).toEqual(['fastest', 'use']);
    expect(o.excludes.map((e) => e.row)).toEqual([4, 5]);
    expect(o.signature).toBe(true);
    const plain = evaluateRules(rules, pkg({ weightOz: 20 }));
    expect(plain).toEqual({ excludes: [], selections: [], signature: false, holdRow: null, separate: false });
  });
});
