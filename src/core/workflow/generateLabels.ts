/**
 * Generate labels: buy (or fetch again, for reprints) a label for every Rated package through the label provider,
 * build the batch in pick order — labels, one packing slip per order, the pick list — hand it to a sink that
 * writes the files, then record Orders (Labeled, shipment-id, tracking-number) and Shipments in one write.
 * A package's idempotency key is stable, so a retry or a second run never buys twice; a package with a live
 * Shipments row is never bought again.
 */
import type { Address, CarrierPlugin, LabelRequest, PurchasedLabel } from '../carriers/plugin';
import type { HttpPort } from '../http/httpPort';
import { groupPackages, labelRequestOf, unitsOf } from '../labels/labelJobs';
import type { PackageJob } from '../labels/labelJobs';
import type { LayoutPage } from '../labels/layout';
import { packingSlipsFor } from '../labels/packingSlips';
import { buildPickList, ordersInPickOrder } from '../labels/pickList';
import { pickListLayout } from '../labels/pickListLayout';
import { readSettings } from '../settings/readSettings';
import type { Settings } from '../settings/readSettings';
import { shipFromAddress } from '../settings/shipFromAddress';
import { decodeTable } from '../tables/decodeTable';
import type { DecodedRow } from '../tables/decodeTable';
import { listingsTable } from '../tables/listings';
import { logTable } from '../tables/log';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { settingsTable } from '../tables/settingsTable';
import type { ShipmentRecord } from '../tables/shipments';
import { shipmentsTable } from '../tables/shipments';
import { TableEditor } from '../tables/tableEditor';
import { toIsoUtc } from '../dates/parseDateTime';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';
import { pool } from './pool';
import { buyChosenRate } from '../carriers/buyChosenRate';
import { withChosenRate } from '../carriers/chosenRate';
import { runLocalDate, runStamp } from './runClock';

export const GENERATE_LABELS = 'generate labels';

/** How a batch is printed: the Settings `label-format` values. */
export type LabelOutputFormat = 'pdf-4x6' | 'pdf-letter-2up' | 'zpl';

export interface BatchLabel {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly packageId: string;
  readonly trackingNumber: string;
  readonly label: PurchasedLabel;
}

/** Everything a run prints, in pick order. */
export interface LabelBatch {
  /** yyyymmdd-hhmmss (UTC) of the run, for file names. */
  readonly stamp: string;
  readonly format: LabelOutputFormat;
  readonly labels: readonly BatchLabel[];
  readonly packingSlips: readonly LayoutPage[];
  readonly pickList: readonly LayoutPage[];
}

export interface WrittenBatch {
  /** Where each label went (file, and page or format number), by shipment id: the Shipments label-file. */
  readonly labelFiles: ReadonlyMap<string, string>;
  readonly files: readonly string[];
}

/** Writes a batch's files (Node: PDF / ZPL files and an optional printer; tests: memory). */
export interface LabelSink {
  write(batch: LabelBatch): Promise<WrittenBatch>;
}

export interface GenerateLabelsOptions {
  readonly provider: CarrierPlugin;
  readonly http: HttpPort;
  readonly sink: LabelSink;
  /** pdf or zpl; default from Settings label-format. With pdf, Settings decides 4×6 or 2-up Letter. */
  readonly format?: 'pdf' | 'zpl';
  /** Print labels already bought again (fetched from the provider, never bought again). */
  readonly reprint?: boolean;
  /** Provider calls in flight at once. */
  readonly concurrency?: number;
  /**
   * Live rate providers by id (Orders `rate-source`): a package whose chosen rate one of them quoted is bought
   * from it, at that quote, whatever the default provider is.
   */
  readonly providers?: Readonly<Record<string, CarrierPlugin>>;
}

type Outcome =
  | { kind: 'bought'; job: PackageJob; request: LabelRequest; label: PurchasedLabel }
  | { kind: 'fetched'; job: PackageJob; shipment: DecodedRow<ShipmentRecord>; label: PurchasedLabel };

function outputFormat(requested: 'pdf' | 'zpl' | undefined, settings: Settings): LabelOutputFormat {
  const setting = settings.text('label-format').toLowerCase();
  if (requested === 'zpl') return 'zpl';
  if (requested === 'pdf') return setting === 'pdf-letter-2up' ? 'pdf-letter-2up' : 'pdf-4x6';
  return setting === 'zpl' || setting === 'pdf-letter-2up' ? setting : 'pdf-4x6';
}

