import type {
  CarrierPlugin,
  LabelBatch,
  LabelSink,
  ShipmentRecord,
  Workbook,
  WrittenBatch,
} from '../../../src/core';
import {
  decodeTable,
  generateLabels,
  ordersTable,
  sampleLabelProvider,
  shipmentsTable,
  voidShipment,
} from '../../../src/core';
import { ratedWorkbook, TEN_ORDERS } from './labelFixtures';

const NOW = { now: new Date('2026-12-01T17:00:00Z'), user: 'test' };
const OFFLINE = { send: async () => Promise.reject(new Error('no network in tests')) };

class MemorySink implements LabelSink {
  batches: LabelBatch[] = [];
  async write(batch: LabelBatch): Promise<WrittenBatch> {
    this.batches.push(batch);
    return {
      labelFiles: new Map(batch.labels.map((l, i) => [l.shipmentId, `mem:labels#${i + 1}`])),
      files: ['mem:labels'],
    };
  }
}

/** The sample provider with its purchases counted (what a carrier's server would bill). */
function countingProvider(base: CarrierPlugin = sampleLabelProvider()) {
  const calls = { buy: 0, get: 0, void: 0 };
  const provider: CarrierPlugin = {
    ...base,
    buyLabel: async (r, h) => {
      calls.buy++;
      return base.buyLabel!(r, h);
    },
    getLabel: async (r, h) => {
      calls.get++;
      return base.getLabel!(r, h);
    },
    voidLabel: async (id, h) => {
      calls.void++;
      return base.voidLabel!(id, h);
    },
  };
  return { provider, calls };
}

async function shipmentsOf(book: Workbook): Promise<ShipmentRecord[]> {
  const grid = (await book.read([shipmentsTable.name])).get(shipmentsTable.name) ?? [];
  return decodeTable(shipmentsTable, grid).rows.map((r) => r.record);
}

async function ordersOf(book: Workbook) {
  const grid = (await book.read([ordersTable.name])).get(ordersTable.name) ?? [];
  return decodeTable(ordersTable, grid).rows.map((r) => r.record);
}

