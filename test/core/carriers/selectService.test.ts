import type { Candidate } from '../../../src/core/carriers/selectService';
import { selectService } from '../../../src/core/carriers/selectService';
import type { RuleOutcome } from '../../../src/core/rules/evaluateRules';

const c = (
  carrier: string,
  service: string,
  price: number,
  delivery: string | null,
  mode: 'air' | 'ground' = 'ground',
  transit: number | null = null,
): Candidate => ({
  carrier,
  service,
  mode,
  priceMinor: price,
  currency: 'USD',
  transitDays: transit,
  expectedDelivery: delivery,
});
const none: RuleOutcome = { excludes: [], selections: [], signature: false, holdRow: null, separate: false };

describe('selectService', () => {
  const ga = c('USPS', 'Ground Advantage', 845, '2026-12-07');
  const ground = c('UPS', 'Ground', 845, '2026-12-04');
  const priority = c('USPS', 'Priority Mail', 1210, '2026-12-03', 'air');
  const nda = c('UPS', 'Next Day Air', 4200, '2026-12-02', 'air');

  test('the cheapest wins; a tie at 8.45 goes to the faster one (UPS Ground, Dec 4, over Ground Advantage, Dec 7)', () => {
    const s = selectService([ga, ground, priority, nda], none, null);
    expect(s.ok && s.chosen).toBe(ground);
    expect(s.ok && s.eligible.map((e) => e.service)).toEqual([
      'Ground',
      'Ground Advantage',
      'Priority Mail',
      'Next Day Air',
    ]);
  });

  test('same price and day: fewer transit days, then by name, so the result never depends on input order', () => {
    const a = c('FedEx', 'Ground', 900, '2026-12-04', 'ground', 3);
    const b = c('UPS', 'Ground', 900, '2026-12-04', 'ground', 2);
    const d = c('FedEx', 'Home Delivery', 900, '2026-12-04', 'ground', 2);
    expect(
      selectService([a, b, d], none, null).ok &&
        (selectService([a, b, d], none, null) as { chosen: Candidate }).chosen,
    ).toBe(d);
    expect((selectService([b, d, a], none, null) as { chosen: Candidate }).chosen).toBe(d);
  });

  test('services that cannot arrive by the deliver-by date are out', () => {
    const s = selectService([ga, ground, priority, nda], none, '2026-12-03');
    expect(s.ok && s.chosen).toBe(priority);
  });

  test('no service in time: a reason naming the fastest', () => {
    expect(selectService([ga, ground], none, '2026-12-02')).toEqual({
      ok: false,
      message: 'no service can deliver by 2026-12-02: the fastest, UPS Ground, arrives 2026-12-04',
    });
  });

  test('a service without transit days cannot be promised on time', () => {
    expect(selectService([c('USPS', 'Ground Advantage', 500, null)], none, '2026-12-09').ok).toBe(false);
  });

  test('fastest: the earliest delivery; same day goes to the cheaper', () => {
    const overnight = c('FedEx', 'Standard Overnight', 3900, '2026-12-02', 'air');
    const s = selectService(
      [ga, nda, overnight],
      { ...none, selections: [{ kind: 'fastest', row: 2 }] },
      null,
    );
    expect(s.ok && s.chosen).toBe(overnight);
  });

  test('a "use" rule picks its service when eligible, else the next selection rule decides', () => {
    const use = {
      kind: 'use' as const,
      target: { kind: 'service' as const, carrier: 'USPS', service: 'Ground Advantage' },
      row: 3,
    };
    expect(
      (selectService([ga, ground, priority], { ...none, selections: [use] }, null) as { chosen: Candidate })
        .chosen,
    ).toBe(ga);
    const late = selectService(
      [ga, ground, priority],
      { ...none, selections: [use, { kind: 'fastest', row: 4 }] },
      '2026-12-04',
    );
    expect(late.ok && late.chosen).toBe(priority);
    expect(late.ok && late.decidedBy).toBe(4);
  });

  test('exclusions: by carrier and by mode; all excluded is a reason with the rule rows', () => {
    const s = selectService(
      [ga, ground, priority, nda],
      { ...none, excludes: [{ target: { kind: 'carrier', carrier: 'ups' }, row: 5 }] },
      null,
    );
    expect(s.ok && s.chosen).toBe(ga);
    const all = selectService(
      [priority, nda],
      { ...none, excludes: [{ target: { kind: 'mode', mode: 'air' }, row: 6 }] },
      null,
    );
    expect(all).toEqual({
      ok: false,
      message: 'every service quoted (USPS Priority Mail, UPS Next Day Air) is excluded by Rules row 6',
    });
  });
});
