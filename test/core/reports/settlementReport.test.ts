// The settlement report flat file V2: summary row, components pivoted per order and SKU, marketplace spellings.
import { classifyAmount, parseSettlementReport } from '../../../src/core';
import type { Grid } from '../../../src/core';

const HEADER =
  'settlement-id settlement-start-date settlement-end-date deposit-date total-amount currency transaction-type order-id merchant-order-id adjustment-id shipment-id marketplace-name amount-type amount-description amount fulfillment-id posted-date posted-date-time order-item-code merchant-order-item-id merchant-adjustment-item-id sku quantity-purchased promotion-id'.split(
    ' ',
  );
const col = (name: string) => HEADER.indexOf(name);
function line(fields: Record<string, string>): string[] {
  const r = HEADER.map(() => '');
  for (const [k, v] of Object.entries(fields)) r[col(k)] = v;
  return r;
}

describe('parseSettlementReport', () => {
  it('sums components per order and SKU, by transaction type, with the settlement period from the summary row', () => {
    const grid: Grid = [
      HEADER,
      line({
        'settlement-id': '9',
        'settlement-start-date': '01.11.2026 08:00:00 UTC',
        'settlement-end-date': '15.11.2026 08:00:00 UTC',
        'total-amount': '1.234,56',
        currency: 'EUR',
      }),
      line({
        'settlement-id': '9',
        currency: 'EUR',
        'transaction-type': 'Order',
        'order-id': '302-1',
        'amount-type': 'ItemPrice',
        'amount-description': 'Principal',
        amount: '1.019,90',
        'posted-date': '03.11.2026',
        sku: 'A',
        'quantity-purchased': '2',
      }),
      line({
        'settlement-id': '9',
        currency: 'EUR',
        'transaction-type': 'Order',
        'order-id': '302-1',
        'amount-type': 'ItemFees',
        'amount-description': 'Commission',
        amount: '-152,99',
        'posted-date': '03.11.2026',
        sku: 'A',
      }),
      line({
        'settlement-id': '9',
        currency: 'EUR',
        'transaction-type': 'Order',
        'order-id': '302-1',
        'amount-type': 'ItemFees',
        'amount-description': 'FBAPerUnitFulfillmentFee',
        amount: '-6,20',
        'posted-date': '03.11.2026',
        sku: 'A',
      }),
      line({
        'settlement-id': '9',
        currency: 'EUR',
        'transaction-type': 'Order',
        'order-id': '302-1',
        'amount-type': 'ItemPrice',
        'amount-description': 'Tax',
        amount: '193,78',
        'posted-date': '03.11.2026',
        sku: 'A',
      }),
      line({
        'settlement-id': '9',
        currency: 'EUR',
        'transaction-type': 'Refund',
        'order-id': '302-1',
        'amount-type': 'ItemPrice',
        'amount-description': 'Principal',
        amount: '-509,95',
        'posted-date': '09.11.2026',
        sku: 'A',
      }),
      line({
        'settlement-id': '9',
        currency: 'EUR',
        'transaction-type': 'other-transaction',
        'amount-type': 'other-transaction',
        'amount-description': 'Subscription Fee',
        amount: '-39,00',
        'posted-date': '02.11.2026',
      }),
      line({
        'settlement-id': '9',
        currency: 'EUR',
        'transaction-type': 'Order',
        'order-id': '302-1',
        'amount-type': 'Mystery',
        'amount-description': 'Thing',
        amount: '1,00',
        'posted-date': '03.11.2026',
        sku: 'A',
      }),
      line({
        'settlement-id': '9',
        currency: 'EUR',
        'transaction-type': 'Order',
        'order-id': '302-2',
        'amount-type': 'ItemPrice',
        'amount-description': 'Principal',
        amount: 'abc',
        'posted-date': '03.11.2026',
        sku: 'B',
      }),
    ];
    const s = parseSettlementReport(grid, 'settle.txt', 'Europe/Berlin');
    expect(s.coverage).toEqual([
      {
        settlementId: '9',
        currency: 'EUR',
        startMs: Date.parse('2026-11-01T08:00:00Z'),
        endMs: Date.parse('2026-11-15T08:00:00Z'),
      },
    ]);
    expect(s.lines).toEqual([
      expect.objectContaining({
        transaction: 'Order',
        orderId: '302-1',
        sku: 'A',
        quantity: 2,
        amounts: { principal: 101990, shipping: 0, giftWrap: 0, promotion: 0, fee: -15919, tax: 19378 },
      }),
      expect.objectContaining({
        transaction: 'Refund',
        orderId: '302-1',
        amounts: expect.objectContaining({ principal: -50995 }),
      }),
    ]);
    // A day without a time is that day in the seller's zone, at noon.
    expect(new Date(s.lines[0].postedMs).toISOString()).toBe('2026-11-03T11:00:00.000Z');
    expect(s.accountFees).toEqual([
      expect.objectContaining({ description: 'Subscription Fee', amount: -3900 }),
    ]);
    expect(s.leftOut).toEqual([expect.objectContaining({ what: 'Order / Mystery / Thing', count: 1 })]);
    expect(s.problems).toEqual([
      expect.objectContaining({ sheet: 'settle.txt', row: 10, column: 'amount', value: 'abc' }),
    ]);
  });

  it('refuses a file that is not a settlement report, saying so', () => {
    const s = parseSettlementReport(
      [
        ['sku', 'price'],
        ['A', '1'],
      ],
      'x.txt',
      'UTC',
    );
    expect(s.usable).toBe(false);
    expect(s.problems[0].message).toMatch(/not a settlement report/);
  });

  it('classifies amount types', () => {
    expect(classifyAmount('Order', 'ItemFees', 'Commission')).toBe('fee');
    expect(classifyAmount('Order', 'ItemPrice', 'GiftWrapTax')).toBe('tax');
    expect(classifyAmount('Order', 'Promotion', 'Shipping')).toBe('promotion');
    expect(classifyAmount('ServiceFee', 'Cost of Advertising', 'Cost of Advertising')).toBe('account');
    expect(classifyAmount('Order', 'FBA Inventory Reimbursement', 'WAREHOUSE_DAMAGE')).toBeNull();
  });
});
