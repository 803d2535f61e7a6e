import fc from 'fast-check';
import { fitText, textWidth } from '../../../src/core';

describe('fitText', () => {
  test('wraps at spaces and keeps every word', () => {
    const r = fitText('Bartholomew Alexander Fitzgerald-Montgomery', 120, 11);
    expect(r.truncated).toBe(false);
    expect(r.lines).toEqual(['Bartholomew', 'Alexander', 'Fitzgerald-', 'Montgomery']);
    expect(r.lines.length).toBeGreaterThan(1);
  });

  test('truncates visibly with an ellipsis when the lines run out', () => {
    const r = fitText('Dolores Almuñécar de la Fuente y Montenegro of the Royal Household', 150, 11, {
      maxLines: 2,
    });
    expect(r.truncated).toBe(true);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[1].endsWith('…')).toBe(true);
  });

  test('breaks Japanese text without spaces by characters', () => {
    const r = fitText('東京都渋谷区神南一丁目二番三号渋谷ビル五階', 80, 10);
    expect(r.lines.join('')).toBe('東京都渋谷区神南一丁目二番三号渋谷ビル五階');
    for (const line of r.lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(80);
  });

  test('a line that fits to the last float bit is not flagged as too wide', () => {
    const r = fitText('A:%AA:aAA', 56, 10);
    expect(r.lines).toEqual(['A:%AA:aAA']);
    expect(textWidth('A:%AA:aAA', 10)).toBeLessThanOrEqual(56 + 1e-9);
  });

  test('every line fits and no text is lost or reordered (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.integer({ min: 30, max: 300 }),
        fc.integer({ min: 6, max: 14 }),
        (text, width, size) => {
          const r = fitText(text, width, size);
          const normalised = text.replace(/\s+/g, ' ').trim();
          expect(r.truncated).toBe(false);
          expect(r.lines.join('').replace(/ /g, '')).toBe(normalised.replace(/ /g, ''));
          // The fitter sums per-character widths, textWidth sums em then scales: the two float orders can differ
          // in the last bit (`A:%AA:aAA` at 10 pt is 56 one way and 56.00000000000001 the other).
          for (const line of r.lines)
            if ([...line].length > 1) expect(textWidth(line, size)).toBeLessThanOrEqual(width + 1e-9);
        },
      ),
    );
  });

  test('a truncated result is a prefix of the text plus "…" (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.integer({ min: 40, max: 200 }),
        (text, width) => {
          const r = fitText(text, width, 10, { maxLines: 1 });
          if (!r.truncated) return;
          const shown = r.lines[0].slice(0, -1).replace(/ /g, '');
          expect(text.replace(/\s+/g, '').startsWith(shown)).toBe(true);
          expect(r.lines[0].endsWith('…')).toBe(true);
        },
      ),
    );
  });
});
