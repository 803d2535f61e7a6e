/**
 * `shipsheet labels --book B --format pdf|zpl --out DIR [--reprint] [--printer host:port]`: buy labels for the
 * Rated orders, write labels, packing slips and pick list, record Orders and Shipments; optionally send the ZPL
 * to a network label printer. `shipsheet void SHIPMENT-ID --book B`: void a label.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ActionResult, Workbook } from '../../core';
import type { CarrierPlugin, HttpPort } from '../../core';
import {
  generateLabels,
  labelProvider,
  labelProviderIds,
  readSettings,
  settingsTable,
  voidShipment,
} from '../../core';
import { amazonPlugins } from '../amazon/amazonPlugins';
import { fetchHttpPort } from '../amazon/fetchHttpPort';
import { FileLabelSink } from '../labels/fileLabelSink';
// Label providers that need the network get a real adapter with their issue; the sample provider needs none.
import { OFFLINE_HTTP } from '../labels/offlineHttp';
import { parsePrinterAddress, sendToPrinter } from '../labels/rawPrinter';
import { UsageError } from './errors';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

interface LabelsOptions extends BookCommandOptions {
  format?: string;
  out: string;
  reprint?: boolean;
  printer?: string;
  provider?: string;
}

export function registerLabels(program: Command): void {
  program
    .command('labels')
    .description(
      'buy labels for Rated orders; write labels, packing slips and the pick list; record Orders and Shipments',
    )
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option('--format <format>', 'pdf or zpl (default: Settings label-format)')
    .option('--out <dir>', 'folder for the label, packing slip and pick list files', 'labels')
    .option('--reprint', 'print labels already bought again (never buys again)')
    .option(
      '--printer <host:port>',
      'also send the ZPL labels to a network label printer (raw port, e.g. 9100)',
    )
    .option(
      '--provider <id>',
      `label provider (default: Settings label-provider; known: ${labelProviderIds().join(', ')})`,
    )
    .option('--json', 'print a machine-readable summary')
    .action(async (opts: LabelsOptions) => {
      const format = opts.format?.toLowerCase();
      if (format !== undefined && format !== 'pdf' && format !== 'zpl')
        throw new UsageError(`shipsheet labels: --format must be pdf or zpl, not ${opts.format}`);
      const printer = opts.printer === undefined ? null : parsePrinterAddress(opts.printer);
      if (opts.printer !== undefined && !printer)
        throw new UsageError(
          `shipsheet labels: --printer ${opts.printer} is not host:port (e.g. 192.168.1.50:9100)`,
        );
      if (printer && format !== 'zpl')
        throw new UsageError('shipsheet labels: --printer sends ZPL; add --format zpl');
      const outDir = path.resolve(opts.out);
      process.exitCode = await withBook(opts, async (book, progress) => {
        const known = await providersFor(book);
        const providerId = (opts.provider ?? known.settingId).trim().toLowerCase();
        const provider = known.providers[providerId];
        if (!provider)
          throw new UsageError(
            `label provider ${providerId} is not available; use one of ${Object.keys(known.providers).join(', ')} (Settings label-provider; amazon needs the SP-API credentials in the environment)`,
          );
        const result = await generateLabels(
          book,
          {
            provider,
            http: httpFor(provider),
            sink: new FileLabelSink(outDir),
            format: format as 'pdf' | 'zpl' | undefined,
            reprint: opts.reprint,
            // A package whose rate Buy Shipping quoted is bought there, at that quote, whatever --provider says.
            providers: known.providers,
          },
          nodeRunContext(progress),
        );
        if (!printer || !result.ok) return result;
        return [result, await printZpl(result, printer)];
      });
    });

  program
    .command('void')
    .description('void a label (refund from the provider); its order items go back to Rated')
    .argument('<shipment-id>', 'Shipments shipment-id, e.g. SH-20261201-0001')
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option('--json', 'print a machine-readable summary')
    .action(async (shipmentId: string, opts: BookCommandOptions) => {
      process.exitCode = await withBook(opts, async (book) => {
        const { providers } = await providersFor(book);
        const provider = (id: string) => providers[id.trim().toLowerCase()];
        return voidShipment(book, shipmentId, provider, fetchHttpPort(), nodeRunContext());
      });
    });
}

/** The providers this book can use: the offline sample one, and Amazon Buy Shipping when its credentials are set. */
async function providersFor(
  book: Workbook,
): Promise<{ providers: Record<string, CarrierPlugin>; settingId: string }> {
  const settings = readSettings(
    (await book.read([settingsTable.name])).get(settingsTable.name) ?? null,
  ).settings;
  const providers: Record<string, CarrierPlugin> = {};
  for (const id of labelProviderIds()) providers[id] = labelProvider(id) as CarrierPlugin;
  Object.assign(providers, amazonPlugins(settings.text('marketplace')));
  return { providers, settingId: settings.text('label-provider') };
}

/** Offline providers get a port that refuses any request, so the sample labels can never reach a network. */
function httpFor(provider: CarrierPlugin): HttpPort {
  return provider.metadata.drawsLabels ? OFFLINE_HTTP : fetchHttpPort();
}

async function printZpl(
  result: ActionResult,
  printer: { host: string; port: number },
): Promise<ActionResult> {
  const files = ((result.data as { files?: string[] } | undefined)?.files ?? []).filter((f) =>
    f.endsWith('.zpl'),
  );
  const base = { action: 'print labels', changes: [], stats: {} };
  if (files.length === 0)
    return { ...base, ok: true, problems: [], lines: ['Nothing sent to the printer: no new labels.'] };
  try {
    let bytes = 0;
    for (const f of files) bytes += await sendToPrinter(printer, await fs.promises.readFile(f));
    return {
      ...base,
      ok: true,
      problems: [],
      stats: { bytes },
      lines: [
        `Sent ${files.map((f) => path.basename(f)).join(', ')} (${bytes} bytes) to ${printer.host}:${printer.port}.`,
      ],
    };
  } catch (e) {
    return {
      ...base,
      ok: true,
      problems: [
        {
          sheet: 'printer',
          row: null,
          column: null,
          message: `${(e as Error).message}; the labels are saved in ${files.join(', ')}`,
        },
      ],
      lines: ['The labels were bought and saved, but printing failed.'],
    };
  }
}
