/**
 * Choose carriers: every Allocated order item (and every Rated one, re-rated in case its inputs changed) gets
 * a package, a carrier service and a rate from the seller's rate card, rules and Amazon's promise; status
 * Allocated → Rated. An order that cannot be rated stays unrated with the reason on its row.
 */
import { BUY_SHIPPING_SERVICES } from '../amazon/buyShippingServices';
import type { Address, CarrierPlugin } from '../carriers/plugin';
import { rateCardPlugin } from '../carriers/rateCardPlugin';
import type { HttpPort } from '../http/httpPort';
import { formatMoneyPlain } from '../money/parseMoney';
import { readSettings } from '../settings/readSettings';
import { boxesTable } from '../tables/boxes';
import { decodeTable } from '../tables/decodeTable';
import type { ListingRecord } from '../tables/listings';
import { listingsTable } from '../tables/listings';
import { logTable } from '../tables/log';
import type { OrderRecord } from '../tables/orders';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { ratesTable } from '../tables/rates';
import { rulesTable } from '../tables/rules';
import { servicesTable } from '../tables/services';
import { settingsTable } from '../tables/settingsTable';
import { surchargesTable } from '../tables/surcharges';
import type { TableSchema } from '../tables/schema';
import { templateHeaders } from '../tables/schema';
import { TableEditor } from '../tables/tableEditor';
import { zonesTable } from '../tables/zones';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { readCarrierConfig } from './chooseCarriersConfig';
import type { CarrierConfig } from './chooseCarriersConfig';
import { pool } from './pool';
import { pluginQuoter, rateCardQuoter } from './quoters';
import type { RateSource } from './rateSources';
import { buyShippingQuoter, competingQuoter, isRateSource, liveShipFrom } from './rateSources';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';
import type { OrderRow, RatedFields } from './rateOrder';
import { newRatingCache, rateOrder } from './rateOrder';

export const CHOOSE_CARRIERS = 'choose carriers';

/** The Orders columns this step writes. */
export const CHOOSE_CARRIERS_COLUMNS = [
  'status',
  'package-id',
  'package',
  'billable-weight-oz',
  'zone',
  'carrier',
  'service',
  'rate',
  'rate-currency',
  'expected-delivery',
  'rates-considered',
  'shipping-options',
  'problem',
  'rate-source',
  'rate-id',
] as const;

/** The Orders columns carrier choice reads (decoding all 90 of every row would cost more than rating it). */
const ORDER_INPUTS = [
  'order-id',
  'order-item-id',
  'sku',
  'status',
  'allocated-qty',
  'quantity-to-ship',
  'quantity-purchased',
  'promise-date',
  'delivery-end-date',
  'delivery-time-zone',
  'ship-service-level',
  'recipient-name',
  'ship-address-1',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'currency',
  'item-price',
  'is-prime',
  'is-business-order',
] as const;

const CLEARED: Partial<OrderRecord> = {
  'package-id': null,
  package: null,
  'billable-weight-oz': null,
  zone: null,
  carrier: null,
  service: null,
  rate: null,
  'rate-currency': null,
  'expected-delivery': null,
  'rates-considered': null,
  'shipping-options': null,
  'rate-source': null,
  'rate-id': null,
};

export interface ChooseCarriersOptions {
  /** The plug-in that quotes (default: the rate card from the workbook's own sheets). */
  readonly plugin?: (config: CarrierConfig) => CarrierPlugin;
  /** The network port for live plug-ins (the rate card never uses it). */
  readonly http?: HttpPort;
  /** Where rates come from (default: Settings `rate-source`). */
  readonly rateSource?: RateSource;
  /** Amazon Buy Shipping, for `rate-source` amazon or both (absent: no Amazon connection). */
  readonly buyShipping?: CarrierPlugin;
  /** Orders rated at once from a live source (default 4). */
  readonly concurrency?: number;
}

const LIVE_CONCURRENCY = 4;

