/**
 * Issue 4 benchmark: choose carriers for 50,000 Allocated order items (about 38,000 orders, some with
 * several items) against a 10-service rate card (the SAMPLE card's 9 services plus a 10th), with the sample
 * zone chart, surcharges, boxes and rules. Measures the whole step on an in-memory workbook — decode the
 * sheets, pack, quote, apply rules and promise dates, write the Orders columns — and, on its own, the
 * per-package quoting through the rate-card plug-in.
 */
import path from 'node:path';
import type { Cell, Grid, Workbook } from '../src/core';
import { chooseCarriers, MemoryWorkbook, ordersTable, templateHeaders } from '../src/core';
import { readTableFile } from '../src/node/flatfiles/readTableFile';
import { measure, row } from './measure';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 50_000);
// The runner starts each benchmark in the repository folder (the bundle itself lives in a temp folder).
const root = process.cwd();
const NOW = new Date('2026-12-01T17:00:00Z');

async function load(rel: string): Promise<Grid> {
  return (await readTableFile(path.join(root, 'templates', rel))).grid;
}

async function main(): Promise<void> {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const services = await load('rates/sample-services.tsv');
  const rates = await load('rates/sample-rates.tsv');
  // A 10th service: a regional ground carrier priced 3 % under UPS Ground.
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
    'bench',
  ]);
  for (const r of rates.slice(1))
    if (r[0] === 'UPS' && r[1] === 'Ground')
      rates.push(['OnTrac', 'Ground', r[2], r[3], r[4], (Number(r[5]) * 0.97).toFixed(2), r[6]]);
  const serviceCount = services.length - 1;

  const boxes = await load('sample/boxes.tsv');
  const boxNames = boxes.slice(1).map((b) => String(b[0]));
  const listings: Cell[][] = [
    ['sku', 'weight', 'weight-unit', 'length', 'width', 'height', 'dimension-unit', 'package-type'],
  ];
  for (let i = 0; i < 200; i++) {
    const own = rand() < 0.2;
    const l = 3 + Math.floor(rand() * (own ? 20 : 10));
    listings.push([
      `SKU-${i}`,
      Number((2 + rand() * 60).toFixed(1)),
      'oz',
      l,
      Math.max(1, l - 2),
      1 + Math.floor(rand() * 4),
      'in',
      own ? 'own' : boxNames[Math.floor(rand() * 4)],
    ]);
  }
  const zips = [
    '02116',
    '10024',
    '33135',
    '60657',
    '75247',
    '85014',
    '89501',
    '90210',
    '94105',
    '97204',
    '99501',
    '05401',
    '30301',
    '48201',
  ];
  const levels = ['Standard', 'Standard', 'Standard', 'Expedited', 'SecondDay', 'NextDay'];
  const header = templateHeaders(ordersTable);
  const col = (n: string) => header.indexOf(n);
  const orders: Cell[][] = [header];
  let order = 0;
  for (let i = 0; i < ITEMS;) {
    const items = rand() < 0.25 ? 2 + Math.floor(rand() * 2) : 1;
    const zip = zips[Math.floor(rand() * zips.length)];
    const level = levels[Math.floor(rand() * levels.length)];
    const shipBy = `2026-12-0${2 + Math.floor(rand() * 3)}T07:59:59Z`;
    for (let k = 0; k < items && i < ITEMS; k++, i++) {
      const r: Cell[] = new Array(header.length).fill(null);
      r[col('order-id')] = `112-${String(order).padStart(7, '0')}-0000001`;
      r[col('order-item-id')] = String(10000000000000 + i);
      r[col('sku')] = `SKU-${Math.floor(rand() * 200)}`;
      r[col('quantity-purchased')] = 1 + Math.floor(rand() * 2);
      r[col('allocated-qty')] = r[col('quantity-purchased')];
      r[col('promise-date')] = shipBy;
      r[col('ship-service-level')] = level;
      r[col('ship-postal-code')] = zip;
      r[col('ship-country')] = 'US';
      r[col('currency')] = 'USD';
      r[col('item-price')] = Number((5 + rand() * 300).toFixed(2));
      r[col('is-prime')] = rand() < 0.3;
      r[col('status')] = 'Allocated';
      orders.push(r);
    }
    order++;
  }
  const sheets = async () => ({
    Orders: orders,
    Listings: listings,
    Services: services,
    Rates: rates,
    Surcharges: await load('rates/sample-surcharges.tsv'),
    Zones: await load('rates/sample-zones-895.tsv'),
    Boxes: boxes,
    Rules: await load('sample/rules.tsv'),
    Settings: [
      ['key', 'value'],
      ['ship-from-postal-code', '89502'],
    ],
  });
  console.log(
    `${ITEMS} order items in ${order} orders, ${serviceCount} services, ${rates.length - 1} rate rows`,
  );
  // Warm up once on a small copy so the figure is the steady state, not the JIT.
  await chooseCarriers(new MemoryWorkbook('warm', { ...(await sheets()), Orders: orders.slice(0, 2000) }), {
    now: NOW,
  });
  const memory = new MemoryWorkbook('bench', await sheets());
  // The workbook holds its own copy: drop the generated rows so the heap is what a real run would hold.
  orders.length = 0;
  // Time spent inside the in-memory backend's read and write, to tell the core's cost from the test backend's.
  let ioSeconds = 0;
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const t = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      ioSeconds += Number(process.hrtime.bigint() - t) / 1e9;
    }
  };
  const book: Workbook = {
    label: memory.label,
    read: (names) => timed(() => memory.read(names)),
    write: (plan) => timed(() => memory.write(plan)),
    sheetNames: () => memory.sheetNames(),
  };
  let stats: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const m = await measure(async () => {
    stats = { ...(await chooseCarriers(book, { now: NOW })).stats };
  });
  const cpu = process.cpuUsage(cpu0);
  console.log(row(`choose carriers, ${ITEMS} items (whole step, in memory)`, m));
  // CPU time of this process: the honest figure on a shared machine, where wall time waits for other work.
  console.log(
    `  CPU time ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)} s)`,
  );
  console.log(
    `  of which the in-memory workbook's read + write: ${ioSeconds.toFixed(2)} s; the core: ${(m.seconds - ioSeconds).toFixed(2)} s`,
  );
  console.log(`  rated ${stats.rated}, not rated ${stats.unrated}, packages ${stats.packages}`);
  console.log(
    `  ${((m.seconds * 1e6) / ITEMS).toFixed(1)} µs per item; budget 1 s: ${m.seconds < 1 ? 'met' : 'MISSED'}`,
  );
  // Calibration: the same machine allocating a million small objects (a few tens of ms on an idle machine),
  // so a figure taken while other work loads the machine can be read against it.
  const c = await measure(() => {
    const keep: { i: number; s: string }[] = [];
    for (let i = 0; i < 1_000_000; i++) keep.push({ i, s: String(i) });
    return keep.length;
  });
  console.log(row('calibration: allocate 1,000,000 small objects', c));
  if (!(stats.rated >= ITEMS * 0.5)) throw new Error('most items should rate; the benchmark data is wrong');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