describe('generate labels', () => {
  test('buys one label per package, records Shipments and Orders, and batches in pick order', async () => {
    const book = await ratedWorkbook(TEN_ORDERS);
    const sink = new MemorySink();
    const { provider, calls } = countingProvider();
    const result = await generateLabels(book, { provider, http: OFFLINE, sink }, NOW);
    expect(result.problems).toEqual([]);
    expect(result.stats.bought).toBe(10);
    expect(calls.buy).toBe(10);
    const shipments = await shipmentsOf(book);
    expect(shipments).toHaveLength(10);
    expect(new Set(shipments.map((s) => s['tracking-number'])).size).toBe(10);
    for (const s of shipments) {
      expect(s.state).toBe('Purchased');
      expect(s.provider).toBe('sample');
      expect(s['created-at']).toBe('2026-12-01T17:00:00Z');
      expect(s['label-file']).toMatch(/^mem:labels#\d+$/);
      expect(s.cost).toBe(845);
    }
    const twoItems = shipments.find((s) => s['order-id'] === '112-0000001-0000004');
    expect(twoItems?.['order-items']).toBe('10000000000004:1; 10000000000005:1');
    const orders = await ordersOf(book);
    for (const o of orders) {
      expect(o.status).toBe('Labeled');
      const s = shipments.find((x) => x['shipment-id'] === o['shipment-id']);
      expect(s?.['tracking-number']).toBe(o['tracking-number']);
      expect(s?.['order-id']).toBe(o['order-id']);
    }
    // Pick order: locations A-01 (orders 4, 9), A-02 (2, 7), A-03 (3, 8), A-04 (5, 10), A-05 (6), B-STORE (1).
    const batch = sink.batches[0];
    expect(batch.labels.map((l) => l.orderId.slice(-2))).toEqual([
      '04',
      '09',
      '02',
      '07',
      '03',
      '08',
      '05',
      '10',
      '06',
      '01',
    ]);
    expect(batch.labels.map((l) => l.shipmentId)).toEqual(
      batch.labels.map((_, i) => `SH-20261201-${String(i + 1).padStart(4, '0')}`),
    );
    expect(batch.packingSlips).toHaveLength(10);
    expect(batch.pickList.length).toBeGreaterThan(0);
  });

  test('running twice buys nothing the second time (checked through the Shipments sheet)', async () => {
    const book = await ratedWorkbook(TEN_ORDERS);
    const { provider, calls } = countingProvider();
    await generateLabels(book, { provider, http: OFFLINE, sink: new MemorySink() }, NOW);
    const before = await shipmentsOf(book);
    const sink = new MemorySink();
    const second = await generateLabels(
      book,
      { provider, http: OFFLINE, sink },
      { now: new Date('2026-12-01T18:00:00Z') },
    );
    expect(second.stats).toMatchObject({ bought: 0, skipped: 10 });
    expect(calls.buy).toBe(10);
    expect(await shipmentsOf(book)).toEqual(before);
    expect(sink.batches).toHaveLength(0);
  });

  test('--reprint prints every label again without buying', async () => {
    const book = await ratedWorkbook(TEN_ORDERS);
    const { provider, calls } = countingProvider();
    const first = new MemorySink();
    await generateLabels(book, { provider, http: OFFLINE, sink: first }, NOW);
    const again = new MemorySink();
    const r = await generateLabels(book, { provider, http: OFFLINE, sink: again, reprint: true }, NOW);
    expect(r.stats).toMatchObject({ bought: 0, reprinted: 10 });
    expect(calls.buy).toBe(10);
    expect(calls.get).toBe(10);
    expect(again.batches[0].labels.map((l) => l.trackingNumber)).toEqual(
      first.batches[0].labels.map((l) => l.trackingNumber),
    );
    expect(await shipmentsOf(book)).toHaveLength(10);
  });

  test('a Rated package that already has a live label is not bought again (a run that died before Orders was updated)', async () => {
    const book = await ratedWorkbook(TEN_ORDERS.slice(0, 1));
    const { provider, calls } = countingProvider();
    await generateLabels(book, { provider, http: OFFLINE, sink: new MemorySink() }, NOW);
    // Someone set the order back to Rated by hand.
    const grid = (await book.read([ordersTable.name])).get(ordersTable.name)!;
    const col = grid[0].indexOf('status');
    await book.write({
      sheets: [{ sheet: ordersTable.name, blocks: [{ row: 2, col: col + 1, values: [['Rated']] }] }],
    });
    const r = await generateLabels(book, { provider, http: OFFLINE, sink: new MemorySink() }, NOW);
    expect(calls.buy).toBe(1);
    expect(r.stats).toMatchObject({ bought: 0, reprinted: 1 });
    expect(await shipmentsOf(book)).toHaveLength(1);
    expect((await ordersOf(book))[0].status).toBe('Labeled');
  });

  test('bad orders become per-order problems; the other labels are still bought and nothing false is recorded', async () => {
    const items = [
      ...TEN_ORDERS.slice(0, 3),
      { orderId: '112-0000009-0000001', itemId: '90000000000001', sku: 'MUG-CER-12', service: null },
      { orderId: '112-0000009-0000002', itemId: '90000000000002', sku: 'MUG-CER-12', city: '' },
      { orderId: '112-0000009-0000003', itemId: '90000000000003', sku: 'MUG-CER-12', state: null },
      {
        orderId: '112-0000009-0000004',
        itemId: '90000000000004',
        sku: 'MUG-CER-12',
        carrier: 'Pony Express',
      },
      { orderId: '112-0000009-0000005', itemId: '90000000000005', sku: 'MUG-CER-12', weightOz: null },
      { orderId: '112-0000009-0000006', itemId: '90000000000006', sku: 'MUG-CER-12' },
      { orderId: '112-0000009-0000007', itemId: '90000000000007', sku: 'MUG-CER-12', cancelRequested: true },
    ];
    const base = sampleLabelProvider();
    // A carrier server that fails for one package and throws (network down) for another.
    const flaky: CarrierPlugin = {
      ...base,
      buyLabel: async (r, h) => {
        if (r.rateRequest.orderId === '112-0000001-0000002')
          return {
            ok: false,
            error: { code: 'ADDRESS', message: 'address not deliverable', retryable: false },
          };
        if (r.rateRequest.orderId === '112-0000009-0000006') throw new Error('socket hang up');
        return base.buyLabel!(r, h);
      },
    };
    const book = await ratedWorkbook(items);
    const sink = new MemorySink();
    const result = await generateLabels(book, { provider: flaky, http: OFFLINE, sink }, NOW);
    expect(result.ok).toBe(true);
    const byRow = (row: number) =>
      result.problems.filter((p) => p.row === row).map((p) => `${p.column}: ${p.message}`);
    expect(byRow(5)).toEqual([expect.stringMatching(/^service: .*no chosen service/)]);
    expect(byRow(6)).toEqual([expect.stringMatching(/^ship-city: .*no city/)]);
    expect(byRow(7)).toEqual([expect.stringMatching(/^ship-state: .*no state/)]);
    expect(byRow(8)).toEqual([expect.stringMatching(/no Pony Express labels/)]);
    expect(byRow(9)).toEqual([expect.stringMatching(/^billable-weight-oz: /)]);
    expect(byRow(10)).toEqual([expect.stringMatching(/socket hang up; nothing was recorded as bought/)]);
    expect(byRow(3)).toEqual([expect.stringMatching(/address not deliverable/)]);
    expect(byRow(11)).toEqual([
      expect.stringMatching(/^is-buyer-requested-cancellation: the buyer asked to cancel/),
    ]);
    const shipments = await shipmentsOf(book);
    expect(shipments.map((s) => s['order-id']).sort()).toEqual([
      '112-0000001-0000001',
      '112-0000001-0000003',
    ]);
    expect(sink.batches[0].labels).toHaveLength(2);
    const orders = await ordersOf(book);
    for (const o of orders) {
      const bought = shipments.some((s) => s['order-id'] === o['order-id']);
      expect(o.status).toBe(bought ? 'Labeled' : 'Rated');
      expect(o['tracking-number'] ?? null).toEqual(bought ? expect.any(String) : null);
      expect(o.problem ?? null).toEqual(bought ? null : expect.any(String));
    }
  });

  test('a name too long for the label is wrapped and shortened visibly, the barcode keeps the whole tracking number', async () => {
    const long =
      'Maximiliana Bartholomea Fitzgerald-Montgomery de la Santísima Trinidad y Almuñécar of the Royal Household';
    const book = await ratedWorkbook([{ ...TEN_ORDERS[0], name: long }]);
    const sink = new MemorySink();
    await generateLabels(book, { provider: sampleLabelProvider(), http: OFFLINE, sink }, NOW);
    const label = sink.batches[0].labels[0];
    const els = label.label.layout!.elements;
    const texts = els.flatMap((e) => (e.kind === 'text' ? e.lines : []));
    const nameLines = texts.filter((t) => t.startsWith('Maximiliana') || long.includes(t.replace(/…$/, '')));
    expect(nameLines.some((t) => t.endsWith('…'))).toBe(true);
    const barcodes = els.filter((e) => e.kind === 'barcode').map((e) => (e.kind === 'barcode' ? e.data : ''));
    expect(barcodes).toContain(label.trackingNumber);
  });

  test('void marks the label Voided, puts the items back to Rated, and the next run buys a new label with a new key', async () => {
    const book = await ratedWorkbook(TEN_ORDERS.slice(0, 2));
    const { provider, calls } = countingProvider();
    await generateLabels(book, { provider, http: OFFLINE, sink: new MemorySink() }, NOW);
    const [first] = await shipmentsOf(book);
    const v = await voidShipment(book, first['shipment-id'], () => provider, OFFLINE, NOW);
    expect(v.ok).toBe(true);
    expect(calls.void).toBe(1);
    const again = await voidShipment(book, first['shipment-id'], () => provider, OFFLINE, NOW);
    expect(again.ok).toBe(false);
    expect(calls.void).toBe(1);
    const orders = await ordersOf(book);
    const back = orders.find((o) => o['order-id'] === first['order-id']);
    expect(back).toMatchObject({ status: 'Rated', 'tracking-number': null, 'shipment-id': null });
    const r = await generateLabels(book, { provider, http: OFFLINE, sink: new MemorySink() }, NOW);
    expect(r.stats).toMatchObject({ bought: 1, skipped: 1 });
    const shipments = await shipmentsOf(book);
    expect(shipments).toHaveLength(3);
    expect(shipments[0]).toMatchObject({ state: 'Voided', 'voided-at': '2026-12-01T17:00:00Z' });
    const replacement = shipments[2];
    expect(replacement['idempotency-key']).toBe(`${first['package-id']}#2`);
    expect(replacement['tracking-number']).not.toBe(first['tracking-number']);
  });
});
