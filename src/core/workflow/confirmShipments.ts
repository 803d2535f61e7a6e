/**
 * Confirm shipments to Amazon for labels bought outside Buy Shipping: plan the packages still unconfirmed, hand
 * them to a sender (confirmShipment calls, or the fulfillment feed), then record what Amazon said in one write:
 * accepted packages on Shipments (`confirmed-at`), and on Orders `Confirmed`, or `Rejected` with Amazon's message
 * in the row's problem column. A package Amazon accepted is never sent again.
 */
import { marketplaceFor } from '../amazon/regions';
import type { ConfirmationPlan } from '../confirm/planConfirmations';
import { planConfirmations } from '../confirm/planConfirmations';
import { carrierCodeMap } from '../confirm/carrierCodeFor';
import { toIsoUtc } from '../dates/parseDateTime';
import { readSettings } from '../settings/readSettings';
import { carrierCodesTable } from '../tables/carrierCodes';
import { decodeTable } from '../tables/decodeTable';
import { logTable } from '../tables/log';
import { ordersTable } from '../tables/orders';
import type { OrderRecord } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { settingsTable } from '../tables/settingsTable';
import { shipmentsTable } from '../tables/shipments';
import { TableEditor } from '../tables/tableEditor';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';

export const CONFIRM_SHIPMENTS = 'confirm-shipments';

const ORDER_INPUTS = [
  'order-id',
  'order-item-id',
  'quantity-purchased',
  'status',
  'carrier',
  'service',
  'tracking-number',
  'ship-date',
  'confirmation',
] as const;
const SHIPMENT_INPUTS = [
  'shipment-id',
  'order-id',
  'order-items',
  'provider',
  'service',
  'tracking-number',
  'state',
  'created-at',
  'confirmed-at',
] as const;

/**
 * What became of one item of one package: `accepted` by Amazon, `rejected` (Amazon's message), `failed` (no
 * answer: sent again next run), `submitted` (in a feed Amazon had not finished: treated like an exported file).
 */
export type LineState = 'accepted' | 'rejected' | 'failed' | 'submitted';

export interface LineOutcome {
  readonly packageKey: string;
  readonly orderItemId: string;
  readonly state: LineState;
  readonly message?: string;
  /** Amazon accepted the line with a warning. */
  readonly warning?: string;
}

export interface SendContext {
  readonly marketplace: string;
  readonly marketplaceId: string;
  readonly timeZone: string;
  readonly now: Date;
  readonly onProgress?: RunContext['onProgress'];
}

export interface Sent {
  readonly outcomes: readonly LineOutcome[];
  /** How it went, for the result (e.g. the feed id and its status). */
  readonly lines: readonly string[];
  readonly problems: readonly Problem[];
  readonly stats: Readonly<Record<string, number>>;
  /** For the Log's source column: `Orders API confirmShipment`, `feed 50012345`. */
  readonly source: string;
}

/** A sender either reports what Amazon said or refuses (nothing was sent: then nothing is written). */
export type Sender = (plan: ConfirmationPlan, context: SendContext) => Promise<Sent | { refused: string }>;

export interface ConfirmOptions {
  /** Send rows exported in a ship-confirm file or rejected before, again. */
  readonly again?: boolean;
}

