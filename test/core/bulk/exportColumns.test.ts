import {
  exportColumns,
  exportFieldText,
  exportXlsxValue,
  inventoryTable,
  ordersTable,
} from '../../../src/core';

const orders = exportColumns(ordersTable, [
  'order-id',
  'item-price',
  'status',
  'carrier',
  'ship-date',
  'my notes',
]);
const [orderId, price, status, carrier, shipDate, notes] = orders;

describe('export columns', () => {
  test('ids stay text, money stays a number, dates become dates, user columns are general', () => {
    expect(orders.map((c) => c.kind)).toEqual(['text', 'money', 'text', 'text', 'date', 'general']);
    expect(exportXlsxValue(orderId, 111222333444555)).toBe('111222333444555');
    expect(exportXlsxValue(price, 12.5)).toBe(12.5);
    expect(exportXlsxValue(shipDate, '2026-12-01')).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(exportXlsxValue(notes, 42)).toBe(42);
  });

  test('a negative amount is a number, not a neutralised text; formula-like text is neutralised everywhere', () => {
    expect(exportXlsxValue(price, -4.25)).toBe(-4.25);
    expect(exportXlsxValue(price, '-4.25')).toBe(-4.25);
    expect(exportFieldText(price, -4.25)).toBe('-4.25');
    expect(exportXlsxValue(price, '=1+1')).toBe("'=1+1");
    expect(exportXlsxValue(notes, '=cmd|"/C calc"!A0')).toBe(`'=cmd|"/C calc"!A0`);
    expect(exportFieldText(orderId, '-123')).toBe("'-123");
  });

  test('status columns list their values strictly, carrier columns suggest carriers', () => {
    expect(status.list).toEqual({
      values: expect.arrayContaining(['New', 'Shipped', 'Cancelled']),
      strict: true,
    });
    expect(carrier.list?.strict).toBe(false);
    expect(carrier.list?.values).toContain('USPS');
    expect(price.list).toBeUndefined();
  });

  test('widths come from the schema hints, else fit the header', () => {
    expect(orderId.width).toBe(20);
    const inv = exportColumns(inventoryTable, ['reorder-point']);
    expect(inv[0].width).toBe('reorder-point'.length + 2);
  });

  test('CSV text: numbers without exponents, dates as ISO, booleans as TRUE/FALSE', () => {
    expect(exportFieldText(orderId, 111222333444555)).toBe('111222333444555');
    expect(exportFieldText(price, 9999999999999.99)).toBe('9999999999999.99');
    expect(exportFieldText(shipDate, '2026-12-01')).toBe('2026-12-01');
    expect(exportFieldText(notes, true)).toBe('TRUE');
    expect(exportFieldText(notes, null)).toBe('');
  });
});
