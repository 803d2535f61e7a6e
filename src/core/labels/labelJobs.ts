/**
 * From the Orders rows to the packages a label run works on: items grouped by package-id, each package's ship-to,
 * parcel and chosen rate checked, with a problem (sheet, row, column) for everything that stops a label.
 */
import type { Address, LabelRequest, Parcel, RateQuote } from '../carriers/plugin';
import type { DecodedRow } from '../tables/decodeTable';
import type { OrderRecord } from '../tables/orders';
import { ordersTable } from '../tables/orders';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';

export interface PackageJob {
  readonly packageId: string;
  readonly orderId: string;
  readonly rows: readonly DecodedRow<OrderRecord>[];
  /** Rated: needs a label. Labeled: has one (reprint or skip). */
  readonly status: 'Rated' | 'Labeled';
}

/** Group the Rated (and Labeled) order items by package; rows of a package in other states are a problem. */
export function groupPackages(rows: readonly DecodedRow<OrderRecord>[]): {
  jobs: PackageJob[];
  problems: Problem[];
} {
  const byPackage = new Map<string, DecodedRow<OrderRecord>[]>();
  for (const r of rows) {
    const orderId = r.record['order-id'];
    if (!orderId) continue;
    const pkg = r.record['package-id']?.trim() || `${orderId}-1`;
    let list = byPackage.get(pkg);
    if (!list) byPackage.set(pkg, (list = []));
    list.push(r);
  }
  const jobs: PackageJob[] = [];
  const problems: Problem[] = [];
  for (const [packageId, list] of byPackage) {
    const live = list.filter((r) => r.record.status !== 'Cancelled');
    const statuses = new Set(live.map((r) => r.record.status));
    if (!statuses.has('Rated') && !statuses.has('Labeled')) continue;
    const other = live.find((r) => r.record.status !== 'Rated' && r.record.status !== 'Labeled');
    if (other) {
      problems.push(
        problem(
          ordersTable.name,
          other.rowNumber,
          'status',
          `package ${packageId} also holds this item, which is ${other.record.status ?? 'without a status'}; no label until every item in it is Rated`,
        ),
      );
      continue;
    }
    const orders = new Set(live.map((r) => r.record['order-id']));
    if (orders.size > 1) {
      problems.push(
        problem(
          ordersTable.name,
          live[1].rowNumber,
          'package-id',
          `package ${packageId} holds items of ${orders.size} orders; a package belongs to one order`,
        ),
      );
      continue;
    }
    // A package half Labeled (a reprint after adding an item) is treated as needing a label for the Rated part.
    const status = statuses.has('Rated') ? 'Rated' : 'Labeled';
    jobs.push({ packageId, orderId: live[0].record['order-id'], rows: live, status });
  }
  return { jobs, problems };
}

/** The ship-to address of an order item, or the problems of its missing fields. */
export function shipToOf(row: DecodedRow<OrderRecord>): { address: Address | null; problems: Problem[] } {
  const r = row.record;
  const problems: Problem[] = [];
  const need = (column: keyof OrderRecord & string, what: string) => {
    const v = r[column];
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push(
        problem(
          ordersTable.name,
          row.rowNumber,
          column,
          `the ship-to address has no ${what}; fill it in (from Seller Central) and run labels again`,
        ),
      );
      return '';
    }
    return v.trim();
  };
  const name = need('recipient-name', 'recipient name');
  const line1 = need('ship-address-1', 'street address');
  const city = need('ship-city', 'city');
  const postalCode = need('ship-postal-code', 'postal code');
  const country = need('ship-country', 'country').toUpperCase();
  const state = r['ship-state']?.trim() || undefined;
  if ((country === 'US' || country === 'CA') && !state) need('ship-state', 'state');
  if (problems.length > 0) return { address: null, problems };
  return {
    address: {
      name,
      line1,
      line2: r['ship-address-2']?.trim() || undefined,
      line3: r['ship-address-3']?.trim() || undefined,
      city,
      state,
      postalCode,
      country,
      phone: r['ship-phone-number']?.trim() || undefined,
    },
    problems,
  };
}

