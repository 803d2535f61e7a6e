/** A service's transit days by zone, as the Services sheet writes them: `1-2:2, 3-4:3, 5-8:5`, or `1`. */

export type TransitTable = (zone: string) => number | null;

/** `parseTransitDays('1-2:2, 3-4:3, 5-8:5')('4')` → 3; a zone the text does not name → null. */
export function parseTransitDays(
  text: string,
): { ok: true; days: TransitTable } | { ok: false; message: string } {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return { ok: true, days: () => n };
  }
  const byZone = new Map<string, number>();
  for (const part of t.split(/[,;]/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^(.+?)\s*:\s*(\d+)$/.exec(p);
    if (!m) return { ok: false, message: `"${p}" is not ZONES:DAYS (e.g. 1-2:2 or INTL-1:7)` };
    const days = Number(m[2]);
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(m[1]);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from > to) return { ok: false, message: `"${p}": the zone range runs backwards` };
      for (let z = from; z <= to; z++) byZone.set(String(z), days);
    } else byZone.set(m[1].trim().toUpperCase(), days);
  }
  if (byZone.size === 0) return { ok: false, message: 'names no zone' };
  return {
    ok: true,
    days: (zone) => byZone.get(zone.toUpperCase()) ?? byZone.get(String(Number(zone))) ?? null,
  };
}
