/** Shipping tools export dates the US way (`12/1/2026 10:32 AM`): to yyyy-mm-dd, month first. */

/** `usDateToIso('12/1/2026 10:32 AM')` → `2026-12-01`; anything else → null. */
export function usDateToIso(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/.exec(text.trim());
  if (!m) return null;
  const [, mo, d, y] = m;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