export async function confirmShipments(
  book: Workbook,
  context: RunContext,
  options: ConfirmOptions,
  send: Sender,
): Promise<ActionResult> {
  const names = [
    ordersTable.name,
    shipmentsTable.name,
    settingsTable.name,
    carrierCodesTable.name,
    logTable.name,
  ];
  const tables = await book.read(names);
  const ordersGrid = tables.get(ordersTable.name) ?? null;
  const shipmentsGrid = tables.get(shipmentsTable.name) ?? null;
  // Only the columns a confirmation reads: the Orders sheet is wide, and large.
  const orders = decodeTable(ordersTable, ordersGrid ?? [], { checkRequired: false, only: ORDER_INPUTS });
  const shipments = decodeTable(shipmentsTable, shipmentsGrid ?? [], {
    checkRequired: false,
    only: SHIPMENT_INPUTS,
  });
  const { settings } = readSettings(tables.get(settingsTable.name) ?? null);
  const marketplaceCode = settings.text('marketplace');
  const marketplace = marketplaceFor(marketplaceCode);
  if (!marketplace)
    return refused(
      CONFIRM_SHIPMENTS,
      `Settings marketplace ${marketplaceCode} is not an Amazon marketplace Shipsheet knows. Nothing was sent.`,
    );
  const codes = carrierCodeMap(tables.get(carrierCodesTable.name) ?? null, marketplaceCode);
  const plan = planConfirmations(orders, shipments, codes, { again: options.again });
  const problems: Problem[] = [...codes.problems, ...plan.problems];

  let sent: Sent = { outcomes: [], lines: [], problems: [], stats: {}, source: 'nothing to send' };
  if (plan.packages.length > 0) {
    const answer = await send(plan, {
      marketplace: marketplaceCode,
      marketplaceId: marketplace.id,
      timeZone: settings.text('timezone') || 'UTC',
      now: context.now,
      onProgress: context.onProgress,
    });
    if ('refused' in answer) return refused(CONFIRM_SHIPMENTS, answer.refused);
    sent = answer;
  }
  problems.push(...sent.problems);

  // What Amazon said, per package and item.
  const outcome = new Map<string, LineOutcome>();
  for (const o of sent.outcomes) outcome.set(`${o.packageKey}\t${o.orderItemId}`, o);
  const now = toIsoUtc(context.now);
  const shipmentsEditor = new TableEditor(shipmentsTable, shipmentsGrid, ['confirmed-at']);
  let acceptedPackages = 0;
  for (const p of plan.packages) {
    const all = p.items.map((i) => outcome.get(`${p.key}\t${i.orderItemId}`));
    if (all.every((o) => o?.state === 'accepted')) {
      acceptedPackages++;
      if (p.shipmentRow !== null) shipmentsEditor.update(p.shipmentRow, { 'confirmed-at': now });
    }
  }

  const ordersEditor = new TableEditor(ordersTable, ordersGrid, [
    'status',
    'confirmation',
    'confirmed-at',
    'problem',
  ]);
  const recordOf = new Map(orders.rows.map((r) => [r.rowNumber, r.record]));
  const count = { confirmed: 0, rejected: 0, failed: 0, submitted: 0 };
  for (const [row, keys] of plan.packagesOfRow) {
    const rec = recordOf.get(row) as OrderRecord;
    const mine = keys
      .map((k) => outcome.get(`${k}\t${rec['order-item-id']}`))
      .filter((o): o is LineOutcome => o !== undefined);
    const say = (column: string | null, message: string) =>
      problems.push(problem(ordersTable.name, row, column, message));
    for (const w of mine)
      if (w.warning) say('tracking-number', `Amazon accepted it with a warning: ${w.warning}`);
    const rejected = mine.filter((o) => o.state === 'rejected');
    const failed = mine.filter((o) => o.state === 'failed');
    if (rejected.length > 0) {
      count.rejected++;
      const message = unique(rejected.map((o) => o.message ?? 'Amazon rejected the confirmation')).join('; ');
      ordersEditor.update(row, { confirmation: 'Rejected', problem: message.slice(0, 500) });
      say('problem', message);
    } else if (mine.length === keys.length && mine.every((o) => o.state === 'accepted')) {
      count.confirmed++;
      ordersEditor.update(row, {
        status: 'Confirmed',
        confirmation: 'Confirmed',
        'confirmed-at': now,
        problem: null,
      });
    } else if (failed.length > 0 || mine.length < keys.length) {
      count.failed++;
      const message = `not confirmed yet: ${unique(failed.map((o) => o.message ?? '')).join('; ') || 'not sent'}; run confirm-shipments again`;
      ordersEditor.update(row, { problem: message.slice(0, 500) });
      say('problem', message);
    } else {
      count.submitted++;
      const message = unique(mine.map((o) => o.message ?? 'sent in a feed Amazon has not finished')).join(
        '; ',
      );
      ordersEditor.update(row, {
        confirmation: 'Exported',
        'confirmed-at': now,
        problem: message.slice(0, 500),
      });
    }
  }

  const skippedText = [
    plan.skipped.confirmed > 0 ? `${plan.skipped.confirmed} already confirmed` : '',
    plan.skipped.exported > 0
      ? `${plan.skipped.exported} in a ship-confirm file already (--again sends them)`
      : '',
    plan.skipped.rejected > 0
      ? `${plan.skipped.rejected} rejected before (fix the row and clear its confirmation cell, or --again)`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
  const summary =
    plan.packages.length === 0
      ? `nothing to confirm${skippedText ? `: ${skippedText}` : ''}`
      : `${acceptedPackages} of ${plan.packages.length} package${plan.packages.length === 1 ? '' : 's'} accepted; order items: ${count.confirmed} confirmed, ${count.rejected} rejected, ${count.failed} not answered${count.submitted ? `, ${count.submitted} waiting for Amazon's report` : ''}${skippedText ? `; skipped ${skippedText}` : ''}`;
  const log = logEditor(tables.get(logTable.name) ?? null);
  log.append(
    logEntry(
      CONFIRM_SHIPMENTS,
      context,
      {
        source: sent.source,
        rowsRead: orders.rows.length,
        rowsChanged: count.confirmed + count.rejected + count.submitted,
        summary,
      },
      problems,
    ),
  );
  await book.write({ sheets: [ordersEditor.toWrite(), shipmentsEditor.toWrite(), log.toWrite()] });
  return {
    action: CONFIRM_SHIPMENTS,
    ok: true,
    changes: [ordersEditor.summary(), shipmentsEditor.summary()],
    problems,
    stats: {
      packages: plan.packages.length,
      acceptedPackages,
      confirmed: count.confirmed,
      rejected: count.rejected,
      notAnswered: count.failed,
      waiting: count.submitted,
      skippedConfirmed: plan.skipped.confirmed,
      skippedExported: plan.skipped.exported,
      skippedRejected: plan.skipped.rejected,
      ...sent.stats,
    },
    lines: [...sent.lines, `Confirm shipments: ${summary}.`],
    data: { packages: plan.packages, outcomes: sent.outcomes },
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
