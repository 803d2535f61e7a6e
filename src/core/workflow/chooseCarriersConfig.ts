/**
 * Everything carrier choice needs besides the orders, read from the workbook's sheets and Settings: the rate
 * card, the zone chart, boxes, rules, the ship date and the promise calendar. Any bad row here is fatal: a
 * rate from a half-read card could be silently wrong.
 */
import type { RateCard } from '../carriers/rateCard';
import { buildRateCard } from '../carriers/rateCard';
import type { ZoneChart } from '../carriers/zoneChart';
import { buildZoneChart } from '../carriers/zoneChart';
import type { Box } from '../packing/boxes';
import { readBoxes } from '../packing/boxes';
import type { WorkingDays } from '../promise/calendar';
import { isIanaTimeZone, parseWeekdays, shipDate } from '../promise/calendar';
import type { PromiseOptions } from '../promise/deliverBy';
import { parseLevelDays } from '../promise/deliverBy';
import type { Rule, ServiceIdentity } from '../rules/rule';
import { parseRules } from '../rules/parseRules';
import type { Settings } from '../settings/readSettings';
import type { Grid } from '../tables/cell';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';

export interface CarrierConfig {
  readonly card: RateCard;
  readonly zones: ZoneChart;
  readonly boxes: ReadonlyMap<string, Box>;
  readonly boxList: readonly Box[];
  readonly rules: readonly Rule[];
  /** The rules whose action is `ship separately`. */
  readonly separateRules: readonly Rule[];
  readonly shipDate: string;
  readonly promise: PromiseOptions;
  readonly holidays: ReadonlySet<string>;
  readonly defaultBox: string;
  readonly currency: string;
  /** `carrier\u0000service` → ground or air, for rules that exclude a mode. */
  readonly modes: ReadonlyMap<string, 'air' | 'ground'>;
}

export interface ConfigSheets {
  readonly services: Grid | null;
  readonly rates: Grid | null;
  readonly surcharges: Grid | null;
  readonly zones: Grid | null;
  readonly boxes: Grid | null;
  readonly rules: Grid | null;
}

export function readCarrierConfig(
  sheets: ConfigSheets,
  settings: Settings,
  now: Date,
  /** Services a live rate source sells besides the card's (Buy Shipping), so Rules may name them too. */
  liveServices: readonly ServiceIdentity[] = [],
): { config: CarrierConfig | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (key: string) => settings.rowOf(key);
  const timeZone = settings.text('timezone');
  if (!isIanaTimeZone(timeZone))
    problems.push(
      problem(
        'Settings',
        at('timezone'),
        'value',
        `timezone "${timeZone}" is not an IANA time zone (e.g. America/Los_Angeles)`,
        timeZone,
      ),
    );
  const shipDays = parseWeekdays(settings.list('ship-days').join(','));
  if (!shipDays.ok)
    problems.push(
      problem(
        'Settings',
        at('ship-days'),
        'value',
        `ship-days ${shipDays.message}`,
        settings.text('ship-days'),
      ),
    );
  const holidays = new Set<string>();
  for (const h of settings.list('holidays')) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(h) && !Number.isNaN(Date.parse(h))) holidays.add(h);
    else
      problems.push(
        problem('Settings', at('holidays'), 'value', `holidays: "${h}" is not a date (yyyy-mm-dd)`, h),
      );
  }
  const levels = parseLevelDays(settings.list('service-level-days'));
  if (!levels.ok)
    problems.push(
      problem('Settings', at('service-level-days'), 'value', `service-level-days: ${levels.message}`),
    );
  const currency = settings.text('currency').toUpperCase();
  const card = buildRateCard(sheets, currency);
  problems.push(...card.problems);
  const zones = buildZoneChart(sheets.zones, settings.text('ship-from-postal-code'));
  problems.push(
    ...zones.problems.map((p) => (p.sheet === 'Settings' ? { ...p, row: at('ship-from-postal-code') } : p)),
  );
  const boxes = readBoxes(sheets.boxes);
  problems.push(...boxes.problems);
  const defaultBox = settings.text('default-box').trim();
  if (defaultBox !== '' && !boxes.boxes.has(defaultBox.toLowerCase()) && !/^own/i.test(defaultBox))
    problems.push(
      problem(
        'Settings',
        at('default-box'),
        'value',
        `default-box "${defaultBox}" is not a row of the Boxes sheet`,
        defaultBox,
      ),
    );
  const identities: ServiceIdentity[] = card.card.services.map((s) => ({
    carrier: s.carrier,
    service: s.service,
    mode: s.mode,
  }));
  const key = (s: ServiceIdentity) => `${s.carrier}\u0000${s.service}`.toLowerCase();
  const known = new Set(identities.map(key));
  for (const s of liveServices) if (!known.has(key(s))) identities.push(s);
  const rules = parseRules(sheets.rules, identities);
  problems.push(...rules.problems);
  if (problems.length > 0 || !shipDays.ok || !levels.ok || !zones.chart) return { config: null, problems };
  const businessDays: WorkingDays = { weekdays: new Set([1, 2, 3, 4, 5]), holidays };
  return {
    problems,
    config: {
      card: card.card,
      zones: zones.chart,
      boxes: boxes.boxes,
      boxList: [...boxes.boxes.values()],
      rules: rules.rules,
      separateRules: rules.rules.filter((r) => r.action.kind === 'separate'),
      shipDate: shipDate(now, {
        timeZone,
        cutoff: settings.text('handling-cutoff'),
        shipDays: { weekdays: shipDays.days, holidays },
      }),
      promise: { timeZone, levelDays: levels.days, businessDays },
      holidays,
      defaultBox,
      currency,
      modes: new Map(identities.map((s) => [`${s.carrier}\u0000${s.service}`, s.mode])),
    },
  };
}
