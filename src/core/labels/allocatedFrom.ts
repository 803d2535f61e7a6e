/** The Orders `allocated-from` cell the stock step writes (`A-01:2; B-STORE:1`) read back into picks. */

export interface LocationPick {
  readonly location: string;
  readonly quantity: number;
}

export type ParsedAllocation = { ok: true; picks: LocationPick[] } | { ok: false; reason: string };

/** Parse `LOC:QTY; LOC:QTY`. A bare location means all units from there (quantity filled in by the caller). */
export function parseAllocatedFrom(text: string | null, units: number): ParsedAllocation {
  const value = (text ?? '').trim();
  if (value === '') return { ok: true, picks: [] };
  const picks: LocationPick[] = [];
  for (const part of value.split(/[;,]/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^(.+?)\s*:\s*(\d+)$/.exec(p);
    if (!m) {
      if (/:/.test(p)) return { ok: false, reason: `"${p}" is not LOCATION:QUANTITY` };
      picks.push({ location: p, quantity: units });
      continue;
    }
    picks.push({ location: m[1].trim(), quantity: Number(m[2]) });
  }
  return { ok: true, picks };
}
