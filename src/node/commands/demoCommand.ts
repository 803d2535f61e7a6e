/** `shipsheet demo`: the whole day on the bundled sample data, in a fresh workbook under ./out. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ActionResult } from '../../core';
import { exitCodeOf } from '../../core';
import { DEMO_NOW, DEMO_STEPS } from '../demo/demoSteps';
import { XlsxWorkbook } from '../xlsx/xlsxWorkbook';
import { printResults } from './output';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the whole day on the bundled sample data, in a fresh workbook')
    .option('--out <dir>', 'folder for the workbook and files', 'out')
    .option('--json', 'print a machine-readable summary')
    .action(async (opts: { out: string; json?: boolean }) => {
      const outDir = path.resolve(opts.out);
      await fs.promises.mkdir(outDir, { recursive: true });
      const bookPath = path.join(outDir, 'shipsheet-demo.xlsx');
      await fs.promises.rm(bookPath, { force: true });
      const book = await XlsxWorkbook.open(bookPath, { create: true });
      const all: ActionResult[] = [];
      try {
        if (!opts.json)
          process.stdout.write(
            `Shipsheet demo: the sample seller's day (clock set to ${DEMO_NOW.toISOString()}), in ${path.relative(process.cwd(), bookPath) || bookPath}\n`,
          );
        for (const [i, step] of DEMO_STEPS.entries()) {
          if (!opts.json) process.stdout.write(`\n${i + 1}. ${step.title}\n`);
          const results = await step.run({
            book,
            bookPath,
            outDir,
            context: { now: DEMO_NOW, user: 'demo' },
          });
          all.push(...results);
          if (!opts.json) printResults(results, { maxProblems: 10 });
          if (results.some((r) => !r.ok)) break;
        }
      } finally {
        book.close();
      }
      if (opts.json) printResults(all, { json: true });
      else process.stdout.write(`\nDone. Open ${bookPath} to see the sheets.\n`);
      process.exitCode = all.some((r) => exitCodeOf(r) === 2) ? 2 : 0;
    });
}