/** `12x10x6 in` / `Box M (12 x 10 x 6)` → inches, when the package column says a size. */
export function parseDimensions(text: string | null): [number, number, number] | null {
  const m = /(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(cm|in)?/i.exec(text ?? '');
  if (!m) return null;
  const k = m[4]?.toLowerCase() === 'cm' ? 1 / 2.54 : 1;
  return [Number(m[1]) * k, Number(m[2]) * k, Number(m[3]) * k].map((d) => Math.round(d * 10) / 10) as [
    number,
    number,
    number,
  ];
}

export interface LabelRequestInput {
  readonly job: PackageJob;
  readonly shipFrom: Address;
  readonly shipDate: string;
  readonly provider: string;
  readonly currency: string;
  readonly idempotencyKey: string;
  readonly format: LabelRequest['format'];
}

/** The label request of a package, or the problems that stop it (no service, no weight, bad address). */
export function labelRequestOf(input: LabelRequestInput): {
  request: LabelRequest | null;
  problems: Problem[];
} {
  const { job } = input;
  const first = job.rows[0];
  const r = first.record;
  const problems: Problem[] = [];
  const carrier = r.carrier?.trim() ?? '';
  const service = r.service?.trim() ?? '';
  if (carrier === '' || service === '')
    problems.push(
      problem(
        ordersTable.name,
        first.rowNumber,
        carrier === '' ? 'carrier' : 'service',
        `order ${job.orderId} has no chosen ${carrier === '' ? 'carrier' : 'service'}; run choose-carriers or fill carrier and service`,
      ),
    );
  const weightOz = r['billable-weight-oz'];
  if (weightOz === null || !(weightOz > 0))
    problems.push(
      problem(
        ordersTable.name,
        first.rowNumber,
        'billable-weight-oz',
        `package ${job.packageId} has no billable weight; run choose-carriers or fill billable-weight-oz`,
      ),
    );
  const cancelling = job.rows.find((row) => row.record['is-buyer-requested-cancellation'] === true);
  if (cancelling)
    problems.push(
      problem(
        ordersTable.name,
        cancelling.rowNumber,
        'is-buyer-requested-cancellation',
        `the buyer asked to cancel order ${job.orderId}${cancelling.record['buyer-requested-cancel-reason'] ? ` (${cancelling.record['buyer-requested-cancel-reason']})` : ''}; no label is bought — cancel it in Seller Central`,
      ),
    );
  const shipTo = shipToOf(first);
  problems.push(...shipTo.problems);
  if (problems.length > 0 || !shipTo.address) return { request: null, problems };
  const dims = parseDimensions(r.package);
  const parcel: Parcel = {
    packageId: job.packageId,
    weightOz: weightOz as number,
    lengthIn: dims?.[0] ?? 0,
    widthIn: dims?.[1] ?? 0,
    heightIn: dims?.[2] ?? 0,
    box: r.package ?? undefined,
  };
  const rate: RateQuote = {
    provider: input.provider,
    carrier,
    service,
    price: { minor: r.rate ?? 0, currency: r['rate-currency']?.trim() || input.currency },
    billableWeightOz: weightOz as number,
    zone: r.zone ?? undefined,
  };
  return {
    request: {
      idempotencyKey: input.idempotencyKey,
      rate,
      format: input.format,
      rateRequest: {
        orderId: job.orderId,
        items: job.rows.map((row) => ({
          orderItemId: row.record['order-item-id'],
          sku: row.record.sku,
          quantity: unitsOf(row.record),
        })),
        shipFrom: input.shipFrom,
        shipTo: shipTo.address,
        parcel,
        shipDate: input.shipDate,
        // A re-rate before buying must ask for what the rules asked for (a live quote's price includes it).
        ...(/\bsignature\b/i.test(r['shipping-options'] ?? '') ? { options: { signature: true } } : {}),
      },
    },
    problems,
  };
}

/** Units of an order item still to ship (the whole quantity when the report has no quantity-to-ship). */
export function unitsOf(r: OrderRecord): number {
  const toShip = r['quantity-to-ship'];
  return toShip !== null && toShip > 0 ? toShip : r['quantity-purchased'];
}
