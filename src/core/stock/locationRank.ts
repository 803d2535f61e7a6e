/**
 * The Settings `location-rank` list as a picking order: exact names (`B-STORE`) and prefix patterns (`A-*`),
 * compared case-insensitively; `*` alone matches every location. A location matching no entry is unknown.
 */

export interface LocationRank {
  /** 0-based rank of a location (lower picks first), or null when no entry matches it. */
  rankOf(location: string): number | null;
  /** The entries as the seller wrote them, for messages. */
  readonly entries: readonly string[];
}

/** `parseLocationRank(['A-*', 'B-STORE'])`: A-01…A-99 rank 0, B-STORE rank 1, anything else unknown. */
export function parseLocationRank(entries: readonly string[]): LocationRank {
  const matchers = entries.map((raw) => {
    const e = raw.trim().toUpperCase();
    if (e.endsWith('*')) {
      const prefix = e.slice(0, -1);
      return (loc: string) => loc.startsWith(prefix);
    }
    return (loc: string) => loc === e;
  });
  const cache = new Map<string, number | null>();
  return {
    entries,
    rankOf(location: string): number | null {
      const loc = location.trim().toUpperCase();
      const hit = cache.get(loc);
      if (hit !== undefined) return hit;
      const i = matchers.findIndex((m) => m(loc));
      const rank = i < 0 ? null : i;
      cache.set(loc, rank);
      return rank;
    },
  };
}

/** Order two locations by rank, then by name (so `A-*` picks A-01 before A-02), both known. */
export function compareLocations(rank: LocationRank, a: string, b: string): number {
  const ra = rank.rankOf(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = rank.rankOf(b) ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}
