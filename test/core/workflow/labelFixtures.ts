/**
 * Workbooks of Rated orders for the label tests, built the way the stock and carrier steps leave them: status
 * Rated, allocated-from, package-id, carrier, service, billable weight and rate filled in.
 */
import type { OrderRecord } from '../../../src/core';
import {
  listingsTable,
  MemoryWorkbook,
  ordersTable,
  setUpSheets,
  settingsTable,
  TableEditor,
} from '../../../src/core';

export interface RatedItem {
  orderId: string;
  itemId: string;
  sku: string;
  qty?: number;
  name?: string;
  address1?: string;
  city?: string;
  state?: string | null;
  zip?: string;
  country?: string;
  carrier?: string | null;
  service?: string | null;
  weightOz?: number | null;
  rateCents?: number;
  allocatedFrom?: string;
  packageId?: string;
  gift?: string;
  status?: OrderRecord['status'];
  cancelRequested?: boolean;
}

export const LISTINGS = [
  { sku: 'MUG-CER-12', asin: 'B0C1MUG012', title: 'Ceramic Coffee Mug 12 oz, Speckled Blue' },
  { sku: 'TOTE-CNV-NAT', asin: 'B0C1TOTE01', title: 'Canvas Tote Bag, Natural, 15" x 16"' },
  { sku: 'CANDLE-SOY-8', asin: 'B0C1CANDL8', title: 'Soy Candle 8 oz, Cedar & Sage' },
  { sku: 'LAMP-DSK-LED', asin: 'B0C1LAMP01', title: 'LED Desk Lamp, Dimmable, Matte Black' },
  { sku: 'SOCK-WOOL-M', asin: 'B0C1SOCKM1', title: 'Merino Wool Socks, Medium, 3 Pairs' },
];

export function orderRecord(i: RatedItem): Partial<OrderRecord> {
  return {
    'order-id': i.orderId,
    'order-item-id': i.itemId,
    'purchase-date': '2026-11-30T15:02:50Z',
    'promise-date': '2026-12-02T07:59:59Z',
    sku: i.sku,
    'product-name': LISTINGS.find((l) => l.sku === i.sku)?.title ?? i.sku,
    'quantity-purchased': i.qty ?? 1,
    'quantity-to-ship': i.qty ?? 1,
    'recipient-name': i.name ?? 'Maria Lopez',
    'ship-address-1': i.address1 ?? '1420 W Olive Ave',
    'ship-city': i.city ?? 'FRESNO',
    'ship-state': i.state === undefined ? 'CA' : i.state,
    'ship-postal-code': i.zip ?? '93728-2211',
    'ship-country': i.country ?? 'US',
    'gift-message-text': i.gift ?? null,
    'sales-channel': 'Amazon.com',
    status: i.status ?? 'Rated',
    'is-buyer-requested-cancellation': i.cancelRequested ?? false,
    'allocated-qty': i.qty ?? 1,
    'allocated-from': i.allocatedFrom ?? `A-01:${i.qty ?? 1}`,
    'package-id': i.packageId ?? `${i.orderId}-1`,
    package: 'Box S 8x6x4 in',
    'billable-weight-oz': i.weightOz === undefined ? 20 : i.weightOz,
    carrier: i.carrier === undefined ? 'UPS' : i.carrier,
    service: i.service === undefined ? 'Ground' : i.service,
    rate: i.rateCents ?? 845,
    'rate-currency': 'USD',
  };
}

