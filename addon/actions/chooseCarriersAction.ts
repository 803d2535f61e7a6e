/**
 * Choose carriers from the menu: the core's chooseCarriers, with Amazon Buy Shipping as a rate source when Settings
 * `rate-source` is amazon or both and the Amazon keys are saved (Settings…); the card alone needs no network.
 */
import type { ActionResult, CarrierPlugin, HttpPort, RunContext, Workbook } from '../../src/core';
import { chooseCarriers, readSettings, settingsTable } from '../../src/core';

export type LiveProviders = (
  marketplace: string,
) => Record<string, { provider: CarrierPlugin; http: HttpPort }>;

export async function chooseCarriersAction(
  book: Workbook,
  context: RunContext,
  live: LiveProviders,
): Promise<ActionResult> {
  const grid = (await book.read([settingsTable.name])).get(settingsTable.name) ?? null;
  const { settings } = readSettings(grid);
  const source = settings.text('rate-source').trim().toLowerCase();
  if (source === '' || source === 'card') return chooseCarriers(book, context);
  // Without the keys the core refuses, saying the connection is missing, and writes nothing.
  const amazon = live(settings.text('marketplace')).amazon;
  return chooseCarriers(book, context, amazon ? { buyShipping: amazon.provider, http: amazon.http } : {});
}
