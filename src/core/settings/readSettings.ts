/** The Settings sheet read into typed values, with defaults for what the seller left out. */
import type { Grid } from '../tables/cell';
import { decodeTable } from '../tables/decodeTable';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { settingsTable } from '../tables/settingsTable';
import { SETTING_DEFINITIONS, settingDefinition } from './definitions';

export interface Settings {
  /** The raw text of a setting (the default when the sheet does not set it). */
  text(key: string): string;
  int(key: string): number;
  decimal(key: string): number;
  bool(key: string): boolean;
  list(key: string): string[];
  /** Row number of a key in the sheet, for problems. */
  rowOf(key: string): number | null;
}

export interface ReadSettingsResult {
  settings: Settings;
  problems: Problem[];
}

/** Read Settings; bad values become problems and fall back to the default. Keys nobody knows are kept as text. */
export function readSettings(grid: Grid | null, overrides: Record<string, string> = {}): ReadSettingsResult {
  const problems: Problem[] = [];
  const values = new Map<string, string>();
  const rows = new Map<string, number>();
  if (grid) {
    const t = decodeTable(settingsTable, grid);
    problems.push(...t.problems);
    for (const r of t.rows) {
      const key = r.record.key.trim().toLowerCase();
      rows.set(key, r.rowNumber);
      const value = (r.record.value ?? '').trim();
      const def = settingDefinition(key);
      const bad = def ? invalidReason(def.type, value, def.values) : null;
      if (bad)
        problems.push(
          problem(
            settingsTable.name,
            r.rowNumber,
            'value',
            `${key} ${bad}; using ${JSON.stringify(def?.default)}`,
            value,
          ),
        );
      else values.set(key, value);
    }
  }
  for (const [k, v] of Object.entries(overrides)) values.set(k, v);
  const raw = (key: string): string => {
    const v = values.get(key);
    if (v !== undefined && v !== '') return v;
    return settingDefinition(key)?.default ?? v ?? '';
  };
  const settings: Settings = {
    text: raw,
    int: (k) => Number.parseInt(raw(k) || '0', 10),
    decimal: (k) => Number(raw(k) || '0'),
    bool: (k) => /^(true|yes|y|1)$/i.test(raw(k)),
    list: (k) =>
      raw(k)
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    rowOf: (k) => rows.get(k) ?? null,
  };
  return { settings, problems };
}

function invalidReason(type: string, value: string, allowed?: readonly string[]): string | null {
  if (value === '') return null;
  switch (type) {
    case 'int':
      return /^-?\d+$/.test(value) ? null : 'must be a whole number';
    case 'decimal':
      return /^-?\d+(\.\d+)?$/.test(value) ? null : 'must be a number';
    case 'bool':
      return /^(true|false|yes|no|y|n|1|0)$/i.test(value) ? null : 'must be TRUE or FALSE';
    case 'time':
      return /^([01]?\d|2[0-3]):[0-5]\d$/.test(value) ? null : 'must be a time like 14:00';
    case 'enum':
      return !allowed || allowed.some((a) => a.toLowerCase() === value.toLowerCase())
        ? null
        : `must be one of ${allowed.join(', ')}`;
    default:
      return null;
  }
}

/** The Settings sheet rows a new workbook starts with. */
export function defaultSettingsRows(): { key: string; value: string; description: string }[] {
  return SETTING_DEFINITIONS.map((d) => ({ key: d.key, value: d.default, description: d.description }));
}
