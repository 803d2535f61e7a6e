/**
 * Amazon's settlement report flat file V2 read and pivoted: one summary row, then one row per amount component
 * (transaction-type, amount-type, amount-description, signed amount), summed per order and SKU.
 */
import type { Grid } from '../tables/cell';
import { id, int, text } from '../tables/column';
import { decodeTable } from '../tables/decodeTable';
import { locateHeader } from '../flatfiles/locateHeader';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { defineTable } from '../tables/schema';
import { classifyAmount } from './settlementAmounts';
import type { AmountKind } from './settlementAmounts';
import { parseReportInstant, parseSettlementAmount } from './settlementDates';

const amazon = { owner: 'amazon' } as const;

/** Dates and amounts are text here: settlement files spell them per marketplace (see settlementDates). */
export const settlementReportTable = defineTable({
  name: 'Settlement report',
  description:
    'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2: a summary row, then one row per amount component.',
  key: [],
  signature: ['settlement-id', 'amount-type', 'amount-description'],
  columns: [
    id('settlement-id', { ...amazon, required: true, description: 'Settlement id.' }),
    text('settlement-start-date', { ...amazon, description: 'Start of the settlement period.' }),
    text('settlement-end-date', { ...amazon, description: 'End of the settlement period.' }),
    text('total-amount', { ...amazon, description: 'Deposit total (summary row only).' }),
    text('currency', { ...amazon, description: 'Currency of the settlement.' }),
    text('transaction-type', { ...amazon, description: 'Order, Refund, other-transaction, …' }),
    id('order-id', { ...amazon, description: 'Amazon order id.' }),
    text('amount-type', { ...amazon, description: 'ItemPrice, ItemFees, Promotion, …' }),
    text('amount-description', { ...amazon, description: 'Principal, Shipping, Commission, …' }),
    text('amount', { ...amazon, description: 'Signed amount (fees negative).' }),
    text('posted-date', { ...amazon, description: 'Day the component was posted.' }),
    text('posted-date-time', { ...amazon, description: 'When it was posted.' }),
    id('sku', { ...amazon, description: 'Seller SKU.' }),
    int('quantity-purchased', { ...amazon, min: 0, description: 'Units of the order line.' }),
  ],
});

/** Components of one order's SKU in one transaction type, summed. Amounts signed as Amazon writes them. */
export interface SettlementLine {
  readonly transaction: 'Order' | 'Refund';
  readonly orderId: string;
  readonly sku: string;
  readonly currency: string;
  /** When the first component was posted (epoch ms). */
  readonly postedMs: number;
  readonly quantity: number;
  readonly amounts: Readonly<Record<AmountKind, number>>;
}

/** A fee not tied to an order (subscription, advertising), signed (negative is a charge). */
export interface SettlementAccountFee {
  readonly description: string;
  readonly currency: string;
  readonly postedMs: number;
  readonly amount: number;
}

