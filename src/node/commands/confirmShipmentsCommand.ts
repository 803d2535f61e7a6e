/** `shipsheet confirm-shipments --via api|feed --book B`: shipping confirmations to Amazon for labels bought elsewhere. */
import type { Command } from 'commander';
import { confirmShipmentsViaApi, confirmShipmentsViaFeed, readSettings, settingsTable } from '../../core';
import { nodeFeedCodec } from '../amazon/feedCodec';
import { fetchHttpPort } from '../amazon/fetchHttpPort';
import { spApiClientFromEnv } from '../amazon/spApiFromEnv';
import { UsageError } from './errors';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

interface ConfirmCommandOptions extends BookCommandOptions {
  via: string;
  again?: boolean;
  pollSeconds: string;
  timeoutMinutes: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function registerConfirmShipments(program: Command): void {
  program
    .command('confirm-shipments')
    .alias('confirm')
    .description(
      'confirm shipped orders to Amazon (labels bought outside Buy Shipping): confirmShipment per package, or one feed',
    )
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option(
      '--via <how>',
      'api (confirmShipment, answered at once) or feed (POST_FLAT_FILE_FULFILLMENT_DATA)',
      'api',
    )
    .option('--again', 'also send order items exported in a ship-confirm file or rejected before')
    .option('--poll-seconds <n>', 'feed: seconds between status checks', '30')
    .option('--timeout-minutes <n>', 'feed: how long to wait for the processing report', '20')
    .option('--json', 'print a machine-readable summary')
    .action(async (opts: ConfirmCommandOptions) => {
      const via = opts.via.toLowerCase();
      if (via !== 'api' && via !== 'feed') throw new UsageError(`--via ${opts.via}: use api or feed.`);
      const pollSeconds = Number(opts.pollSeconds);
      const timeoutMinutes = Number(opts.timeoutMinutes);
      if (!(pollSeconds >= 0) || !(timeoutMinutes >= 0))
        throw new UsageError('--poll-seconds and --timeout-minutes take a number of seconds / minutes.');
      process.exitCode = await withBook(opts, async (book, progress) => {
        const settings = readSettings(
          (await book.read([settingsTable.name])).get(settingsTable.name) ?? null,
        ).settings;
        progress.phase('Connecting to Amazon');
        const client = spApiClientFromEnv(settings.text('marketplace'));
        const context = nodeRunContext(progress);
        if (via === 'api')
          return confirmShipmentsViaApi(book, client, context, { again: opts.again, clock: Date.now, sleep });
        return confirmShipmentsViaFeed(book, client, context, {
          again: opts.again,
          http: fetchHttpPort(),
          codec: nodeFeedCodec,
          pollIntervalMs: pollSeconds * 1000,
          timeoutMs: timeoutMinutes * 60_000,
          sleep,
        });
      });
    });
}
