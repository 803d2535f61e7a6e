/** confirm-shipments --via api against the loopback Orders API: one confirmShipment per package, recorded once. */
import { confirmShipmentsViaApi } from '../../../src/core';
import { FakeSpApi } from '../../fakes/spApiServer';
import { clientFor, NOW, sheetsOf, shippedBook, TRACKING } from './confirmFixtures';

let amazon: FakeSpApi;
beforeEach(async () => {
  amazon = await new FakeSpApi().start();
});
afterEach(async () => amazon.stop());

const context = { now: NOW, user: 'test' };
let clock = 0;
const pacing = {
  clock: () => clock,
  sleep: async (ms: number) => {
    clock += ms;
  },
};

const confirmCalls = () => amazon.requests.filter((r) => r.path.endsWith('/shipmentConfirmation'));

describe('confirm-shipments --via api', () => {
  it('sends one call per package with its items, records Amazon’s answer per row, and never sends twice', async () => {
    const book = await shippedBook();
    amazon.rejectTracking.set(TRACKING.c, 'The tracking number is not valid for the carrier UPS.');
    const r = await confirmShipmentsViaApi(book, clientFor(amazon), context, pacing);
    expect(r.ok).toBe(true);
    // A (one package, two items), B (two packages), C (rejected). D is a Buy Shipping label, E was exported.
    expect(confirmCalls()).toHaveLength(4);
    const bodies = amazon.confirmations as { orderId: string; packageDetail: Record<string, unknown> }[];
    expect(bodies.map((b) => [b.orderId, b.packageDetail.packageReferenceId])).toEqual([
      ['113-0000001-0000001', '1'],
      ['113-0000002-0000002', '2'],
      ['113-0000002-0000002', '3'],
    ]);
    expect(bodies[0]).toMatchObject({
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: {
        carrierCode: 'USPS',
        shippingMethod: 'USPS Ground Advantage',
        trackingNumber: TRACKING.a,
        // Shipped today in Los Angeles: now, never a time in the future.
        shipDate: '2026-12-01T17:00:00Z',
        orderItems: [
          { orderItemId: '70000000000001', quantity: 2 },
          { orderItemId: '70000000000002', quantity: 1 },
        ],
      },
    });
    expect(bodies[1].packageDetail.orderItems).toEqual([{ orderItemId: '70000000000003', quantity: 2 }]);
    expect(bodies[2].packageDetail.orderItems).toEqual([{ orderItemId: '70000000000003', quantity: 1 }]);

    const s = await sheetsOf(book);
    for (const id of ['70000000000001', '70000000000002', '70000000000003'])
      expect(s.item(id)).toMatchObject({
        status: 'Confirmed',
        confirmation: 'Confirmed',
        'confirmed-at': '2026-12-01T17:00:00Z',
        problem: null,
      });
    expect(s.item('70000000000004')).toMatchObject({
      status: 'Shipped',
      confirmation: 'Rejected',
      problem:
        'Amazon rejected the confirmation (InvalidInput): The tracking number is not valid for the carrier UPS.',
    });
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        sheet: 'Orders',
        row: 5,
        message: expect.stringMatching(/not valid for the carrier UPS/),
      }),
    );
    expect(s.item('70000000000005')['confirmed-at']).toBe('2026-12-01T16:00:00Z');
    expect(s.item('70000000000006').confirmation).toBe('Exported');
    expect(s.shipment('TRK-A')['confirmed-at']).toBe('2026-12-01T17:00:00Z');
    expect(s.shipment('S-B2')['confirmed-at']).toBe('2026-12-01T17:00:00Z');
    expect(s.shipment('TRK-C')['confirmed-at']).toBeNull();
    expect(r.lines.at(-1)).toMatch(
      /3 of 4 packages accepted; order items: 3 confirmed, 1 rejected, 0 not answered; skipped 1 already confirmed, 1 in a ship-confirm file already/,
    );

    // A second run sends nothing: confirmed rows are done, the rejected one waits for the seller.
    const before = amazon.requests.length;
    const again = await confirmShipmentsViaApi(book, clientFor(amazon), context, pacing);
    expect(amazon.requests.length).toBe(before);
    expect(again.lines.at(-1)).toMatch(
      /nothing to confirm: 4 already confirmed, 1 in a ship-confirm file already \(--again sends them\), 1 rejected before/,
    );

    // --again sends the exported and the rejected rows, never a package Amazon accepted or a Buy Shipping label.
    amazon.rejectTracking.clear();
    await confirmShipmentsViaApi(book, clientFor(amazon), context, { ...pacing, again: true });
    expect(
      confirmCalls()
        .slice(4)
        .map((q) => JSON.parse(q.body).packageDetail.trackingNumber),
    ).toEqual([TRACKING.c, TRACKING.e]);
    const after = await sheetsOf(book);
    expect(after.item('70000000000004')).toMatchObject({ confirmation: 'Confirmed', problem: null });
    expect(after.item('70000000000006')).toMatchObject({ confirmation: 'Confirmed', status: 'Confirmed' });
  });

  it('a rejected row goes again once the seller clears its confirmation cell', async () => {
    const book = await shippedBook();
    amazon.rejectTracking.set(TRACKING.c, 'Invalid tracking number');
    await confirmShipmentsViaApi(book, clientFor(amazon), context, pacing);
    const g = await book.read(['Orders']);
    const grid = g.get('Orders')!;
    const col = grid[0].indexOf('confirmation');
    await book.write({ sheets: [{ sheet: 'Orders', blocks: [{ row: 5, col: col + 1, values: [[null]] }] }] });
    amazon.rejectTracking.clear();
    const n = confirmCalls().length;
    await confirmShipmentsViaApi(book, clientFor(amazon), context, pacing);
    expect(confirmCalls().length).toBe(n + 1);
    expect((await sheetsOf(book)).item('70000000000004').confirmation).toBe('Confirmed');
  });

  it('recovers from a 429 storm through the client’s retries', async () => {
    const book = await shippedBook();
    const sleeps: number[] = [];
    amazon.fail('/orders/v0/orders/', 429, 5);
    const r = await confirmShipmentsViaApi(book, clientFor(amazon, sleeps), context, pacing);
    expect(r.problems).toEqual([]);
    expect(r.stats.confirmed).toBe(4);
    expect(confirmCalls()).toHaveLength(4 + 5);
    expect(sleeps.length).toBe(5);
    // Four packages accepted once each: the retried ones were not counted twice.
    expect(amazon.confirmations).toHaveLength(4);
  });

  it('a package Amazon never answered is sent again next run, and only that one', async () => {
    const book = await shippedBook();
    // The first package's call and all its retries (6 attempts) get 500s; the others go through.
    amazon.fail('/orders/v0/orders/113-0000001-0000001/', 500, 6);
    const r = await confirmShipmentsViaApi(book, clientFor(amazon), context, pacing);
    const s = await sheetsOf(book);
    expect(s.item('70000000000001')).toMatchObject({ confirmation: 'Pending', status: 'Shipped' });
    expect(s.item('70000000000001').problem).toMatch(
      /not confirmed yet: Amazon did not answer: .*gave up after 6 attempts.*run confirm-shipments again/,
    );
    expect(s.item('70000000000003').confirmation).toBe('Confirmed');
    expect(r.stats.notAnswered).toBe(2);
    const n = amazon.confirmations.length;
    await confirmShipmentsViaApi(book, clientFor(amazon), context, pacing);
    expect(amazon.confirmations.slice(n).map((c) => (c as { orderId: string }).orderId)).toEqual([
      '113-0000001-0000001',
    ]);
    expect((await sheetsOf(book)).item('70000000000002').confirmation).toBe('Confirmed');
  });

  it('refuses and writes nothing when Amazon refuses the credentials', async () => {
    const book = await shippedBook();
    const before = await book.read(['Orders', 'Shipments', 'Log']);
    // A revoked refresh token: Login with Amazon says invalid_grant.
    const client = clientFor(amazon, [], { refreshToken: 'Atzr|revoked' });
    const r = await confirmShipmentsViaApi(book, client, context, pacing);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Amazon refused the connection \(LwaError\).*Nothing was confirmed or written/);
    expect(await book.read(['Orders', 'Shipments', 'Log'])).toEqual(before);
  });

  it('paces calls at 2 a second after a burst of 10', async () => {
    const { RatePacer } = await import('../../../src/core');
    let t = 0;
    const waits: number[] = [];
    const pacer = new RatePacer(
      2,
      10,
      () => t,
      async (ms) => {
        waits.push(ms);
        t += ms;
      },
    );
    for (let i = 0; i < 14; i++) await pacer.take();
    expect(waits).toEqual([500, 500, 500, 500]);
    t += 3000; // idle time refills the bucket
    for (let i = 0; i < 6; i++) await pacer.take();
    expect(waits.length).toBe(4);
  });
});
