/**
 * Settings the Settings… dialog keeps in document properties, and how the core sees them. The core reads
 * settings from the Settings sheet (readSettings); the add-on shows each step a Settings sheet with the
 * dialog's values laid over the sheet's (what readSettings' overrides do), and writes the same values into
 * the sheet when they are saved, so the sheet shows what is used. A sheet value that differs from the
 * dialog's is reported, not silently dropped.
 */
import type { Cell, Grid, Problem, Workbook, WritePlan } from '../../src/core';
import { cellText, indexColumns, problem, settingDefinition, settingsTable } from '../../src/core';

type Properties = GoogleAppsScript.Properties.Properties;

export const SETTING_PROPERTY_PREFIX = 'setting.';

/** The keys the dialog edits, in the order it shows them. */
export const DIALOG_SETTING_KEYS = [
  'ship-from-name',
  'ship-from-address-1',
  'ship-from-address-2',
  'ship-from-city',
  'ship-from-state',
  'ship-from-postal-code',
  'ship-from-country',
  'ship-from-phone',
  'timezone',
  'marketplace',
  'selling-plan',
  'safety-stock',
  'pii-retention-days',
] as const;

export function isDialogSetting(key: string): boolean {
  return (DIALOG_SETTING_KEYS as readonly string[]).includes(key) && settingDefinition(key) !== undefined;
}

/** The dialog's saved values (one getProperties() call). */
export function savedSettings(props: Properties | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!props) return out;
  for (const [k, v] of Object.entries(props.getProperties()))
    if (k.startsWith(SETTING_PROPERTY_PREFIX)) {
      const key = k.slice(SETTING_PROPERTY_PREFIX.length);
      if (isDialogSetting(key)) out[key] = v;
    }
  return out;
}

/** The Settings grid with the saved values in place (rows added for keys the sheet lacks). */
export function overlaySettings(
  grid: Grid | null,
  saved: Readonly<Record<string, string>>,
): { grid: Grid; notes: Problem[] } {
  const base: Grid =
    grid && grid.length > 0 ? grid.map((r) => [...r]) : [settingsTable.columns.map((c) => c.name)];
  const cols = indexColumns(settingsTable, base[0]).positions;
  const keyCol = cols.get('key');
  const valueCol = cols.get('value');
  const notes: Problem[] = [];
  if (keyCol === undefined || valueCol === undefined) return { grid: base, notes };
  const seen = new Set<string>();
  for (let i = 1; i < base.length; i++) {
    const key = cellText(base[i]?.[keyCol] ?? null)
      .trim()
      .toLowerCase();
    if (!(key in saved) || seen.has(key)) continue;
    seen.add(key);
    const sheetValue = cellText(base[i][valueCol] ?? null).trim();
    if (sheetValue !== saved[key])
      notes.push(
        problem(
          settingsTable.name,
          i + 1,
          'value',
          `${key} is ${JSON.stringify(sheetValue)} here but ${JSON.stringify(saved[key])} in the Settings… dialog; using the dialog's value (change it there)`,
        ),
      );
    const row = base[i];
    while (row.length <= valueCol) row.push(null);
    row[valueCol] = saved[key];
  }
  for (const [key, value] of Object.entries(saved)) {
    if (seen.has(key)) continue;
    const row: Cell[] = [];
    row[keyCol] = key;
    row[valueCol] = value;
    base.push(Array.from(row, (c) => c ?? null));
  }
  return { grid: base, notes };
}

/** A Workbook whose Settings sheet reads with the dialog's values laid over it. */
export class SettingsOverlay implements Workbook {
  readonly label: string;
  readonly notes: Problem[] = [];

  constructor(
    private readonly inner: Workbook,
    private readonly saved: Readonly<Record<string, string>>,
  ) {
    this.label = inner.label;
  }

  sheetNames(): Promise<string[]> {
    return this.inner.sheetNames();
  }

  async read(names: readonly string[]): Promise<ReadonlyMap<string, Grid | null>> {
    const got = await this.inner.read(names);
    const sheet = got.get(settingsTable.name) ?? null;
    // No Settings sheet stays no Settings sheet (Set up sheets creates it); the core then uses defaults.
    if (!names.includes(settingsTable.name) || sheet === null || Object.keys(this.saved).length === 0)
      return got;
    const { grid, notes } = overlaySettings(sheet, this.saved);
    for (const n of notes)
      if (!this.notes.some((m) => m.row === n.row && m.message === n.message)) this.notes.push(n);
    const out = new Map(got);
    out.set(settingsTable.name, grid);
    return out;
  }

  write(plan: WritePlan): Promise<void> {
    return this.inner.write(plan);
  }
}
