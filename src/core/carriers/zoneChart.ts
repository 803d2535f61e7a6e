/**
 * The zone chart of one ship-from ZIP: destination ZIP3 → zone (USPS-style), per carrier or for every carrier,
 * and destination country groups abroad, read from the Zones sheet.
 */
import type { Grid } from '../tables/cell';
import { decodeTable } from '../tables/decodeTable';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { zonesTable } from '../tables/zones';

/** US territories with US ZIP codes: zoned by ZIP like the states (Amazon writes some as their own country). */
const ZIP_TERRITORIES = new Set(['US', 'PR', 'VI', 'GU', 'AS', 'MP', 'FM', 'MH', 'PW']);

export type ZoneLookup = { ok: true; zone: string } | { ok: false; message: string };

interface CarrierChart {
  /** Index = ZIP3 as a number, value = zone. */
  readonly byZip3: (string | undefined)[];
  readonly rowOfZip3: (number | undefined)[];
  readonly byCountry: Map<string, string>;
  otherCountries?: string;
}

export interface ZoneChart {
  readonly originZip3: string;
  /** Zone of a destination for a carrier: the carrier's own rows first, then rows for every carrier. */
  zoneOf(carrier: string, country: string, postalCode: string): ZoneLookup;
}

export function zip3Of(postalCode: string): string | null {
  const m = /^(\d{3})\d{2}(?:-?\d{4})?$/.exec(postalCode.trim());
  return m ? m[1] : null;
}

export function buildZoneChart(
  grid: Grid | null,
  originPostalCode: string,
): { chart: ZoneChart | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const origin = zip3Of(originPostalCode);
  if (!origin) {
    problems.push(
      problem(
        'Settings',
        null,
        'value',
        `ship-from-postal-code "${originPostalCode}" is not a US ZIP (5 digits): zones are looked up from its first 3 digits`,
      ),
    );
    return { chart: null, problems };
  }
  const table = decodeTable(zonesTable, grid ?? []);
  problems.push(...table.problems);
  const charts = new Map<string, CarrierChart>();
  const chartFor = (carrier: string): CarrierChart => {
    let c = charts.get(carrier);
    if (!c) charts.set(carrier, (c = { byZip3: [], rowOfZip3: [], byCountry: new Map() }));
    return c;
  };
  // Rows for this exact origin win over rows for any origin: apply the general ones first, then overwrite.
  const rows = table.rows
    .filter((r) => r.valid)
    .map((r) => ({ r, o: (r.record['origin-zip3'] ?? '').trim() }))
    .filter(({ o }) => o === '' || o === '*' || o === origin)
    .sort((a, b) => Number(a.o === origin) - Number(b.o === origin));
  for (const { r } of rows) {
    const rec = r.record;
    const carrier = (rec.carrier ?? '').trim().toLowerCase();
    const chart = chartFor(carrier);
    const zone = rec.zone.trim();
    const country = (rec.country ?? '').trim();
    if (country !== '' && country.toUpperCase() !== 'US') {
      for (const code of country.split(/[,;\s]+/).filter((c) => c !== '')) {
        if (code === '*') chart.otherCountries = zone;
        else if (!/^[A-Za-z]{2}$/.test(code))
          problems.push(
            problem(
              zonesTable.name,
              r.rowNumber,
              'country',
              `"${code}" is not a 2-letter ISO country code or *`,
              country,
            ),
          );
        else chart.byCountry.set(code.toUpperCase(), zone);
      }
      continue;
    }
    const from = (rec['dest-zip3-from'] ?? '').trim();
    const to = (rec['dest-zip3-to'] ?? '').trim() || from;
    if (!/^\d{3}$/.test(from) || !/^\d{3}$/.test(to)) {
      problems.push(
        problem(
          zonesTable.name,
          r.rowNumber,
          /^\d{3}$/.test(from) ? 'dest-zip3-to' : 'dest-zip3-from',
          'a US row needs dest-zip3-from and dest-zip3-to as 3 digits (e.g. 005 and 099); abroad, fill country instead',
          /^\d{3}$/.test(from) ? to : from,
        ),
      );
      continue;
    }
    if (Number(from) > Number(to)) {
      problems.push(
        problem(zonesTable.name, r.rowNumber, 'dest-zip3-to', `the range ${from}-${to} runs backwards`, to),
      );
      continue;
    }
    for (let z = Number(from); z <= Number(to); z++) {
      chart.byZip3[z] = zone;
      chart.rowOfZip3[z] = r.rowNumber;
    }
  }
  const general = charts.get('');
  const chart: ZoneChart = {
    originZip3: origin,
    zoneOf(carrier, country, postalCode) {
      const own = charts.get(carrier.toLowerCase());
      const c = (country || 'US').trim().toUpperCase();
      if (ZIP_TERRITORIES.has(c)) {
        if (postalCode.trim() === '') return { ok: false, message: 'the order has no ship-postal-code' };
        const z3 = zip3Of(postalCode);
        if (!z3)
          return { ok: false, message: `ship-postal-code "${postalCode}" is not a US ZIP (5 or 9 digits)` };
        const n = Number(z3);
        const zone = own?.byZip3[n] ?? general?.byZip3[n];
        if (zone === undefined)
          return { ok: false, message: `no Zones row covers ZIP ${z3}xx from ship-from ZIP3 ${origin}` };
        return { ok: true, zone };
      }
      const zone =
        own?.byCountry.get(c) ?? general?.byCountry.get(c) ?? own?.otherCountries ?? general?.otherCountries;
      if (zone === undefined)
        return {
          ok: false,
          message: `no Zones row covers country ${c} (add it to a country group, or a * row)`,
        };
      return { ok: true, zone };
    },
  };
  return { chart, problems };
}
