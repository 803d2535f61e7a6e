/** `shipsheet export KIND --book B --out FILE`: files for Amazon from the workbook (ship-confirm, …). */
import type { Command } from 'commander';
import { UsageError } from './errors';
import { EXPORTERS } from './exporters';
import type { ExportOptions } from './exporters';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(`write a file for Amazon from the workbook (kinds: ${Object.keys(EXPORTERS).join(', ')})`)
    .argument('<kind>', 'what to write')
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .requiredOption('--out <file>', 'file to write, e.g. ship-confirm.txt or inventory-loader.txt')
    .option('--again', 'ship-confirm: export order items already exported too')
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
