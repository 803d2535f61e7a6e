/**
 * Issue 11 benchmark: choose carriers with Buy Shipping as the rate source for N Amazon orders against the loopback
 * SP-API answering after a set latency (a network round trip), one order in flight versus the default four. The
 * baseline is the bare plug-in: the same N getRates calls, one at a time and four at a time, with no workbook,
 * packing, rules or writes. Wall time is what a seller waits (the work is network-bound); CPU time is ours.
 */
import type { Cell, RateRequest } from '../src/core';
import {
  AccessTokenSource,
  buyShippingPlugin,
  chooseCarriers,
  MemoryWorkbook,
  SpApiClient,
} from '../src/core';
import { pool } from '../src/core/workflow/pool';
import { fetchHttpPort } from '../src/node/amazon/fetchHttpPort';
import { CREDENTIALS, FakeSpApi } from '../test/fakes/spApiServer';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const NOW = new Date('2026-12-01T17:00:00Z');

interface Figure {
  wall: number;
  cpu: number;
}

async function time(work: () => Promise<unknown>): Promise<Figure> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

async function best(work: () => Promise<unknown>): Promise<Figure> {
  const runs: Figure[] = [];
  for (let i = 0; i < 3; i++) runs.push(await time(work));
  return runs.reduce((a, b) => (b.wall < a.wall ? b : a));
}

const orderId = (i: number) => `113-${String(1000000 + i).slice(1)}0-${String(2000000 + i).slice(1)}0`;

function book(): MemoryWorkbook {
  const header = [
    'order-id',
    'order-item-id',
    'sku',
    'quantity-purchased',
    'promise-date',
    'ship-service-level',
    'ship-state',
    'ship-postal-code',
    'ship-country',
    'currency',
    'item-price',
    'status',
    'allocated-qty',
  ];
  const rows: Cell[][] = [header];
  for (let i = 0; i < ORDERS; i++)
    rows.push([
      orderId(i),
      `7${String(i).padStart(13, '0')}`,
      i % 3 === 0 ? 'MUG' : 'SOCK',
      1,
      '2026-12-03T07:59:59Z',
      'Standard',
      'MA',
      '02116',
      'US',
      'USD',
      20,
      'Allocated',
      1,
    ]);
  return new MemoryWorkbook('bench', {
    Orders: rows,
    Listings: [
      ['sku', 'weight', 'weight-unit', 'length', 'width', 'height', 'dimension-unit', 'package-type'],
      ['MUG', 1.1, 'lb', 6, 5, 5, 'in', 'S-BOX'],
      ['SOCK', 6, 'oz', 9, 6, 2, 'in', ''],
    ],
    Boxes: [
      ['box', 'length', 'width', 'height', 'weight', 'weight-unit'],
      ['S-BOX', 8, 6, 6, 4, 'oz'],
    ],
    Settings: [
      ['key', 'value'],
      ['ship-from-name', 'Bench Seller'],
      ['ship-from-address-1', '1 Dock St'],
      ['ship-from-city', 'Reno'],
      ['ship-from-state', 'NV'],
      ['ship-from-postal-code', '89502'],
    ],
  });
}

async function main(): Promise<void> {
  const amazon = await new FakeSpApi().start();
  amazon.latencyMs = LATENCY_MS;
  const http = fetchHttpPort();
  const client = new SpApiClient({
    endpoint: amazon.url,
    http,
    tokens: new AccessTokenSource(CREDENTIALS, `${amazon.url}/auth/o2/token`, http, () => Date.now()),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
  const plugin = buyShippingPlugin(client, { shippingBusiness: 'AmazonShipping_US' });
  try {
    const requests: RateRequest[] = Array.from({ length: ORDERS }, (_, i) => ({
      orderId: orderId(i),
      items: [{ orderItemId: `7${i}`, sku: 'SOCK', quantity: 1 }],
      shipFrom: {
        name: 'Bench',
        line1: '1 Dock St',
        city: 'Reno',
        state: 'NV',
        postalCode: '89502',
        country: 'US',
      },
      shipTo: { name: '', line1: '', city: '', postalCode: '02116', country: 'US' },
      parcel: { packageId: `${orderId(i)}-1`, weightOz: 6.5, lengthIn: 9, widthIn: 6, heightIn: 2 },
      shipDate: '2026-12-01',
    }));
    await plugin.getRates!(requests[0], http); // token, connection warm-up
    const bare = async (limit: number) => {
      const got = await pool(requests, limit, (r) => plugin.getRates!(r, http));
      if (got.some((g) => !g.ok)) throw new Error('a bare getRates failed');
    };
    const step = async (concurrency: number) => {
      const b = book();
      const r = await chooseCarriers(
        b,
        { now: NOW },
        { rateSource: 'amazon', buyShipping: plugin, http, concurrency },
      );
      if (r.stats.rated !== ORDERS)
        throw new Error(`rated ${String(r.stats.rated)} of ${ORDERS}: ${r.lines.join(' ')}`);
    };
    const line = (label: string, f: Figure, base?: Figure) =>
      `${label.padEnd(58)} ${f.wall.toFixed(2).padStart(6)} s wall ${f.cpu.toFixed(2).padStart(6)} s CPU${
        base ? `  ${(f.wall / base.wall).toFixed(2)}x wall of bare` : ''
      }`;
    console.log(
      `${ORDERS} Amazon orders, one package each; the fake answers after ${LATENCY_MS} ms; best of 3`,
    );
    const bare1 = await best(() => bare(1));
    const bare4 = await best(() => bare(4));
    const step1 = await best(() => step(1));
    const step4 = await best(() => step(4));
    console.log(line('bare plug-in getRates, 1 in flight', bare1));
    console.log(line('bare plug-in getRates, 4 in flight', bare4));
    console.log(line('choose carriers --rates amazon, 1 order in flight', step1, bare1));
    console.log(line('choose carriers --rates amazon, 4 orders in flight', step4, bare4));
    console.log(`4 in flight is ${(step1.wall / step4.wall).toFixed(2)}x faster than 1 (wall)`);
  } finally {
    await amazon.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
