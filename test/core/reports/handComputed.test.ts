// A small seller's two days worked out by hand (see the comments), checked against the report to the cent,
// under both selling plans, through the Workbook port.
import { MemoryWorkbook, decodeTable, runSalesReport, salesReportTable } from '../../../src/core';
import type { Grid, SalesReport, SalesReportRecord } from '../../../src/core';

const tsv = (text: string): Grid =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split('|').map((c) => c.trim()));

const ALL_ORDERS = tsv(`
amazon-order-id|purchase-date|order-status|fulfillment-channel|sku|item-status|quantity-purchased|currency|item-price|shipping-price|item-promotion-discount
O1|2026-11-23T18:00:00+00:00|Shipped|Merchant|MUG|Shipped|2|USD|37.98|5.00|-2.00
O2|2026-11-23T20:00:00+00:00|Shipped|Merchant|TOTE|Shipped|1|USD|14.50|0|
O2|2026-11-23T20:00:00+00:00|Shipped|Merchant|MUG|Shipped|1|USD|18.99|0|
O3|2026-11-24T07:30:00+00:00|Shipped|Amazon|TOTE|Shipped|1|USD|14.50||
O4|2026-11-24T19:00:00+00:00|Shipped|Merchant|CAP|Shipped|3|USD|30.00||
O5|2026-11-23T19:00:00+00:00|Cancelled|Merchant|MUG|Cancelled|0|USD|||
O6|2026-11-23T19:00:00+00:00|Shipped|Merchant|MUG|Shipped|1|EUR|17.00||
O7|2026-11-22T18:00:00+00:00|Shipped|Merchant|MUG|Shipped|1|USD|18.99||
`);

const SETTLEMENT = tsv(`
settlement-id|settlement-start-date|settlement-end-date|deposit-date|total-amount|currency|transaction-type|order-id|merchant-order-id|adjustment-id|shipment-id|marketplace-name|amount-type|amount-description|amount|fulfillment-id|posted-date|posted-date-time|order-item-code|merchant-order-item-id|merchant-adjustment-item-id|sku|quantity-purchased|promotion-id
111|2026-11-09 08:00:00 UTC|2026-11-23 08:00:00 UTC|2026-11-25 08:00:00 UTC|1.00|USD||||||||||||||||||
111|||||USD|Order|O1||||Amazon.com|ItemPrice|Principal|37.98|MFN|2026-11-24|||||MUG|2|
111|||||USD|Order|O1||||Amazon.com|ItemPrice|Shipping|5.00|MFN|2026-11-24|||||MUG||
111|||||USD|Order|O1||||Amazon.com|Promotion|Principal|-2.00|MFN|2026-11-24|||||MUG||
111|||||USD|Order|O1||||Amazon.com|ItemFees|Commission|-6.15|MFN|2026-11-24|||||MUG||
111|||||USD|Refund|O1||||Amazon.com|ItemPrice|Principal|-18.99|MFN|2026-11-24|||||MUG||
111|||||USD|Refund|O1||||Amazon.com|ItemFees|Commission|2.85|MFN|2026-11-24|||||MUG||
111|||||USD|Refund|O1||||Amazon.com|ItemFees|RefundCommission|-0.57|MFN|2026-11-24|||||MUG||
111|||||USD|other-transaction|||||Amazon.com|other-transaction|Subscription Fee|-39.99||2026-11-10|||||||
111|||||USD|Adjustment|||||Amazon.com|FBA Inventory Reimbursement|WAREHOUSE_DAMAGE|12.00||2026-11-24|||||MUG||
`);

function book(plan: 'Professional' | 'Individual'): MemoryWorkbook {
  return new MemoryWorkbook('hand', {
    Settings: [
      ['key', 'value'],
      ['timezone', 'America/Los_Angeles'],
      ['currency', 'USD'],
      ['selling-plan', plan],
      ['referral-fee-percent', '15'],
      ['referral-fee-minimum', '0.30'],
      ['referral-fee-categories', 'Clothing=17'],
      ['professional-monthly-fee', '39.99'],
      ['individual-per-item-fee', '0.99'],
    ],
    Listings: [
      ['sku', 'title', 'category'],
      ['MUG', 'Mug', 'General'],
      ['TOTE', 'Tote', 'Clothing'],
      ['CAP', 'Cap', 'General'],
    ],
    Inventory: [
      ['sku', 'location', 'on-hand', 'unit-cost', 'currency'],
      ['MUG', 'A-01', 5, 3.2, 'USD'],
      ['TOTE', 'A-02', 5, 2.5, 'USD'],
      ['CAP', 'A-03', 5, null, null],
    ],
    Returns: [
      ['return-id', 'order-id', 'sku', 'quantity', 'refund', 'currency', 'return-date', 'restocked'],
      ['R1', 'O2', 'TOTE', 1, 14.5, 'USD', '2026-11-24', true],
    ],
    Shipments: [
      ['shipment-id', 'order-id', 'order-items', 'cost', 'currency', 'state', 'created-at', 'voided-at'],
      ['S1', 'O1', '', 7.5, 'USD', 'Purchased', '2026-11-23T21:00:00Z', null],
      ['S2', 'O2', '', 8, 'USD', 'Purchased', '2026-11-23T22:00:00Z', null],
      ['S3', 'O4', '', 9.99, 'USD', 'Voided', '2026-11-24T20:00:00Z', '2026-11-24T20:05:00Z'],
    ],
  });
}

