/** Printing a step's result: a human summary by default, JSON with --json; and the exit code. */
import type { ActionResult } from '../../core';
import { exitCodeOf, formatProblem } from '../../core';

export interface OutputOptions {
  json?: boolean;
  /** How many problems to print in the human summary (all go to --json). */
  maxProblems?: number;
}

export function printResults(results: readonly ActionResult[], options: OutputOptions = {}): number {
  const code = Math.max(0, ...results.map(exitCodeOf));
  if (options.json) {
    const out = results.map((r) => ({ ...r, exitCode: exitCodeOf(r) }));
    process.stdout.write(JSON.stringify(out.length === 1 ? out[0] : out, null, 2) + '\n');
    return code;
  }
  const max = options.maxProblems ?? 50;
  for (const r of results) {
    const stream = r.ok ? process.stdout : process.stderr;
    for (const line of r.lines) stream.write(line + '\n');
    if (r.problems.length > 0) {
      process.stdout.write(`${r.problems.length} problem${r.problems.length > 1 ? 's' : ''}:\n`);
      for (const p of r.problems.slice(0, max)) process.stdout.write(`  - ${formatProblem(p)}\n`);
      if (r.problems.length > max)
        process.stdout.write(`  … and ${r.problems.length - max} more (see --json)\n`);
    }
  }
  return code;
}
