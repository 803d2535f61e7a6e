/**
 * A seeded random workbook for carrier choice with every kind of order the step meets: the sample 10-service
 * card (like the benchmark), multi-item orders, hazmat and held SKUs, own packaging, over-limit parcels,
 * international and unzoned destinations, bad cells, stale Rated rows, late and impossible promises.
 */
import path from 'node:path';
import type { Cell, Grid } from '../../src/core';
import { ordersTable, templateHeaders } from '../../src/core';
import { readTableFile } from '../../src/node/flatfiles/readTableFile';

const root = path.join(__dirname, '..', '..');

async function load(rel: string): Promise<Cell[][]> {
  return (await readTableFile(path.join(root, 'templates', rel))).grid.map((r) => [...r]);
}

export async function goldenCarrierSheets(items: number, seed0 = 11): Promise<Record<string, Grid>> {
  let seed = seed0;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const services = await load('rates/sample-services.tsv');
  const rates = await load('rates/sample-rates.tsv');
  services.push([
    'OnTrac',
    'Ground',
    'ground',
    139,
    '',
    'lb',
    150,
    108,
    165,
    '1-2:1, 3:2, 4:3, 5-8:4',
    'Mon-Sat',
    'TRUE',
    'golden',
  ]);
  for (const r of rates.slice(1))
    if (r[0] === 'UPS' && r[1] === 'Ground')
      rates.push(['OnTrac', 'Ground', r[2], r[3], r[4], (Number(r[5]) * 0.97).toFixed(2), r[6]]);
  const rules = await load('sample/rules.tsv');
  rules.push(
    [90, 'sku starts HOLD', 'hold', 'TRUE', 'golden'],
    [100, 'ship-state = TX and weight-lb > 3', 'UPS Ground', 'TRUE', 'golden'],
    [110, 'is-prime = true and items >= 2', 'cheapest', 'TRUE', 'golden'],
  );
  // Besides the sample's fees: ones that read the SKUs, the order value with the zone, and the state, so the
  // quotes depend on more than a package's size and weight.
  const surcharges = await load('rates/sample-surcharges.tsv');
  surcharges.push(
    ['USPS', 'Priority Mail', 'hazmat', 'sku starts HAZ', 2.5, '', '', '', 'USD', 'golden'],
    ['UPS', '', 'declared-value', 'order value > 150 and zone >= 5', 1.25, '', '', '', 'USD', 'golden'],
    ['FedEx', 'Ground', 'state-fee', 'ship-state = TX', 0.8, '', '', '', 'USD', 'golden'],
    ['OnTrac', '', 'multi', 'items >= 2 and quantity > 2', 1.1, '', '', '', 'USD', 'golden'],
  );
  const boxes = await load('sample/boxes.tsv');
  const boxNames = boxes.slice(1).map((b) => String(b[0]));
  const listings: Cell[][] = [
    ['sku', 'weight', 'weight-unit', 'length', 'width', 'height', 'dimension-unit', 'package-type'],
  ];
  const skus: string[] = [];
  for (let i = 0; i < 120; i++) {
    const own = rand() < 0.2;
    const l = 3 + Math.floor(rand() * (own ? 30 : 10));
    const sku = i % 17 === 3 ? `HAZ-${i}` : i % 29 === 5 ? `HOLD-${i}` : `SKU-${i}`;
    skus.push(sku);
    const metric = i % 9 === 4;
    listings.push([
      sku,
      metric ? Number((50 + rand() * 1500).toFixed(0)) : Number((1 + rand() * (own ? 900 : 70)).toFixed(1)),
      metric ? 'g' : 'oz',
      metric ? l * 2.54 : l,
      Math.max(1, l - 2) * (metric ? 2.54 : 1),
      (1 + Math.floor(rand() * (own ? 20 : 4))) * (metric ? 2.54 : 1),
      metric ? 'cm' : 'in',
      own ? 'own' : i % 13 === 7 ? '' : pick(boxNames),
    ]);
  }
  listings.push(
    ['NOWEIGHT', '', '', 5, 5, 5, 'in', ''],
    ['BADWEIGHT', 'heavy', 'lb', 5, 5, 5, 'in', ''],
    ['NOBOX', 8, 'oz', 5, 5, 5, 'in', 'CRATE-9'],
    ['ANVIL', 160, 'lb', 10, 10, 10, 'in', 'own'],
    ['LONGPOLE', 40, 'oz', 60, 3, 3, 'in', 'own'],
  );
  skus.push('NOWEIGHT', 'BADWEIGHT', 'NOBOX', 'ANVIL', 'LONGPOLE', 'UNLISTED-1');
  const zips = [
    '02116',
    '10024',
    '33135',
    '60657',
    '75247',
    '77002',
    '85014',
    '89501',
    '89801',
    '90210',
    '94105',
    '96201',
    '97204',
    '99501',
    '96813',
    '05401',
    '30301',
    '48201',
  ];
  const levels = ['Standard', 'Standard', 'Standard', 'Expedited', 'SecondDay', 'NextDay'];
  const header = templateHeaders(ordersTable);
  const col = (n: string) => {
    const i = header.indexOf(n);
    if (i < 0) throw new Error(`Orders has no ${n}`);
    return i;
  };
  const orders: Cell[][] = [header];
  let order = 0;
  for (let i = 0; i < items;) {
    const n = rand() < 0.3 ? 2 + Math.floor(rand() * 3) : 1;
    const kind = rand();
    const country = kind < 0.03 ? 'CA' : kind < 0.04 ? 'GB' : kind < 0.045 ? 'MX' : 'US';
    const zip =
      country !== 'US'
        ? pick(['K1A 0B1', 'SW1A 1AA', '06600'])
        : kind < 0.05
          ? ''
          : kind < 0.055
            ? 'ABCDE'
            : kind < 0.06
              ? '00501'
              : pick(zips);
    const level = pick(levels);
    const day = 1 + Math.floor(rand() * 4);
    const shipBy = `2026-12-0${day}T07:59:59Z`;
    const deliverBy =
      rand() < 0.15 ? `2026-12-${String(3 + Math.floor(rand() * 8)).padStart(2, '0')}T07:59:59Z` : '';
    const business = rand() < 0.2;
    const prime = rand() < 0.3;
    const status = rand() < 0.1 ? 'Rated' : rand() < 0.05 ? 'Shipped' : 'Allocated';
    const state = zip.startsWith('77') || zip.startsWith('75') ? 'TX' : pick(['MA', 'NY', 'CA', 'WA', '']);
    for (let k = 0; k < n && i < items; k++, i++) {
      const r: Cell[] = new Array(header.length).fill(null);
      r[col('order-id')] = `112-${String(order).padStart(7, '0')}-0000001`;
      r[col('order-item-id')] = String(20000000000000 + i);
      const sku = rand() < 0.03 ? pick(skus.slice(-6)) : pick(skus.slice(0, 120));
      r[col('sku')] = rand() < 0.005 ? '' : sku;
      const qty = 1 + Math.floor(rand() * 3);
      r[col('quantity-purchased')] = rand() < 0.004 ? 'two' : qty;
      r[col('allocated-qty')] = rand() < 0.004 ? 0 : qty;
      r[col('promise-date')] = shipBy;
      if (deliverBy) {
        r[col('delivery-end-date')] = deliverBy;
        r[col('delivery-time-zone')] = rand() < 0.5 ? 'America/New_York' : '';
      }
      r[col('ship-service-level')] = level;
      r[col('recipient-name')] = `Buyer ${order}`;
      r[col('ship-address-1')] = `${order} Main St`;
      r[col('ship-city')] = 'Springfield';
      r[col('ship-state')] = state;
      r[col('ship-postal-code')] = zip;
      r[col('ship-country')] = country;
      r[col('currency')] = 'USD';
      r[col('item-price')] = Number((5 + rand() * 260).toFixed(2));
      r[col('is-prime')] = prime;
      r[col('is-business-order')] = business;
      r[col('status')] = status;
      if (status === 'Rated') {
        // A stale rating from an earlier run: re-rated (or kept when the inputs still give the same).
        r[col('package-id')] = `${r[col('order-id')]}-1`;
        r[col('carrier')] = rand() < 0.5 ? 'USPS' : 'UPS';
        r[col('service')] = 'Ground Advantage';
        r[col('rate')] = 7.45;
        r[col('rate-currency')] = 'USD';
        r[col('zone')] = '8';
      }
      orders.push(r);
    }
    order++;
  }
  return {
    Orders: orders,
    Listings: listings,
    Services: services,
    Rates: rates,
    Surcharges: surcharges,
    Zones: await load('rates/sample-zones-895.tsv'),
    Boxes: boxes,
    Rules: rules,
    Settings: [
      ['key', 'value'],
      ['ship-from-postal-code', '89502'],
      ['holidays', '2026-12-25'],
    ],
  };
}
