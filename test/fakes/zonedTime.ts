/** Wall-clock time in an IANA zone <-> instants, as Sheets converts typed dates (local midnight in the sheet's zone). */

function partsIn(instant: number, timeZone: string): number[] {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(new Date(instant))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return [p.year, p.month, p.day, p.hour, p.minute, p.second];
}

/** The instant at which the clocks of `timeZone` show this wall time. */
export function zonedInstant(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  timeZone: string,
): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const [py, pmo, pd, ph, pmi, ps] = partsIn(guess, timeZone);
    const shown = Date.UTC(py, pmo - 1, pd, ph, pmi, ps);
    guess += wall - shown;
  }
  return guess;
}