/** A fresh workbook (all sheets, default Settings) holding these Rated items and the sample listings. */
export async function ratedWorkbook(
  items: readonly RatedItem[],
  settings: Record<string, string> = {},
): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook('test.xlsx');
  await setUpSheets(book);
  const grids = await book.read([ordersTable.name, listingsTable.name, settingsTable.name]);
  const orders = new TableEditor(
    ordersTable,
    grids.get(ordersTable.name) ?? null,
    ordersTable.columns.map((c) => c.name),
  );
  for (const i of items) orders.append(orderRecord(i));
  const listings = new TableEditor(
    listingsTable,
    grids.get(listingsTable.name) ?? null,
    listingsTable.columns.map((c) => c.name),
  );
  for (const l of LISTINGS) listings.append(l);
  const settingsEditor = new TableEditor(
    settingsTable,
    grids.get(settingsTable.name) ?? null,
    settingsTable.columns.map((c) => c.name),
  );
  const settingsGrid = grids.get(settingsTable.name) ?? [];
  for (const [key, value] of Object.entries(settings)) {
    const row = settingsGrid.findIndex((r) => r[0] === key);
    if (row >= 0) settingsEditor.update(row + 1, { value });
    else settingsEditor.append({ key, value });
  }
  await book.write({ sheets: [orders.toWrite(), listings.toWrite(), settingsEditor.toWrite()] });
  return book;
}

/** Ten orders over several locations and carriers, one with two items, one Japanese, one with a gift message. */
export const TEN_ORDERS: RatedItem[] = [
  { orderId: '112-0000001-0000001', itemId: '10000000000001', sku: 'MUG-CER-12', allocatedFrom: 'B-STORE:1' },
  {
    orderId: '112-0000001-0000002',
    itemId: '10000000000002',
    sku: 'TOTE-CNV-NAT',
    allocatedFrom: 'A-02:1',
    carrier: 'USPS',
    service: 'Ground Advantage',
    zip: '02116',
    state: 'MA',
    city: 'BOSTON',
    name: "James O'Neil",
  },
  {
    orderId: '112-0000001-0000003',
    itemId: '10000000000003',
    sku: 'CANDLE-SOY-8',
    qty: 2,
    allocatedFrom: 'A-03:2',
    carrier: 'FedEx',
    service: 'Express Saver',
    gift: 'Happy birthday, Ana! Con cariño desde Almuñécar.',
  },
  { orderId: '112-0000001-0000004', itemId: '10000000000004', sku: 'MUG-CER-12', allocatedFrom: 'A-01:1' },
  { orderId: '112-0000001-0000004', itemId: '10000000000005', sku: 'SOCK-WOOL-M', allocatedFrom: 'A-05:1' },
  {
    orderId: '112-0000001-0000005',
    itemId: '10000000000006',
    sku: 'LAMP-DSK-LED',
    allocatedFrom: 'A-04:1',
    carrier: 'USPS',
    service: 'Priority Mail',
    weightOz: 58,
  },
  {
    orderId: '112-0000001-0000006',
    itemId: '10000000000007',
    sku: 'SOCK-WOOL-M',
    allocatedFrom: 'A-05:1',
    name: '山田 太郎',
    address1: '神南1-2-3 渋谷ビル5階',
    city: '渋谷区',
    state: '東京都',
    zip: '150-0041',
    country: 'JP',
    carrier: 'DHL',
    service: 'Express Worldwide',
  },
  {
    orderId: '112-0000001-0000007',
    itemId: '10000000000008',
    sku: 'TOTE-CNV-NAT',
    allocatedFrom: 'A-02:1',
    name: 'Dolores Almuñécar de la Fuente',
    carrier: 'UPS',
    service: '2nd Day Air',
  },
  {
    orderId: '112-0000001-0000008',
    itemId: '10000000000009',
    sku: 'CANDLE-SOY-8',
    allocatedFrom: 'A-03:1',
    carrier: 'USPS',
    service: 'Ground Advantage',
  },
  {
    orderId: '112-0000001-0000009',
    itemId: '10000000000010',
    sku: 'MUG-CER-12',
    qty: 2,
    allocatedFrom: 'A-01:1; B-STORE:1',
    carrier: 'UPS',
    service: 'Next Day Air',
  },
  { orderId: '112-0000001-0000010', itemId: '10000000000011', sku: 'LAMP-DSK-LED', allocatedFrom: 'A-04:1' },
];
