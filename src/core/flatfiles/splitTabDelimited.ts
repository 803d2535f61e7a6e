/** Amazon flat files are tab-delimited and never quoted: a line is a row, a tab separates fields. */

/** `splitTabDelimited('a\tb\r\n1\t"2"')` → [['a','b'],['1','"2"']]. A BOM is dropped; a final empty line is not a row. */
export function splitTabDelimited(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}
