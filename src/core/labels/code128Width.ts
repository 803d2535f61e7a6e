/**
 * The width of a Code 128 symbol in modules, so a layout can size bars without encoding them: 11 per symbol
 * character plus start, check and stop (35), digit runs of four or more packed in pairs (code set C).
 * An upper bound of what an optimising encoder (bwip-js, a Zebra printer) produces.
 */
export function code128Modules(data: string): number {
  let symbols = 0;
  const text = data.replace(/[()]/g, '');
  // GS1-128 starts with FNC1.
  const fnc1 = data.startsWith('(') ? 1 : 0;
  for (const run of text.match(/\d+|\D+/g) ?? []) {
    if (/^\d/.test(run) && run.length >= 4) symbols += Math.ceil(run.length / 2) + 1 + (run.length % 2);
    else symbols += run.length;
  }
  return 35 + 11 * (symbols + fnc1);
}
