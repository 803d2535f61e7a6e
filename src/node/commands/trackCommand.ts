/** `shipsheet track --book B`: delivery status of bought labels from their providers, onto Shipments and Orders. */
import type { Command } from 'commander';
import { readSettings, settingsTable, trackShipments } from '../../core';
import { amazonPlugins } from '../amazon/amazonPlugins';
import { fetchHttpPort } from '../amazon/fetchHttpPort';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerTrack(program: Command): void {
  program
    .command('track')
    .description('read delivery status for bought labels (Amazon Buy Shipping, …) into Shipments and Orders')
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option('--json', 'print a machine-readable summary')
    .action(async (opts: BookCommandOptions) => {
      process.exitCode = await withBook(opts, async (book, progress) => {
        const settings = readSettings(
          (await book.read([settingsTable.name])).get(settingsTable.name) ?? null,
        ).settings;
        return trackShipments(
          book,
          amazonPlugins(settings.text('marketplace')),
          fetchHttpPort(),
          nodeRunContext(progress),
        );
      });
    });
}