async function run(plan: 'Professional' | 'Individual') {
  const b = book(plan);
  const prepared = await runSalesReport(
    b,
    {
      period: 'day',
      from: '2026-11-23',
      to: '2026-11-24',
      allOrdersFiles: [{ grid: ALL_ORDERS, source: 'all-orders.txt' }],
      settlementFiles: [{ grid: SETTLEMENT, source: 'settlement.txt' }],
    },
    { now: new Date('2026-11-25T17:00:00Z') },
  );
  expect(prepared.result.ok).toBe(true);
  const grid = (await b.read(['Sales Report'])).get('Sales Report')!;
  const rows = decodeTable(salesReportTable, grid).rows.map((r) => r.record);
  return { report: prepared.report as SalesReport, rows, result: prepared.result };
}

const row = (rows: SalesReportRecord[], section: string, label: string) => {
  const r = rows.find((x) => x.section === section && x.label === label);
  if (!r) throw new Error(`no ${section} ${label} row`);
  return r;
};

// Amounts read back from the sheet are integer cents (the money codec).
describe('sales report, worked by hand', () => {
  it('Professional plan: every figure of both days, the total and the previous period, to the cent', async () => {
    const { rows, result } = await run('Professional');
    // Nov 23 (Los Angeles): O1 (2 MUG, 37.98 + 5.00 shipping, 2.00 promotion, settled commission 6.15),
    // O2 (TOTE 14.50 est. 17% = 2.47; MUG 18.99 est. 15% = 2.85), O3 at 23:30 local (TOTE 14.50, est. 2.47);
    // subscription 39.99 spread over November: day 23 gets 1.33. Labels 7.50 + 8.00. Cost 2·3.20+2.50+3.20+2.50.
    expect(row(rows, 'Period', '2026-11-23')).toMatchObject({
      orders: 3,
      units: 5,
      'gross-sales': 9097,
      promotions: 200,
      refunds: 0,
      'net-sales': 8897,
      fees: 1527,
      'fees-estimated': 912,
      'fees-basis': 'partly estimated',
      'shipping-cost': 1550,
      'cost-of-goods': 1460,
      profit: 4360,
    });
    // Nov 24: O4 (3 CAP 30.00, est. 4.50, no unit cost); O1 MUG refund 18.99 with 2.85 − 0.57 fees back;
    // the Returns sheet refund 14.50 for O2 TOTE (restocked: its 2.50 cost comes back); subscription 1.34.
    expect(row(rows, 'Period', '2026-11-24')).toMatchObject({
      orders: 1,
      units: 3,
      'gross-sales': 3000,
      refunds: 3349,
      'net-sales': -349,
      fees: 356,
      'fees-estimated': 584,
      'shipping-cost': 0,
      'cost-of-goods': -250,
      profit: -455,
    });
    expect(row(rows, 'Total', '2026-11-23 to 2026-11-24')).toMatchObject({
      orders: 4,
      units: 8,
      'gross-sales': 12097,
      promotions: 200,
      refunds: 3349,
      'net-sales': 8548,
      fees: 1883,
      'fees-estimated': 1496,
      'shipping-cost': 1550,
      'cost-of-goods': 1210,
      profit: 3905,
      'margin-percent': 45.7,
      'average-order-value': 2974,
      'sales-change-percent': 350.1,
      'profit-change-percent': 201.8,
    });
    // Nov 21–22: O7 MUG 18.99, fee est. 2.85, cost 3.20; those days are in settlement 111: no subscription estimate.
    expect(row(rows, 'Previous period', '2026-11-21 to 2026-11-22')).toMatchObject({
      orders: 1,
      'net-sales': 1899,
      fees: 285,
      profit: 1294,
    });
    expect(row(rows, 'SKU', 'MUG')).toMatchObject({
      orders: 2,
      units: 3,
      refunds: 1899,
      fees: 672,
      'shipping-cost': 1150,
      profit: 1316,
    });
    expect(row(rows, 'SKU', 'TOTE')).toMatchObject({
      orders: 2,
      units: 2,
      refunds: 1450,
      fees: 494,
      profit: 306,
    });
    expect(row(rows, 'SKU', 'CAP')).toMatchObject({ profit: 2550 });
    expect(row(rows, 'SKU', '(account fees)')).toMatchObject({
      fees: 267,
      'fees-basis': 'estimated',
      profit: -267,
    });
    expect(rows.filter((r) => r.section === 'Top SKU').map((r) => r.label)).toEqual(['CAP', 'MUG', 'TOTE']);
    // What was left out, and why, is in the notes.
    const notes = rows.filter((r) => r.section === 'Note').map((r) => r.note ?? '');
    expect(notes.some((n) => /order lines in EUR \(1\) — the report is in USD/.test(n))).toBe(true);
    expect(notes.some((n) => /cancelled order lines \(1\) — cancelled/.test(n))).toBe(true);
    expect(
      notes.some((n) =>
        /Adjustment \/ FBA Inventory Reimbursement \/ WAREHOUSE_DAMAGE \(1\) — an amount type/.test(n),
      ),
    ).toBe(true);
    expect(notes.some((n) => /^Estimated fees \(14\.96 USD/.test(n))).toBe(true);
    expect(notes.some((n) => /3 units sold have no unit-cost/.test(n))).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('Individual plan: no subscription, 0.99 per unit on lines without settled fees', async () => {
    const { rows } = await run('Individual');
    // Nov 23: 13.94 + 3 units × 0.99; Nov 24: 4.50 + 3 × 0.99 − 2.28 refunded fees.
    expect(row(rows, 'Period', '2026-11-23')).toMatchObject({ fees: 1691, 'fees-estimated': 1076 });
    expect(row(rows, 'Period', '2026-11-24')).toMatchObject({ fees: 519, 'fees-estimated': 747 });
    expect(row(rows, 'Total', '2026-11-23 to 2026-11-24')).toMatchObject({
      fees: 2210,
      'fees-estimated': 1823,
      profit: 3578,
    });
    expect(rows.some((r) => r.label === '(account fees)')).toBe(false);
  });
});