async function liveRatings<R>(
  orders: readonly OrderRow[][],
  limit: number,
  context: RunContext,
  rate: (rows: readonly OrderRow[]) => Promise<R>,
): Promise<R[]> {
  let done = 0;
  return pool(orders, Math.max(1, limit), async (rows) => {
    const r = await rate(rows);
    done++;
    if (context.onProgress && (done % 25 === 0 || done === orders.length))
      context.onProgress('Rating with Buy Shipping', done, orders.length);
    return r;
  });
}

const NO_HTTP: HttpPort = {
  send: () => Promise.reject(new Error('no network port was given to choose carriers')),
};

export async function chooseCarriers(
  book: Workbook,
  context: RunContext,
  options: ChooseCarriersOptions = {},
): Promise<ActionResult> {
  const tables = await book.read(
    [
      ordersTable,
      listingsTable,
      ratesTable,
      servicesTable,
      surchargesTable,
      zonesTable,
      boxesTable,
      rulesTable,
      settingsTable,
      logTable,
    ].map((t) => t.name),
  );
  const grid = (name: string) => tables.get(name) ?? null;
  const { settings, problems: settingProblems } = readSettings(grid(settingsTable.name));
  const requested = options.rateSource ?? settings.text('rate-source');
  const source: RateSource = isRateSource(requested) ? requested : 'card';
  const live = source !== 'card' && !options.plugin;
  // Rates from Amazon alone need no rate card: a workbook without its sheets reads as an empty card.
  const card = (t: TableSchema) =>
    grid(t.name) ?? (live && source === 'amazon' ? [templateHeaders(t)] : null);
  const { config, problems: configProblems } = readCarrierConfig(
    {
      services: card(servicesTable),
      rates: card(ratesTable),
      surcharges: card(surchargesTable),
      zones: card(zonesTable),
      boxes: grid(boxesTable.name),
      rules: grid(rulesTable.name),
    },
    settings,
    context.now,
    live ? BUY_SHIPPING_SERVICES : [],
  );
  if (!config || configProblems.length > 0) {
    const problems = [...settingProblems, ...configProblems];
    return {
      action: CHOOSE_CARRIERS,
      ok: false,
      message: 'nothing rated',
      changes: [],
      problems,
      stats: { problems: problems.length },
      lines: [
        `Choose carriers: nothing rated and nothing written — fix the ${problems.length} problem${problems.length === 1 ? '' : 's'} below in ${[
          ...new Set(problems.map((p) => p.sheet)),
        ].join(', ')} first (a rate from a half-read rate card could be silently wrong).`,
      ],
    };
  }
  if (live && !options.buyShipping)
    return {
      action: CHOOSE_CARRIERS,
      ok: false,
      message: 'no Amazon connection',
      changes: [],
      problems: [],
      stats: {},
      lines: [
        `Choose carriers: rate-source ${source} needs the Amazon connection (the SP-API credentials: in the environment for the CLI, saved with Settings… in the add-on; see docs/amazon.md); nothing rated and nothing written.`,
      ],
    };
  const liveFrom = live ? liveShipFrom(settings) : null;
  if (liveFrom && !liveFrom.address)
    return {
      action: CHOOSE_CARRIERS,
      ok: false,
      message: 'no ship-from address',
      changes: [],
      problems: liveFrom.problems,
      stats: { problems: liveFrom.problems.length },
      lines: [
        'Choose carriers: Buy Shipping rates need the whole ship-from address in Settings; nothing rated and nothing written.',
      ],
    };
  if (config.card.services.length === 0 && !live)
    return {
      action: CHOOSE_CARRIERS,
      ok: false,
      message: 'no rate card',
      changes: [],
      problems: [],
      stats: {},
      lines: [
        `Choose carriers: ${book.label} has no rate card. Fill the Services, Rates, Zones (and Surcharges) sheets: start from templates/rates/ (a SAMPLE card) and paste your own rates.`,
      ],
    };

  const ordersGrid = grid(ordersTable.name);
  const orders = decodeTable(ordersTable, ordersGrid ?? [], { checkRequired: false, only: ORDER_INPUTS });
  const problems: Problem[] = [...settingProblems];
  const byOrder = new Map<string, OrderRow[]>();
  const badRows = new Map<number, Problem[]>();
  for (const p of orders.problems) if (p.row !== null) badRows.set(p.row, [...(badRows.get(p.row) ?? []), p]);
  let candidates = 0;
  for (const r of orders.rows) {
    const status = r.record.status;
    if (status !== 'Allocated' && status !== 'Rated') continue;
    candidates++;
    if (!r.valid || badRows.has(r.rowNumber)) {
      problems.push(...(badRows.get(r.rowNumber) ?? []));
      continue;
    }
    const id = r.record['order-id'];
    const missing = !id ? 'order-id' : !r.record.sku ? 'sku' : null;
    if (missing) {
      problems.push(
        problem(ordersTable.name, r.rowNumber, missing, `${missing} is empty, so the item cannot be rated`),
      );
      continue;
    }
    let list = byOrder.get(id);
    if (!list) byOrder.set(id, (list = []));
    list.push(r);
  }
  const listingsTableRows = decodeTable(listingsTable, grid(listingsTable.name) ?? []);
  const listings = new Map<string, { rowNumber: number; record: ListingRecord }>();
  const badListings = new Map<string, string>();
  for (const l of listingsTableRows.rows) {
    const sku = l.record.sku?.trim().toLowerCase();
    if (!sku) continue;
    if (l.valid) listings.set(sku, { rowNumber: l.rowNumber, record: l.record });
    else {
      const p = listingsTableRows.problems.find((x) => x.row === l.rowNumber);
      badListings.set(
        sku,
        `Listings row ${l.rowNumber} (SKU ${l.record.sku}) has a bad value: ${p ? p.message : 'see Listings'}`,
      );
    }
  }

  const notes = new Map<string, string>();
  const transient = new Set<string>();
  const cardQuoter = () =>
    rateCardQuoter(rateCardPlugin({ card: config.card, zones: config.zones, holidays: config.holidays }));
  const amazonQuoter = () =>
    buyShippingQuoter(options.buyShipping as CarrierPlugin, options.http ?? NO_HTTP, config.modes, transient);
  const quoter = options.plugin
    ? pluginQuoter(options.plugin(config), options.http ?? NO_HTTP, config.modes)
    : !live
      ? cardQuoter()
      : source === 'amazon' || config.card.services.length === 0
        ? amazonQuoter()
        : competingQuoter(cardQuoter(), amazonQuoter(), notes);
  const shipFrom: Address = liveFrom?.address ?? {
    name: settings.text('ship-from-name'),
    line1: settings.text('ship-from-address-1'),
    city: settings.text('ship-from-city'),
    state: settings.text('ship-from-state'),
    postalCode: settings.text('ship-from-postal-code'),
    country: settings.text('ship-from-country'),
  };
  const editor = new TableEditor(ordersTable, ordersGrid, CHOOSE_CARRIERS_COLUMNS);
  let rated = 0;
  let unrated = 0;
  let changed = 0;
  let packages = 0;
  let kept = 0;
  const totals = new Map<string, number>();
  const byService = new ServiceCounts();
  const cache = newRatingCache();
  // Live quotes are network round trips: several orders in flight at once (the client spaces its retries).
  const liveResults = live
    ? await liveRatings(
        [...byOrder.values()],
        options.concurrency ?? LIVE_CONCURRENCY,
        context,
        async (rows) => rateOrder(rows, listings, config, quoter, shipFrom, cache, badListings),
      )
    : null;
  let orderIndex = 0;
  for (const rows of byOrder.values()) {
    const rating =
      liveResults?.[orderIndex++] ?? rateOrder(rows, listings, config, quoter, shipFrom, cache, badListings);
    // The rate card answers synchronously: no await (a microtask per order) unless a live plug-in quotes.
    const result = rating instanceof Promise ? await rating : rating;
    if (!result.ok) {
      problems.push(problem(ordersTable.name, result.rowNumber, result.column, result.message));
      // A passing failure (Amazon busy, the network) keeps a Rated order's last rate: only the problem is new.
      if (transient.has(rows[0].record['order-id']) && rows.every((r) => r.record.status === 'Rated')) {
        for (const r of rows)
          if (
            editor.update(r.rowNumber, { problem: `not re-rated, the last rate stands: ${result.message}` })
          )
            changed++;
        kept += rows.length;
        continue;
      }
      for (const r of rows) {
        const message =
          r.rowNumber === result.rowNumber
            ? `not rated: ${result.message}`
            : `not rated: see row ${result.rowNumber} (same order)`;
        const fields: Partial<OrderRecord> = { ...CLEARED, problem: message };
        if (r.record.status === 'Rated') fields.status = 'Allocated';
        if (editor.update(r.rowNumber, fields)) changed++;
        unrated++;
      }
      continue;
    }
    packages += result.packages;
    totals.set(result.currency, (totals.get(result.currency) ?? 0) + result.totalMinor);
    if (result.warning)
      problems.push(problem(ordersTable.name, rows[0].rowNumber, 'promise-date', result.warning));
    const noted = notes.size > 0 ? sourceNotes(result.fields, notes) : null;
    if (noted) problems.push(problem(ordersTable.name, rows[0].rowNumber, null, noted));
    for (let n = 0; n < rows.length; n++) {
      // The fields already hold status Rated and the order's warning: one object per package, shared by its rows.
      const f = result.fields[n];
      const fields = noted ? { ...f, problem: [f.problem, noted].filter(Boolean).join('; ') } : f;
      if (editor.update(rows[n].rowNumber, fields)) changed++;
      rated++;
      byService.add(f.carrier, f.service);
    }
  }
  const total =
    [...totals].map(([cur, minor]) => `${formatMoneyPlain(minor, cur)} ${cur}`).join(' + ') || '0';
  const sourceText = live ? ` from ${source === 'both' ? 'the card and Buy Shipping' : 'Buy Shipping'}` : '';
  const summary = `${candidates} order items to rate${sourceText}: ${rated} rated in ${packages} packages (postage ${total}), ${unrated} not rated${kept > 0 ? `, ${kept} kept their last rate` : ''}; ${changed} rows changed; ship date ${config.shipDate}`;
  const log = logEditor(grid(logTable.name));
  log.append(
    logEntry(
      CHOOSE_CARRIERS,
      context,
      { rowsRead: orders.rows.length, rowsChanged: changed, summary },
      problems,
    ),
  );
  await book.write({ sheets: [editor.toWrite(), log.toWrite()] });
  const mix = byService
    .entries()
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return {
    action: CHOOSE_CARRIERS,
    ok: true,
    changes: [editor.summary()],
    problems,
    stats: { candidates, rated, unrated, packages, changed, ...(kept > 0 ? { kept } : {}) },
    lines: [`Chose carriers in ${book.label}: ${summary}.`, ...(mix ? [`Items by service: ${mix}.`] : [])],
  };
}

