/** `shipsheet export KIND --book B --out FILE`: write a file from the workbook (the workbook is not changed). */
import type { Command } from 'commander';
import { UsageError } from './errors';
import { EXPORTERS } from './exporters';
import type { ExportOptions } from './exporters';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(`write a file from the workbook (kinds: ${Object.keys(EXPORTERS).join(', ')})`)
    .argument('<kind>', 'what to write')
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .requiredOption('--out <file>', 'the file to write')
    .option('--with-price', 'inventory-loader: also send each listing price (default: quantities only)')
    .option('--json', 'print a machine-readable summary')
    .action(async (kind: string, opts: BookCommandOptions & ExportOptions) => {
      const exporter = EXPORTERS[kind.toLowerCase()];
      if (!exporter)
        throw new UsageError(
          `shipsheet export: unknown kind ${kind}; use one of ${Object.keys(EXPORTERS).join(', ')}`,
        );
      process.exitCode = await withBook(opts, (book) => exporter(book, opts));
    });
}
