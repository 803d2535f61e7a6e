/**
 * `shipsheet sync pull|push --spreadsheet ID --book LOCAL.xlsx`: copy the Shipsheet tables between a Google
 * Sheet and a local workbook (pull: Google → local; push: local → Google), keeping each side's own columns.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { ALL_TABLES, syncTables, tableByName } from '../../core';
import type { TableSchema } from '../../core';
import { openGoogleSheet, runOwner } from '../gsheets/openGoogleSheet';
import { terminalProgress } from '../progress';
import { XlsxWorkbook } from '../xlsx/xlsxWorkbook';
import { UsageError } from './errors';
import { printResults } from './output';
import { nodeRunContext } from './runContext';

interface SyncCommandOptions {
  spreadsheet: string;
  book: string;
  credentials?: string;
  tables?: string;
  json?: boolean;
}

function tablesOf(list: string | undefined): readonly TableSchema[] {
  if (!list) return ALL_TABLES;
  return list.split(',').map((name) => {
    const t = tableByName(name);
    if (!t)
      throw new UsageError(
        `shipsheet sync: there is no Shipsheet table ${name.trim()}; use ${ALL_TABLES.map((x) => x.name).join(', ')}`,
      );
    return t;
  });
}

export async function runSync(direction: 'pull' | 'push', opts: SyncCommandOptions): Promise<number> {
  const tables = tablesOf(opts.tables);
  if (/^gsheet:/i.test(opts.book))
    throw new UsageError(
      'shipsheet sync: --book is the local .xlsx workbook; the Google Sheet goes in --spreadsheet.',
    );
  const progress = terminalProgress();
  const onPhase = (label: string) => progress.phase(label);
  const google = await openGoogleSheet(opts.spreadsheet, {
    credentialsFile: opts.credentials,
    readOnly: direction === 'pull',
    onPhase,
  });
  // A push writes the Google Sheet: hold its lock, as commands with --book gsheet: do. A pull only reads it.
  const release = direction === 'push' ? await google.lock(runOwner()) : async () => undefined;
  try {
    const local = await XlsxWorkbook.open(opts.book, {
      create: direction === 'pull' && !fs.existsSync(opts.book),
      onPhase,
    });
    try {
      const [from, to] = direction === 'pull' ? [google, local] : [local, google];
      const result = await syncTables(from, to, nodeRunContext(progress), {
        action: `sync ${direction}`,
        tables,
      });
      progress.stop();
      return printResults([result], { json: opts.json });
    } finally {
      local.close();
    }
  } finally {
    progress.stop();
    await release();
  }
}

export function registerSync(program: Command): void {
  const sync = program
    .command('sync')
    .description(
      'copy the Shipsheet tables between a Google Sheet and a local workbook (see docs/google-sheets.md)',
    );
  for (const direction of ['pull', 'push'] as const) {
    sync
      .command(direction)
      .description(
        direction === 'pull'
          ? 'Google Sheet → local workbook (created when missing)'
          : 'local workbook → Google Sheet',
      )
      .requiredOption('--spreadsheet <id>', 'the Google Sheet: its id or URL')
      .requiredOption('--book <file>', 'the local workbook: FILE.xlsx')
      .option(
        '--credentials <file>',
        'a service account key or OAuth client file (else SHIPSHEET_GOOGLE_CREDENTIALS, or ADC)',
      )
      .option(
        '--tables <names>',
        `comma-separated tables (default all: ${ALL_TABLES.map((t) => t.name).join(',')})`,
      )
      .option('--json', 'print a machine-readable summary')
      .action(async (opts: SyncCommandOptions) => {
        process.exitCode = await runSync(direction, opts);
      });
  }
  sync.commands.forEach((c) => c.exitOverride());
}
