/**
 * The Rules sheet to rules: each enabled row's condition and action parsed, in priority order, with a problem
 * naming the row and column of every rule that does not parse.
 */
import type { Grid } from '../tables/cell';
import { decodeTable } from '../tables/decodeTable';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { rulesTable } from '../tables/rules';
import { parseCondition } from './condition';
import type { Rule, RuleAction, ServiceIdentity, ServiceTarget } from './rule';

export interface ParsedRules {
  readonly rules: readonly Rule[];
  readonly problems: readonly Problem[];
}

/** `parseAction('exclude UPS, air', services)` → an exclude of UPS and of every air service. */
export function parseAction(
  text: string,
  services: readonly ServiceIdentity[],
): { ok: true; action: RuleAction } | { ok: false; message: string } {
  const t = text.trim().replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  if (lower === '') return { ok: false, message: 'the action is empty' };
  if (lower === 'fastest' || lower === 'use fastest') return { ok: true, action: { kind: 'fastest' } };
  if (lower === 'cheapest' || lower === 'use cheapest') return { ok: true, action: { kind: 'cheapest' } };
  if (/^(require )?signature( confirmation)?( required)?$/.test(lower))
    return { ok: true, action: { kind: 'signature' } };
  if (/^(ship )?separately$|^split$|^own package$/.test(lower))
    return { ok: true, action: { kind: 'separate' } };
  if (lower === 'hold' || lower === 'do not rate' || lower === "don't rate")
    return { ok: true, action: { kind: 'hold' } };
  const exclude = /^(exclude|no|not|never) (.+)$/i.exec(t);
  if (exclude) {
    const targets: ServiceTarget[] = [];
    for (const part of exclude[2].split(/\s*,\s*|\s+and\s+|\s+or\s+/i)) {
      if (part === '') continue;
      const target = parseTarget(part, services);
      if (typeof target === 'string') return { ok: false, message: target };
      targets.push(target);
    }
    if (targets.length === 0) return { ok: false, message: `"${t}" names nothing to exclude` };
    return { ok: true, action: { kind: 'exclude', targets } };
  }
  const use = /^(use|only|ship|ship with|ship via|choose) (.+)$/i.exec(t);
  const target = parseTarget(use ? use[2] : t, services);
  if (typeof target === 'string') return { ok: false, message: target };
  return { ok: true, action: { kind: 'use', target } };
}

function parseTarget(text: string, services: readonly ServiceIdentity[]): ServiceTarget | string {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === 'air' || lower === 'ground') return { kind: 'mode', mode: lower };
  const full = services.find((s) => `${s.carrier} ${s.service}`.toLowerCase() === lower);
  if (full) return { kind: 'service', carrier: full.carrier, service: full.service };
  const carrier = services.find((s) => s.carrier.toLowerCase() === lower);
  if (carrier) return { kind: 'carrier', carrier: carrier.carrier };
  const byService = services.filter((s) => s.service.toLowerCase() === lower);
  if (byService.length === 1)
    return { kind: 'service', carrier: byService[0].carrier, service: byService[0].service };
  const carriers = [...new Set(services.map((s) => s.carrier))];
  return `"${t}" is not a carrier or service of the Services sheet (${carriers.join(', ') || 'none'}; write e.g. ${
    services[0] ? `"${services[0].carrier} ${services[0].service}"` : '"USPS Ground Advantage"'
  }), nor air or ground; actions are: CARRIER [SERVICE], exclude …, fastest, cheapest, require signature, ship separately, hold`;
}

export function parseRules(grid: Grid | null, services: readonly ServiceIdentity[]): ParsedRules {
  if (!grid || grid.length === 0) return { rules: [], problems: [] };
  const table = decodeTable(rulesTable, grid);
  const problems: Problem[] = [...table.problems];
  const rules: Rule[] = [];
  const priorities = new Map<number, number>();
  for (const r of table.rows) {
    if (!r.valid) continue;
    const rec = r.record;
    if (rec.enabled === false) continue;
    const earlier = priorities.get(rec.priority);
    if (earlier !== undefined) {
      problems.push(
        problem(
          rulesTable.name,
          r.rowNumber,
          'priority',
          `priority ${rec.priority} is also on row ${earlier}; give each rule its own number so their order is clear`,
        ),
      );
      continue;
    }
    priorities.set(rec.priority, r.rowNumber);
    const condition = parseCondition(rec.condition);
    if (!condition.ok) {
      problems.push(problem(rulesTable.name, r.rowNumber, 'condition', condition.message, rec.condition));
      continue;
    }
    const action = parseAction(rec.action, services);
    if (!action.ok) {
      problems.push(problem(rulesTable.name, r.rowNumber, 'action', action.message, rec.action));
      continue;
    }
    rules.push({
      row: r.rowNumber,
      priority: rec.priority,
      conditionText: rec.condition,
      actionText: rec.action,
      condition: condition.test,
      action: action.action,
    });
  }
  rules.sort((a, b) => a.priority - b.priority);
  return { rules, problems };
}
