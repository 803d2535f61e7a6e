/** Buyer-data purge. Clock 2026-12-01 (Los Angeles), retention 30 days: dates before 2026-11-01 are past it. */
import { KEPT_LOCATION_COLUMNS, PERSONAL_COLUMNS, looksPersonal, purgePii } from '../../../src/core';
import { book, context, grid, order, rowsOf } from './fixtures';

const rows = [
  order('111-0000001-0000001', '10000000000001', {
    status: 'Shipped',
    'ship-date': '2026-10-28',
    'delivered-date': '2026-10-31',
    'buyer-company-name': 'Buyer Co',
    'order-note': 'gift',
  }),
  order('111-0000002-0000002', '20000000000001', {
    status: 'Shipped',
    'ship-date': '2026-10-28',
    'delivered-date': '2026-11-01',
  }),
  order('111-0000003-0000003', '30000000000001', {
    status: 'Confirmed',
    'ship-date': '2026-10-20',
    'buyer-phone-number': '+1 555 0100',
    'ship-address-2': 'Apt 4',
  }),
  order('111-0000004-0000004', '40000000000001', { status: 'Shipped', 'ship-date': '2026-11-20' }),
  order('111-0000005-0000005', '50000000000001', {
    status: 'Cancelled',
    'purchase-date': '2026-10-01T10:00:00Z',
  }),
  order('111-0000006-0000006', '60000000000001', { status: 'New', 'purchase-date': '2026-09-01T10:00:00Z' }),
  order('111-0000007-0000007', '70000000000001', { status: 'Shipped', 'shipment-id': 'S-7' }),
];

function workbook() {
  return book({
    Orders: grid(rows),
    Shipments: grid([
      { 'shipment-id': 'S-7', 'order-id': '111-0000007-0000007', 'delivered-date': '2026-10-25' },
    ]),
    Settings: grid([{ key: 'pii-retention-days', value: '30' }]),
  });
}

describe('purgePii', () => {
  test('blanks personal data of orders past retention and keeps everything reports need', async () => {
    const b = workbook();
    const before = await rowsOf(b, 'Orders');
    const r = await purgePii(b, context);
    expect(r.stats.purged).toBe(4);
    const after = await rowsOf(b, 'Orders');
    const purged = after.map((o) => o['pii-purged-at'] !== null);
    // delivered 31 Oct, delivered 1 Nov (exactly 30 days: kept), shipped 20 Oct, shipped 20 Nov, cancelled 1 Oct, new, delivered 25 Oct per Shipments
    expect(purged).toEqual([true, false, true, false, true, false, true]);
    const personal = new Set<string>([...PERSONAL_COLUMNS, 'buyer-company-name']);
    after.forEach((o, i) => {
      for (const [k, v] of Object.entries(o)) {
        if (k === 'pii-purged-at') continue;
        if (purged[i] && personal.has(k)) expect([k, v]).toEqual([k, null]);
        else expect([k, v]).toEqual([k, before[i][k] ?? null]);
      }
    });
    // What reports need is still there on a purged row.
    expect(after[0]).toMatchObject({
      'order-id': '111-0000001-0000001',
      'order-item-id': '10000000000001',
      sku: 'SKU-01',
      'quantity-purchased': 1,
      'item-price': 19.99,
      currency: 'USD',
      'purchase-date': '2026-11-30T10:00:00-08:00',
      'ship-date': '2026-10-28',
      'ship-city': 'Austin',
      'ship-state': 'TX',
      'ship-postal-code': '78701',
      'ship-country': 'US',
      'order-note': 'gift',
      'pii-purged-at': '2026-12-01T17:00:00Z',
    });
    const log = await rowsOf(b, 'Log');
    expect(log[0]).toMatchObject({ action: 'purge pii', 'rows-changed': 4 });
  });

  test('a second run changes nothing but the Log', async () => {
    const b = workbook();
    await purgePii(b, context);
    const orders = await rowsOf(b, 'Orders');
    const again = await purgePii(b, context);
    expect(again.stats.purged).toBe(0);
    expect(await rowsOf(b, 'Orders')).toEqual(orders);
  });

  test('which extra columns count as personal', () => {
    expect(
      [
        'buyer-company-name',
        'Buyer Tax Registration Id',
        'ship-to-name',
        'customer-email',
        'address-line-3',
      ].every(looksPersonal),
    ).toBe(true);
    expect(['item-name', 'order-note', 'product-name', ...KEPT_LOCATION_COLUMNS].some(looksPersonal)).toBe(
      false,
    );
  });
});
