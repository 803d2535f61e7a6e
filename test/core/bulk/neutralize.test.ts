import fc from 'fast-check';
import { looksLikeFormula, neutralizeText, restoreText } from '../../../src/core';

describe('formula neutralising', () => {
  test.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ["'quoted", "''quoted"],
    ['plain', 'plain'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j is written as %j', (input, output) => {
    expect(neutralizeText(input)).toBe(output);
    expect(restoreText(output)).toBe(input);
  });

  test('an apostrophe a seller typed before ordinary text is kept on import', () => {
    expect(restoreText("'abc")).toBe("'abc");
  });

  test('restoring a neutralised text always gives the original, and no neutralised text reads as a formula', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', "'"),
        (s, prefix) => {
          const original = prefix + s;
          const written = neutralizeText(original);
          expect(looksLikeFormula(written)).toBe(false);
          expect(restoreText(written)).toBe(original);
        },
      ),
    );
  });
});
