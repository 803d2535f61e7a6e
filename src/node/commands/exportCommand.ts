/** `shipsheet export KIND --book B --out FILE`: a table (or a domain export) from the workbook to a file. */
import type { Command } from 'commander';
import { printResults } from './output';
import { UsageError } from './errors';
import { exportKinds, exporterFor } from './exporters';
import type { ExportOptions } from './exporters';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(`write a table of the workbook to a file (kinds: ${exportKinds().join(', ')})`)
    .argument('<kind>', 'a table name (bulk export) or a domain export')
    .requiredOption('--book <book>', 'workbook: FILE.xlsx or gsheet:ID')
    .requiredOption('--out <file>', 'FILE.xlsx, FILE.csv or FILE.tsv')
    .option('--json', 'print a machine-readable summary')
    .action(async (kind: string, opts: ExportOptions) => {
      const exporter = exporterFor(kind);
      if (!exporter)
        throw new UsageError(
          `shipsheet export: unknown kind ${kind}; use one of ${exportKinds().join(', ')}`,
        );
      process.exitCode = printResults([await exporter(opts)], { json: opts.json });
    });
}
