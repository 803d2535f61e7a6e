/** Every table a Shipsheet workbook holds, in sheet order. */
import { carrierCodesTable } from './carrierCodes';
import { inventoryTable } from './inventory';
import { listingsTable } from './listings';
import { logTable } from './log';
import { ordersTable } from './orders';
import { ratesTable } from './rates';
import { returnsTable } from './returns';
import { rulesTable } from './rules';
import { salesReportTable } from './salesReport';
import { schedulesTable } from './schedules';
import type { TableSchema } from './schema';
import { settingsTable } from './settingsTable';
import { shipmentsTable } from './shipments';

export const ALL_TABLES: readonly TableSchema[] = [
  ordersTable,
  inventoryTable,
  listingsTable,
  ratesTable,
  rulesTable,
  shipmentsTable,
  returnsTable,
  settingsTable,
  logTable,
  salesReportTable,
  schedulesTable,
  carrierCodesTable,
];

export function tableByName(name: string): TableSchema | undefined {
  const n = name.trim().toLowerCase();
  return ALL_TABLES.find((t) => t.name.toLowerCase() === n);
}
