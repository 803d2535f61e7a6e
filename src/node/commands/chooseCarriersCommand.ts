/**
 * `shipsheet choose-carriers --book B [--rates card|amazon|both]`: package, carrier service and rate for every
 * allocated order item, from the rate card, Amazon Buy Shipping's live rates, or both competing.
 */
import type { Command } from 'commander';
import type { RateSource } from '../../core';
import { chooseCarriers, isRateSource, RATE_SOURCES, readSettings, settingsTable } from '../../core';
import { amazonPlugins } from '../amazon/amazonPlugins';
import { fetchHttpPort } from '../amazon/fetchHttpPort';
import { UsageError } from './errors';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

interface ChooseCarriersCommandOptions extends BookCommandOptions {
  rates?: string;
}

export function registerChooseCarriers(program: Command): void {
  program
    .command('choose-carriers')
    .description(
      'rate Allocated order items from the rate card (Rates/Services/Zones/Surcharges), Amazon Buy Shipping, or both, with your Rules and the promise (→ Rated)',
    )
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option(
      '--rates <source>',
      `where rates come from: ${RATE_SOURCES.join(', ')} (default: Settings rate-source)`,
    )
    .option('--json', 'print a machine-readable summary')
    .option('--write-copy <file>', 'write the result to another .xlsx instead of the one read')
    .action(async (opts: ChooseCarriersCommandOptions) => {
      const flag = opts.rates?.trim().toLowerCase();
      if (flag !== undefined && !isRateSource(flag))
        throw new UsageError(
          `shipsheet choose-carriers: --rates must be ${RATE_SOURCES.join(', ')}, not ${opts.rates}`,
        );
      process.exitCode = await withBook(opts, async (book, progress) => {
        const settings = readSettings(
          (await book.read([settingsTable.name])).get(settingsTable.name) ?? null,
        ).settings;
        const source = (flag ?? settings.text('rate-source').trim().toLowerCase()) as RateSource;
        // Only a live source connects to Amazon: the card alone never needs credentials or the network.
        const buyShipping =
          source === 'card' ? undefined : amazonPlugins(settings.text('marketplace')).amazon;
        if (source !== 'card' && !buyShipping)
          throw new UsageError(
            `shipsheet choose-carriers: rates from ${source} need the Amazon connection: set SHIPSHEET_LWA_CLIENT_ID, SHIPSHEET_LWA_CLIENT_SECRET and SHIPSHEET_LWA_REFRESH_TOKEN (docs/amazon.md), and a Settings marketplace Buy Shipping serves; nothing was read from Amazon or written.`,
          );
        return chooseCarriers(book, nodeRunContext(progress), {
          rateSource: isRateSource(source) ? source : undefined,
          ...(buyShipping ? { buyShipping, http: fetchHttpPort() } : {}),
        });
      });
    });
}