/** The notes a competing quote left on an order's packages (Buy Shipping failed, or the card had no rate). */
function sourceNotes(rows: readonly RatedFields[], notes: ReadonlyMap<string, string>): string | null {
  const texts = new Set<string>();
  for (const f of rows) {
    const n = notes.get(f['package-id']);
    if (n) texts.add(`package ${f['package-id']} ${n}`);
  }
  return texts.size > 0 ? [...texts].join('; ') : null;
}

/**
 * Items by carrier service, in the order each service was first chosen (ties in the summary keep that order),
 * counted without a `carrier service` key string per item.
 */
class ServiceCounts {
  private readonly index = new Map<string, Map<string, number>>();
  private readonly byName = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly counts: number[] = [];

  add(carrier: string, service: string): void {
    let byService = this.index.get(carrier);
    if (!byService) this.index.set(carrier, (byService = new Map()));
    let i = byService.get(service);
    if (i === undefined) {
      // Two pairs that read the same (`A B` + `C`, `A` + `B C`) share a count, as one key string would.
      const name = `${carrier} ${service}`;
      i = this.byName.get(name);
      if (i === undefined) {
        this.byName.set(name, (i = this.names.length));
        this.names.push(name);
        this.counts.push(0);
      }
      byService.set(service, i);
    }
    this.counts[i]++;
  }

  entries(): [string, number][] {
    return this.names.map((n, i) => [n, this.counts[i]]);
  }
}
