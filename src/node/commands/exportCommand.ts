/**
 * `shipsheet export KIND --book B --out FILE`: files for Amazon from the workbook (ship-confirm, …), or any
 * table in bulk to .xlsx, .csv or .tsv.
 */
import type { Command } from 'commander';
import { UsageError } from './errors';
import { EXPORTERS, exportKinds, tableExporterFor } from './exporters';
import type { TableExportOptions } from './exporters';
import { printResults } from './output';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(`write a file from the workbook (kinds: ${exportKinds().join(', ')})`)
    .argument('<kind>', 'a file for Amazon (ship-confirm, …) or a table name (bulk export)')
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .requiredOption(
      '--out <file>',
      'file to write: ship-confirm.txt, inventory-loader.txt, or FILE.xlsx|.csv|.tsv for a table',
    )
    .option('--again', 'ship-confirm: export order items already exported too')
    .option('--with-price', 'inventory-loader: also send each listing price (default: quantities only)')
    .option('--json', 'print a machine-readable summary')
    .action(async (kind: string, opts: BookCommandOptions & TableExportOptions) => {
      const exporter = EXPORTERS[kind.toLowerCase()];
      if (exporter) {
        process.exitCode = await withBook(opts, (book) => exporter(book, opts));
        return;
      }
      const tableExporter = tableExporterFor(kind);
      if (!tableExporter)
        throw new UsageError(
          `shipsheet export: unknown kind ${kind}; use one of ${exportKinds().join(', ')}`,
        );
      process.exitCode = printResults([await tableExporter(opts)], { json: opts.json });
    });
}
