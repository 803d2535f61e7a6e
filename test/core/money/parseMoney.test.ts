import { formatMoneyPlain, parseMoney, toMajor } from '../../../src/core';

describe('parseMoney', () => {
  it.each([
    ['10.59', 'USD', 1059],
    ['-0.05', 'USD', -5],
    ['$1,234.50', 'USD', 123450],
    ['(3.00)', 'USD', -300],
    ['1980', 'JPY', 1980],
    ['1.234', 'KWD', 1234],
    ['12.300', 'USD', 1230],
  ])('%s %s is %d minor units', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toEqual({ ok: true, minor });
  });

  it('reads a float cell without float drift (0.1 + 0.2 typed as 0.30000000000000004)', () => {
    expect(parseMoney(0.1 + 0.2, 'USD')).toEqual({ ok: true, minor: 30 });
    expect(parseMoney(19.99, 'USD')).toEqual({ ok: true, minor: 1999 });
  });

  it('rejects text that is not an amount or has too many decimals', () => {
    expect(parseMoney('abc', 'USD').ok).toBe(false);
    expect(parseMoney('1.005', 'USD').ok).toBe(false);
  });

  it('formats back exactly', () => {
    expect(formatMoneyPlain(-5, 'USD')).toBe('-0.05');
    expect(formatMoneyPlain(1980, 'JPY')).toBe('1980');
    expect(toMajor(123450, 'USD')).toBe(1234.5);
  });
});