function shipFromOf(settings: Settings): { address: Address | null; problems: Problem[] } {
  return shipFromAddress(settings, 'labels need a ship-from address');
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function generateLabels(
  book: Workbook,
  options: GenerateLabelsOptions,
  context: RunContext,
): Promise<ActionResult> {
  const { provider } = options;
  if (!provider.buyLabel)
    return refused(GENERATE_LABELS, `label provider ${provider.metadata.id} cannot buy labels`);
  const tables = await book.read([
    ordersTable.name,
    shipmentsTable.name,
    listingsTable.name,
    settingsTable.name,
    logTable.name,
  ]);
  const ordersGrid = tables.get(ordersTable.name) ?? null;
  if (!ordersGrid || ordersGrid.length === 0)
    return refused(GENERATE_LABELS, `${book.label} has no Orders sheet: import orders first`);
  const orders = decodeTable(ordersTable, ordersGrid);
  if (!orders.usable)
    return refused(GENERATE_LABELS, `${book.label}: ${orders.problems.map((p) => p.message).join('; ')}`);
  const { settings, problems: settingProblems } = readSettings(tables.get(settingsTable.name) ?? null);
  const shipFrom = shipFromOf(settings);
  if (!shipFrom.address)
    return {
      ...refused(GENERATE_LABELS, `${book.label}: Settings lacks the ship-from address; nothing was bought`),
      problems: shipFrom.problems,
    };
  const format = outputFormat(options.format, settings);
  const formatOf = (p: CarrierPlugin) => (format === 'zpl' ? 'ZPL' : p.metadata.drawsLabels ? 'PDF' : 'PNG');
  const currency = settings.text('currency') || 'USD';
  let shipDate: string;
  try {
    shipDate = runLocalDate(context.now, settings.text('timezone'));
  } catch {
    settingProblems.push(
      problem(
        settingsTable.name,
        settings.rowOf('timezone'),
        'value',
        `timezone ${settings.text('timezone')} is not an IANA time zone; using UTC`,
      ),
    );
    shipDate = runLocalDate(context.now, 'UTC');
  }
  const shipmentsGrid = tables.get(shipmentsTable.name) ?? null;
  const shipments = decodeTable(
    shipmentsTable,
    shipmentsGrid ?? [shipmentsTable.columns.map((c) => c.name)],
    { checkRequired: false },
  );
  const listings = decodeTable(listingsTable, tables.get(listingsTable.name) ?? [[]], {
    checkRequired: false,
  });
  const listingOf = new Map(listings.rows.map((r) => [r.record.sku, r.record]));

  const problems: Problem[] = [...settingProblems];
  // Only the rows this step works on: a bad cell elsewhere in Orders is not this run's business.
  const candidateRows = orders.rows.filter(
    (r) => r.record.status === 'Rated' || r.record.status === 'Labeled' || r.record['package-id'],
  );
  const badCells = new Set(orders.problems.filter((p) => p.row !== null).map((p) => p.row as number));
  const usableRows = candidateRows.filter((r) => {
    if (!badCells.has(r.rowNumber) || (r.record.status !== 'Rated' && r.record.status !== 'Labeled'))
      return true;
    problems.push(...orders.problems.filter((p) => p.row === r.rowNumber));
    return false;
  });
  const grouped = groupPackages(usableRows);
  problems.push(...grouped.problems);

  const shipmentsOfPackage = new Map<string, DecodedRow<ShipmentRecord>[]>();
  for (const s of shipments.rows) {
    const pkg = s.record['package-id'];
    if (!pkg) continue;
    const list = shipmentsOfPackage.get(pkg) ?? [];
    list.push(s);
    shipmentsOfPackage.set(pkg, list);
  }
  const liveShipment = (pkg: string) =>
    shipmentsOfPackage.get(pkg)?.find((s) => s.record.state !== 'Voided' && s.record.state !== null);

  const orderProblem = new Map<number, string>();
  const noteProblems = (job: PackageJob, list: Problem[]) => {
    problems.push(...list);
    for (const row of job.rows) orderProblem.set(row.rowNumber, list.map((p) => p.message).join('; '));
  };

  type Task = { provider: CarrierPlugin } & (
    | { kind: 'buy'; job: PackageJob; request: LabelRequest }
    | { kind: 'fetch'; job: PackageJob; shipment: DecodedRow<ShipmentRecord>; request: LabelRequest }
  );
  const tasks: Task[] = [];
  const notes: string[] = [];
  const providerNamed = (id: string | null | undefined): CarrierPlugin | undefined => {
    const key = (id ?? '').trim().toLowerCase();
    return key === provider.metadata.id ? provider : options.providers?.[key];
  };
  let skipped = 0;
  for (const job of grouped.jobs) {
    const live = liveShipment(job.packageId);
    if (job.status === 'Labeled' && !options.reprint) {
      skipped++;
      continue;
    }
    if (job.status === 'Labeled' && !live) {
      problems.push(
        problem(
          ordersTable.name,
          job.rows[0].rowNumber,
          'shipment-id',
          `package ${job.packageId} is Labeled but Shipments has no live label for it, so there is nothing to reprint`,
        ),
      );
      continue;
    }
    const voided = (shipmentsOfPackage.get(job.packageId) ?? []).filter(
      (s) => s.record.state === 'Voided',
    ).length;
    const key = live?.record['idempotency-key'] || `${job.packageId}#${voided + 1}`;
    // A rate a live provider quoted is bought from that provider; a card rate from the default provider.
    const source = job.rows[0].record['rate-source']?.trim().toLowerCase() ?? '';
    const quotedBy = source === '' || source === 'card' ? provider : providerNamed(source);
    const jobProvider = live ? (providerNamed(live.record.provider) ?? provider) : quotedBy;
    if (!jobProvider?.buyLabel) {
      noteProblems(job, [
        problem(
          ordersTable.name,
          job.rows[0].rowNumber,
          'rate-source',
          `package ${job.packageId}: its rate was quoted by ${source}, which is not connected here${source === 'amazon' ? ' (the SP-API credentials are not in the environment)' : ''}; nothing bought — connect it, or choose carriers again from the card`,
        ),
      ]);
      continue;
    }
    const built = labelRequestOf({
      job,
      shipFrom: shipFrom.address,
      shipDate,
      provider: jobProvider.metadata.id,
      currency,
      idempotencyKey: key,
      format: formatOf(jobProvider),
    });
    if (!built.request) {
      noteProblems(job, built.problems);
      continue;
    }
    let request = built.request;
    // A voided package's quote was used up by the label it voided: the provider re-rates it instead.
    if (source === jobProvider.metadata.id && voided === 0) {
      const chosen = withChosenRate(request, job.rows[0].record['rate-id']);
      request = chosen.request;
      if (chosen.stale && !live)
        notes.push(
          `package ${job.packageId}: carrier or service changed since choose-carriers, so ${jobProvider.metadata.name} re-rates ${request.rate.carrier} ${request.rate.service} before buying`,
        );
    }
    if (live) tasks.push({ kind: 'fetch', provider: jobProvider, job, shipment: live, request });
    else tasks.push({ kind: 'buy', provider: jobProvider, job, request });
  }

  let done = 0;
  const progress = () => {
    done++;
    if (context.onProgress && (done % 25 === 0 || done === tasks.length))
      context.onProgress('Buying labels', done, tasks.length);
  };
  const results = await pool(tasks, options.concurrency ?? 4, async (task): Promise<Outcome | null> => {
    const where = problem(ordersTable.name, task.job.rows[0].rowNumber, null, '');
    const provider = task.provider;
    try {
      if (task.kind === 'buy') {
        const r = await buyChosenRate(provider, task.request, options.http);
        if (r.ok) {
          progress();
          if (r.note) notes.push(`package ${task.job.packageId}: ${r.note}`);
          return { kind: 'bought', job: task.job, request: r.request, label: r.label };
        }
        if (r.stage === 'rate') {
          noteProblems(task.job, [{ ...where, message: `package ${task.job.packageId}: ${r.message}` }]);
          return null;
        }
        progress();
        const error = r.error;
        noteProblems(task.job, [
          {
            ...where,
            message: `${provider.metadata.id} did not sell a label for package ${task.job.packageId}: ${error.message}${error.retryable ? ' (temporary: run labels again)' : ''}`,
          },
        ]);
        return null;
      }
      const s = task.shipment.record;
      if (!provider.getLabel) {
        noteProblems(task.job, [
          {
            ...where,
            message: `package ${task.job.packageId}: ${provider.metadata.id} cannot fetch a label again; print ${s['label-file'] ?? 'the saved label file'}`,
          },
        ]);
        return null;
      }
      progress();
      const r = await provider.getLabel(
        {
          providerShipmentId: s['provider-shipment-id'] ?? '',
          trackingNumber: s['tracking-number'] ?? '',
          label: task.request,
        },
        options.http,
      );
      if (r.ok) return { kind: 'fetched', job: task.job, shipment: task.shipment, label: r.value };
      noteProblems(task.job, [
        {
          ...where,
          message: `package ${task.job.packageId}: could not fetch label ${s['shipment-id']} again: ${r.error.message}`,
        },
      ]);
      return null;
    } catch (e) {
      // A thrown provider (network down, a bug in a plug-in) is one order's problem, not the run's.
      noteProblems(task.job, [
        {
          ...where,
          message: `package ${task.job.packageId}: ${provider.metadata.id} failed: ${errorText(e)}; nothing was recorded as bought`,
        },
      ]);
      return null;
    }
  });
  const outcomes = results.filter((r): r is Outcome => r !== null);

  // Pick order: the pick list decides the order of orders, then labels and slips follow it.
  const items = outcomes.flatMap((o) =>
    o.job.rows.map((row) => ({
      orderId: o.job.orderId,
      sku: row.record.sku,
      title: listingOf.get(row.record.sku)?.title ?? row.record['product-name'] ?? '',
      quantity: unitsOf(row.record),
      allocatedFrom: row.record['allocated-from'],
      row: row.rowNumber,
    })),
  );
  const pick = buildPickList(items);
  for (const p of pick.problems) problems.push(problem(ordersTable.name, p.row, 'allocated-from', p.message));
  const orderIndex = new Map(
    ordersInPickOrder(pick, [...new Set(outcomes.map((o) => o.job.orderId))]).map((id, i) => [id, i]),
  );
  outcomes.sort(
    (a, b) =>
      orderIndex.get(a.job.orderId)! - orderIndex.get(b.job.orderId)! ||
      a.job.packageId.localeCompare(b.job.packageId, 'en', { numeric: true }),
  );

  // Shipment ids for new labels, in pick order: SH-yyyymmdd-0001, continuing the day's numbers.
  const prefix = `SH-${shipDate.replace(/-/g, '')}-`;
  let seq = Math.max(
    0,
    ...shipments.rows
      .map((s) => s.record['shipment-id'] ?? '')
      .filter((id) => id.startsWith(prefix))
      .map((id) => Number(id.slice(prefix.length)) || 0),
  );
  const batchLabels: BatchLabel[] = outcomes.map((o) => ({
    shipmentId:
      o.kind === 'fetched'
        ? (o.shipment.record['shipment-id'] as string)
        : `${prefix}${String(++seq).padStart(4, '0')}`,
    orderId: o.job.orderId,
    packageId: o.job.packageId,
    trackingNumber: o.label.trackingNumber,
    label: o.label,
  }));

  const packingSlips = packingSlipsFor(
    outcomes.map((o, i) => ({
      orderId: o.job.orderId,
      rows: o.job.rows,
      carrier: o.label.carrier,
      service: o.label.service,
      trackingNumber: batchLabels[i].trackingNumber,
    })),
    settings,
    shipFrom.address,
    shipDate,
    listingOf,
  );
  const stamp = runStamp(context.now);
  const pickPages =
    pick.lines.length > 0
      ? pickListLayout(pick, {
          title: `Pick list ${stamp}`,
          subtitle: `${settings.text('ship-from-name')} · ship date ${shipDate} · ${batchLabels.length} package${batchLabels.length === 1 ? '' : 's'}`,
        })
      : [];
  const batch: LabelBatch = { stamp, format, labels: batchLabels, packingSlips, pickList: pickPages };
  let written: WrittenBatch = { labelFiles: new Map(), files: [] };
  if (batchLabels.length > 0) {
    try {
      written = await options.sink.write(batch);
    } catch (e) {
      // The labels are bought: record them anyway (a reprint writes the files), never lose a purchase.
      problems.push(
        problem(
          shipmentsTable.name,
          null,
          'label-file',
          `the label files could not be written (${errorText(e)}); the labels are recorded, run labels --reprint to print them`,
        ),
      );
    }
  }

  // Record: Orders and Shipments together, then the Log row.
  const ordersEditor = new TableEditor(ordersTable, ordersGrid, [
    'status',
    'shipment-id',
    'tracking-number',
    'problem',
    'confirmation',
    'confirmed-at',
  ]);
  const shipmentsEditor = new TableEditor(
    shipmentsTable,
    shipmentsGrid,
    shipmentsTable.columns.map((c) => c.name),
  );
  const now = toIsoUtc(context.now);
  let bought = 0;
  let fetched = 0;
  outcomes.forEach((o, i) => {
    const b = batchLabels[i];
    const labelFile = written.labelFiles.get(b.shipmentId) ?? null;
    if (o.kind === 'bought') {
      bought++;
      const items = o.job.rows.map((r) => `${r.record['order-item-id']}:${unitsOf(r.record)}`).join('; ');
      shipmentsEditor.append({
        'shipment-id': b.shipmentId,
        'order-id': o.job.orderId,
        'order-items': items,
        'package-id': o.job.packageId,
        provider: o.label.provider,
        'provider-shipment-id': o.label.providerShipmentId,
        carrier: o.label.carrier,
        service: o.label.service,
        'tracking-number': o.label.trackingNumber,
        'weight-oz': o.request.rateRequest.parcel.weightOz,
        cost: o.label.cost.minor,
        currency: o.label.cost.currency,
        'label-file': labelFile,
        'label-format': o.label.format,
        'idempotency-key': o.request.idempotencyKey,
        state: 'Purchased',
        'created-at': now,
      });
    } else {
      fetched++;
      if (labelFile)
        shipmentsEditor.update(o.shipment.rowNumber, {
          'label-file': labelFile,
          'label-format': o.label.format,
        });
    }
    for (const row of o.job.rows) {
      ordersEditor.update(row.rowNumber, {
        status: 'Labeled',
        'shipment-id': b.shipmentId,
        'tracking-number': b.trackingNumber,
        problem: null,
      });
      // Buy Shipping labels are confirmed to Amazon by the purchase itself: nothing is left to upload for them.
      if (o.kind === 'bought' && o.label.confirmedToAmazon)
        ordersEditor.update(row.rowNumber, { confirmation: 'Confirmed', 'confirmed-at': now });
    }
  });
  for (const [row, message] of orderProblem) ordersEditor.update(row, { problem: message.slice(0, 500) });

  const failed = new Set(
    [...orderProblem.keys()].map((row) => orders.rows.find((r) => r.rowNumber === row)?.record['order-id']),
  ).size;
  const summary = `${bought} label${bought === 1 ? '' : 's'} bought, ${fetched} printed again, ${skipped} already labelled (skipped), ${failed} order${failed === 1 ? '' : 's'} with problems`;
  const log = logEditor(tables.get(logTable.name) ?? null);
  log.append(
    logEntry(
      GENERATE_LABELS,
      context,
      { source: provider.metadata.id, rowsRead: orders.rows.length, rowsChanged: bought + fetched, summary },
      problems,
    ),
  );
  await book.write({ sheets: [ordersEditor.toWrite(), shipmentsEditor.toWrite(), log.toWrite()] });
  const lines = [`Labels (${provider.metadata.name}, ${format}): ${summary}.`, ...notes.map((n) => `  ${n}`)];
  for (const f of written.files) lines.push(`  wrote ${f}`);
  if (batchLabels.length === 0 && tasks.length === 0)
    lines.push(
      skipped > 0
        ? 'Nothing new to label (use --reprint to print labelled orders again).'
        : 'No Rated orders to label: run choose-carriers first.',
    );
  return {
    action: GENERATE_LABELS,
    ok: true,
    changes: [ordersEditor.summary(), shipmentsEditor.summary()],
    problems,
    stats: { bought, reprinted: fetched, skipped, ordersWithProblems: failed, pickLines: pick.lines.length },
    lines,
    data: {
      files: written.files,
      labels: batchLabels.map((b) => ({
        shipmentId: b.shipmentId,
        orderId: b.orderId,
        packageId: b.packageId,
        trackingNumber: b.trackingNumber,
        labelFile: written.labelFiles.get(b.shipmentId) ?? null,
      })),
    },
  };
}