export interface SettlementCoverage {
  readonly settlementId: string;
  readonly currency: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** Something the report leaves out, counted and summed, with the reason; shown in the report's notes. */
export interface LeftOut {
  readonly source: string;
  readonly what: string;
  readonly count: number;
  readonly reason: string;
}

export interface ParsedSettlement {
  readonly source: string;
  readonly lines: readonly SettlementLine[];
  readonly accountFees: readonly SettlementAccountFee[];
  readonly coverage: readonly SettlementCoverage[];
  readonly leftOut: readonly LeftOut[];
  readonly problems: readonly Problem[];
  readonly usable: boolean;
}

const ZERO: Readonly<Record<AmountKind, number>> = {
  principal: 0,
  shipping: 0,
  giftWrap: 0,
  promotion: 0,
  fee: 0,
  tax: 0,
};

export function parseSettlementReport(grid: Grid, source: string, timeZone: string): ParsedSettlement {
  const empty = { source, lines: [], accountFees: [], coverage: [], leftOut: [] };
  const headerIndex = locateHeader(grid, settlementReportTable);
  if (headerIndex < 0)
    return {
      ...empty,
      usable: false,
      problems: [
        problem(
          source,
          null,
          null,
          'is not a settlement report: no row has settlement-id, amount-type and amount',
        ),
      ],
    };
  const t = decodeTable(settlementReportTable, grid, { source, headerIndex });
  if (!t.usable) return { ...empty, usable: false, problems: t.problems };
  const problems: Problem[] = [...t.problems];
  const lines = new Map<
    string,
    { line: Omit<SettlementLine, 'amounts'>; amounts: Record<AmountKind, number> }
  >();
  const accountFees: SettlementAccountFee[] = [];
  const coverage: SettlementCoverage[] = [];
  const unknown = new Map<string, number>();
  for (const { rowNumber, record: r, valid } of t.rows) {
    if (!valid) continue;
    const currency = (r.currency ?? '').trim().toUpperCase();
    if (!r['transaction-type'] && !r['amount-type']) {
      // The summary row: the settlement's period, used to know which days' account fees are actual.
      const startMs = parseReportInstant(r['settlement-start-date'], timeZone);
      const endMs = parseReportInstant(r['settlement-end-date'], timeZone);
      if (startMs !== null && endMs !== null)
        coverage.push({ settlementId: r['settlement-id'], currency, startMs, endMs });
      else
        problems.push(
          problem(
            source,
            rowNumber,
            'settlement-start-date',
            'the summary row has no readable settlement period',
          ),
        );
      continue;
    }
    const amountText = r.amount ?? '';
    const amount = parseSettlementAmount(amountText, currency);
    if (!amount.ok) {
      problems.push(
        problem(source, rowNumber, 'amount', `amount ${amount.reason}; this row was left out`, amountText),
      );
      continue;
    }
    const postedMs =
      parseReportInstant(r['posted-date-time'], timeZone) ?? parseReportInstant(r['posted-date'], timeZone);
    if (postedMs === null) {
      problems.push(
        problem(
          source,
          rowNumber,
          'posted-date',
          'posted-date is not a date; this row was left out',
          r['posted-date'] ?? '',
        ),
      );
      continue;
    }
    const transaction = (r['transaction-type'] ?? '').trim();
    const kind = classifyAmount(transaction, r['amount-type'] ?? '', r['amount-description'] ?? '');
    if (kind === 'account') {
      accountFees.push({
        description: r['amount-description'] ?? r['amount-type'] ?? '',
        currency,
        postedMs,
        amount: amount.minor,
      });
      continue;
    }
    const tx = /^refund$/i.test(transaction) ? 'Refund' : /^order$/i.test(transaction) ? 'Order' : null;
    if (kind === null || tx === null || !r['order-id'] || !r.sku) {
      const what = `${transaction || '(no transaction-type)'} / ${r['amount-type'] ?? ''} / ${r['amount-description'] ?? ''}`;
      unknown.set(what, (unknown.get(what) ?? 0) + 1);
      continue;
    }
    const key = `${tx}\u0000${r['order-id']}\u0000${r.sku}\u0000${currency}`;
    let entry = lines.get(key);
    if (!entry) {
      entry = {
        line: { transaction: tx, orderId: r['order-id'], sku: r.sku, currency, postedMs, quantity: 0 },
        amounts: { ...ZERO },
      };
      lines.set(key, entry);
    }
    entry.amounts[kind] += amount.minor;
    if (postedMs < entry.line.postedMs) entry.line = { ...entry.line, postedMs };
    if (kind === 'principal' && r['quantity-purchased'] !== null)
      entry.line = { ...entry.line, quantity: entry.line.quantity + r['quantity-purchased'] };
  }
  const leftOut: LeftOut[] = [...unknown].map(([what, count]) => ({
    source,
    what,
    count,
    reason: 'an amount type the report does not know (not an order, refund or account fee it can place)',
  }));
  return {
    source,
    usable: true,
    problems,
    coverage,
    accountFees,
    leftOut,
    lines: [...lines.values()].map((e) => ({ ...e.line, amounts: e.amounts })),
  };
}
