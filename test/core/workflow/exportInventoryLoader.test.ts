import type { InventoryLoaderFile } from '../../../src/core';
import { exportInventoryLoader } from '../../../src/core';
import { LISTING_HEADER, book, inventoryGrid, listing, ordersGrid, settingsGrid } from './stockFixtures';

describe('exportInventoryLoader', () => {
  it('offers available after allocation minus safety stock, for merchant-fulfilled SKUs with stock only', async () => {
    const b = book({
      Orders: ordersGrid([
        { order: 'O1', item: 'I1', sku: 'MUG', qty: 3 },
        { order: 'O2', item: 'I2', sku: 'LOW', qty: 1 },
      ]),
      Inventory: inventoryGrid([
        ['MUG', 'A-01', 5],
        ['MUG', 'B-STORE', 4],
        ['MUG', 'X-LOST', 50],
        ['LOW', 'A-01', 2],
        ['MUG-FBA', 'A-01', 40],
        ['UNLISTED', 'A-01', 9],
      ]),
      Listings: [
        LISTING_HEADER,
        listing('MUG'),
        listing('LOW', { 'handling-time': null }),
        listing('MUG-FBA', { 'fulfillment-channel': 'AMAZON_NA' }),
        listing('NO-STOCK'),
      ],
      Settings: settingsGrid({ 'location-rank': 'A-*, B-STORE', 'safety-stock': '2' }),
    });
    const before = await b.read(['Orders', 'Inventory']);
    const r = await exportInventoryLoader(b);
    expect(r.ok).toBe(true);
    expect((r.data as InventoryLoaderFile).text).toBe(
      'sku\tquantity\thandling-time\r\nLOW\t0\t\r\nMUG\t4\t2\r\n',
    );
    // The unranked location is named; its 50 units are not offered. Nothing is written to the workbook.
    expect(r.problems).toEqual([expect.objectContaining({ sheet: 'Inventory', row: 4, column: 'location' })]);
    expect(await b.read(['Orders', 'Inventory'])).toEqual(before);
    expect(b.calls.write).toBe(0);
  });
});
