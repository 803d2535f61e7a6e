import { buildZoneChart, zip3Of } from '../../../src/core/carriers/zoneChart';
import type { Grid } from '../../../src/core/tables/cell';

const header = ['carrier', 'origin-zip3', 'dest-zip3-from', 'dest-zip3-to', 'country', 'zone'];
const grid: Grid = [
  header,
  ['', '895', '005', '149', '', '8'],
  ['', '895', '894', '897', '', '1'],
  ['', '*', '900', '961', '', '4'],
  ['', '895', '940', '949', '', '3'],
  ['UPS', '895', '995', '999', '', '44'],
  ['', '895', '995', '999', '', '8'],
  ['', '100', '005', '149', '', '1'],
  ['', '', '', '', 'CA, MX', 'INTL-1'],
  ['', '', '', '', '*', 'INTL-9'],
];

describe('zone chart', () => {
  const { chart, problems } = buildZoneChart(grid, '89502');
  test('reads without problems', () => expect(problems).toEqual([]));

  test('from Reno 895 to Boston 02116: ZIP3 021 is in 005-149 → zone 8', () => {
    expect(chart!.zoneOf('USPS', 'US', '02116')).toEqual({ ok: true, zone: '8' });
  });

  test('a 9-digit ZIP uses its first 3 digits: 89509-1234 → 895 → zone 1 (local)', () => {
    expect(chart!.zoneOf('USPS', 'US', '89509-1234')).toEqual({ ok: true, zone: '1' });
  });

  test('a row for this origin beats a row for any origin: 941 (SF) is 3, not the * row 900-961 → 4', () => {
    expect(chart!.zoneOf('FedEx', 'US', '94105')).toEqual({ ok: true, zone: '3' });
    expect(chart!.zoneOf('FedEx', 'US', '90210')).toEqual({ ok: true, zone: '4' });
  });

  test("a carrier's own rows win: Anchorage 995 is 44 for UPS, 8 for USPS", () => {
    expect(chart!.zoneOf('UPS', 'US', '99501')).toEqual({ ok: true, zone: '44' });
    expect(chart!.zoneOf('USPS', 'US', '99501')).toEqual({ ok: true, zone: '8' });
  });

  test('rows for another origin (100) are ignored', () => {
    expect(chart!.zoneOf('USPS', 'US', '10024')).toEqual({ ok: true, zone: '8' });
  });

  test('a ZIP no row covers is a clear error', () => {
    expect(chart!.zoneOf('USPS', 'US', '60657')).toEqual({
      ok: false,
      message: 'no Zones row covers ZIP 606xx from ship-from ZIP3 895',
    });
  });

  test('missing and malformed ZIPs are errors', () => {
    expect(chart!.zoneOf('USPS', 'US', '')).toEqual({
      ok: false,
      message: 'the order has no ship-postal-code',
    });
    expect(chart!.zoneOf('USPS', 'US', '9410')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a US ZIP'),
    });
  });

  test('international by country group, then the * group', () => {
    expect(chart!.zoneOf('USPS', 'ca', 'K1A 0B1')).toEqual({ ok: true, zone: 'INTL-1' });
    expect(chart!.zoneOf('USPS', 'DE', '10115')).toEqual({ ok: true, zone: 'INTL-9' });
  });

  test('a bad ship-from ZIP and bad rows are problems', () => {
    expect(buildZoneChart(grid, 'RENO').chart).toBeNull();
    const bad = buildZoneChart(
      [header, ['', '895', '12', '149', '', '8'], ['', '895', '300', '200', '', '8']],
      '89502',
    );
    expect(bad.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'dest-zip3-from'],
      [3, 'dest-zip3-to'],
    ]);
  });

  test('zip3Of', () => {
    expect(zip3Of('02116')).toBe('021');
    expect(zip3Of('021')).toBeNull();
  });
});
