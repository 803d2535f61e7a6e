import { parseDateTime } from '../../../src/core';

describe('parseDateTime', () => {
  it('reads ISO-8601 with offsets to the right instant and keeps the text', () => {
    const a = parseDateTime('2025-09-24T05:02:50-07:00');
    const b = parseDateTime('2025-09-24T12:02:50+00:00');
    expect(a.ok && b.ok && a.date.getTime() === b.date.getTime()).toBe(true);
    expect(a.ok && a.iso).toBe('2025-09-24T05:02:50-07:00');
  });

  it('reads Excel serial numbers and Date cells', () => {
    const s = parseDateTime(46357.5);
    expect(s.ok && s.date.toISOString()).toBe('2026-12-01T12:00:00.000Z');
    const d = parseDateTime(new Date('2026-12-01T00:00:00Z'));
    expect(d.ok && d.iso).toBe('2026-12-01T00:00:00Z');
  });

  it('rejects impossible dates and free text', () => {
    expect(parseDateTime('2025-02-30').ok).toBe(false);
    expect(parseDateTime('tomorrow').ok).toBe(false);
    expect(parseDateTime('2025-01-01T25:00:00Z').ok).toBe(false);
  });
});
