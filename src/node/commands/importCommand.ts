/** `shipsheet import KIND FILE --book B`: merge a file into the workbook, idempotent by key. */
import type { Command } from 'commander';
import { checkerFor, importKinds, importerFor } from './importers';
import { printResults } from './output';
import type { ImportOptions } from './importers';
import { UsageError } from './errors';
import { streamImportCommand } from './streamImportCommand';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(`merge a file into the workbook by key (kinds: ${importKinds().join(', ')})`)
    .argument('<kind>', 'what the file holds')
    .argument('[file]', 'tab-delimited report, CSV, or .xlsx')
    .option('--from <source>', 'orders only: amazon, to pull them from the Selling Partner API')
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option(
      '--encoding <name>',
      'text encoding (default: detected): utf-8, utf-16le, windows-1252, shift_jis',
    )
    .option('--sheet <name>', 'for .xlsx input: the sheet to read')
    .option('--mode <mode>', 'merge (default) or replace', 'merge')
    .option('--check', 'table files: validate every row and write FILE.errors.csv; change nothing')
    .option('--json', 'print a machine-readable summary')
    .option('--write-copy <file>', 'write the result to another .xlsx instead of the one read')
    .action(async (kind: string, fileArg: string | undefined, opts: BookCommandOptions & ImportOptions) => {
      if (opts.from && opts.from.toLowerCase() !== 'amazon')
        throw new UsageError(`shipsheet import: --from ${opts.from} is not known; use --from amazon`);
      if (opts.from && kind.toLowerCase() !== 'orders')
        throw new UsageError('shipsheet import: --from amazon works for orders only');
      if (opts.from) opts.from = opts.from.toLowerCase();
      const file = fileArg ?? '';
      if (!file && !opts.from)
        throw new UsageError('shipsheet import: name the file to import (or --from amazon for orders)');
      const checker = opts.check ? checkerFor(kind) : undefined;
      if (checker) {
        process.exitCode = printResults([await checker(file, opts)], { json: opts.json });
        return;
      }
      const importer = importerFor(kind);
      if (!importer)
        throw new UsageError(
          `shipsheet import: unknown kind ${kind}; use one of ${importKinds().join(', ')}`,
        );
      // Bulk table files into an .xlsx book stream (no row cap); else the book is loaded whole.
      const streamed = opts.from ? null : await streamImportCommand(kind, file, opts);
      if (streamed !== null) {
        process.exitCode = streamed;
        return;
      }
      process.exitCode = await withBook(opts, (book, progress) => importer(book, file, opts, progress));
    });
}
