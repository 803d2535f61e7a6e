/**
 * Import orders from Amazon, from the menu: the core's importAmazonOrders (Orders API since the last sync, merged
 * by order-item-id exactly as an uploaded report is, the sync mark saved in Settings in the same write) over the
 * add-on's SP-API connection. Without the keys it refuses, saying which to save, and changes nothing.
 */
import type { ActionResult } from '../../src/core';
import { importAmazonOrders, readSettings, refused, settingsTable } from '../../src/core';
import type { StepEnvironment } from '../actions/actionTable';
import { tuning } from '../actions/continuation';
import { amazonConnection } from './amazonConnection';

export async function importFromAmazon({ book, context }: StepEnvironment): Promise<ActionResult> {
  const grid = (await book.read([settingsTable.name])).get(settingsTable.name) ?? null;
  const { settings } = readSettings(grid);
  // The same time budget the per-order steps stop starting passes at (4.5 of Apps Script's 6 minutes).
  const { timeBudgetMs } = tuning(PropertiesService.getDocumentProperties());
  const connection = amazonConnection(settings.text('marketplace'), { deadline: Date.now() + timeBudgetMs });
  if (!connection.ok) return refused('import orders', connection.message);
  return importAmazonOrders(book, connection.client, context);
}
