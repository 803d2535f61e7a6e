/** confirm-shipments --via feed against the loopback Feeds API: one fulfillment feed, its report onto the rows. */
import type { ConfirmViaFeedOptions } from '../../../src/core';
import { confirmShipmentsViaFeed } from '../../../src/core';
import { nodeFeedCodec } from '../../../src/node/amazon/feedCodec';
import { fetchHttpPort } from '../../../src/node/amazon/fetchHttpPort';
import { FakeFeeds } from '../../fakes/spApiFeeds';
import { FakeSpApi } from '../../fakes/spApiServer';
import { clientFor, NOW, sheetsOf, shippedBook, TRACKING } from './confirmFixtures';

let amazon: FakeSpApi;
let feeds: FakeFeeds;
beforeEach(async () => {
  amazon = await new FakeSpApi().start();
  feeds = await new FakeFeeds().attach(amazon);
});
afterEach(async () => {
  await feeds.stop();
  await amazon.stop();
});

const context = { now: NOW, user: 'test' };
const slept: number[] = [];
const options: ConfirmViaFeedOptions = {
  http: fetchHttpPort(),
  codec: nodeFeedCodec,
  pollIntervalMs: 30_000,
  timeoutMs: 600_000,
  sleep: async (ms) => {
    slept.push(ms);
  },
};

const HEADER =
  'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method';

describe('confirm-shipments --via feed', () => {
  it('uploads the ship-confirm file as one feed, reads the gzip report and puts its errors on the right rows', async () => {
    const book = await shippedBook();
    feeds.rejectTracking.set(TRACKING.c, {
      code: '18155',
      message: 'The tracking number 1Z999AA10123456784 is not valid for carrier-code UPS.',
    });
    feeds.warnTracking.set(TRACKING.b2, {
      code: '18386',
      message: 'The tracking ID does not match the expected format for the carrier.',
    });
    const r = await confirmShipmentsViaFeed(book, clientFor(amazon), context, options);
    expect(r.ok).toBe(true);
    const [feedId] = [...feeds.feeds.keys()];
    expect(feeds.feeds.get(feedId)).toMatchObject({
      feedType: 'POST_FLAT_FILE_FULFILLMENT_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
    });
    // The same file export ship-confirm writes: one line per item and package.
    expect(feeds.uploadedText(feedId)).toBe(
      [
        HEADER,
        `113-0000001-0000001\t70000000000001\t2\t2026-12-01\tUSPS\t\t${TRACKING.a}\tUSPS Ground Advantage`,
        `113-0000001-0000001\t70000000000002\t1\t2026-12-01\tUSPS\t\t${TRACKING.a}\tUSPS Ground Advantage`,
        `113-0000002-0000002\t70000000000003\t2\t2026-12-01\tUSPS\t\t${TRACKING.b1}\tUSPS Ground Advantage`,
        `113-0000002-0000002\t70000000000003\t1\t2026-12-01\tUSPS\t\t${TRACKING.b2}\tUSPS Ground Advantage`,
        `113-0000003-0000003\t70000000000004\t1\t2026-12-01\tUPS\t\t${TRACKING.c}\tUPS Ground`,
        '',
      ].join('\n'),
    );
    const createDoc = amazon.requests.find((q) => q.path === '/feeds/2021-06-30/documents')!;
    expect(JSON.parse(createDoc.body)).toEqual({ contentType: 'text/tab-separated-values; charset=UTF-8' });
    // Polled until DONE (IN_QUEUE, DONE) with the interval asked for.
    expect(r.stats.polls).toBe(2);
    expect(slept).toContain(30_000);

    const s = await sheetsOf(book);
    for (const id of ['70000000000001', '70000000000002', '70000000000003'])
      expect(s.item(id)).toMatchObject({ status: 'Confirmed', confirmation: 'Confirmed' });
    expect(s.item('70000000000004')).toMatchObject({
      status: 'Shipped',
      confirmation: 'Rejected',
      problem:
        'Amazon rejected the confirmation (18155): The tracking number 1Z999AA10123456784 is not valid for carrier-code UPS.',
    });
    expect(s.shipment('S-B1')['confirmed-at']).toBe('2026-12-01T17:00:00Z');
    expect(s.shipment('TRK-C')['confirmed-at']).toBeNull();
    // The warning does not stop the row, but it is listed.
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        row: 4,
        message:
          'Amazon accepted it with a warning: 18386: The tracking ID does not match the expected format for the carrier.',
      }),
    );
    expect(r.lines[0]).toBe(`Feed ${feedId}: 5 lines sent.`);
    expect(r.lines[1]).toBe(`Amazon processed feed ${feedId}: 5 records, 4 successful.`);

    // Nothing is sent twice.
    const n = amazon.requests.length;
    const again = await confirmShipmentsViaFeed(book, clientFor(amazon), context, options);
    expect(amazon.requests.length).toBe(n);
    expect(again.stats.packages).toBe(0);
  });

  it('skips rows confirmed through the API, the API skips rows the feed confirmed, the file export skips both', async () => {
    const { confirmShipmentsViaApi, exportShipConfirm } = await import('../../../src/core');
    const pacing = { clock: () => 0, sleep: async () => {} };
    const viaFeed = await shippedBook();
    await confirmShipmentsViaFeed(viaFeed, clientFor(amazon), context, options);
    const r = await confirmShipmentsViaApi(viaFeed, clientFor(amazon), context, pacing);
    expect(r.stats.packages).toBe(0);
    expect(amazon.confirmations).toHaveLength(0);

    const viaApi = await shippedBook();
    await confirmShipmentsViaApi(viaApi, clientFor(amazon), context, pacing);
    expect(amazon.confirmations).toHaveLength(4);
    const f = await confirmShipmentsViaFeed(viaApi, clientFor(amazon), context, options);
    expect(f.stats.packages).toBe(0);
    expect(feeds.feeds.size).toBe(1);

    let saved = false;
    const x = await exportShipConfirm(viaApi, context, {
      target: 'ship-confirm.txt',
      save: async () => {
        saved = true;
      },
    });
    expect(saved).toBe(false);
    expect(x.stats.lines).toBe(0);
  });

  it('a FATAL or CANCELLED feed confirms nothing and the rows go in the next feed', async () => {
    const book = await shippedBook();
    feeds.outcome = 'FATAL';
    const r = await confirmShipmentsViaFeed(book, clientFor(amazon), context, options);
    expect(r.stats.confirmed).toBe(0);
    const s = await sheetsOf(book);
    expect(s.item('70000000000001')).toMatchObject({ confirmation: 'Pending', status: 'Shipped' });
    expect(s.item('70000000000001').problem).toMatch(
      /not confirmed yet: Amazon could not process feed \d+ \(FATAL\): 90001 A fatal error occurred/,
    );
    feeds.outcome = 'CANCELLED';
    const c = await confirmShipmentsViaFeed(book, clientFor(amazon), context, options);
    expect(c.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/Amazon cancelled feed \d+ before processing it/),
    );
    feeds.outcome = 'DONE';
    const d = await confirmShipmentsViaFeed(book, clientFor(amazon), context, options);
    expect(d.stats.confirmed).toBe(4);
    expect(feeds.feeds.size).toBe(3);
  });

  it('a feed Amazon has not finished by the timeout leaves the rows exported, never sent twice', async () => {
    const book = await shippedBook();
    feeds.stuck = true;
    const r = await confirmShipmentsViaFeed(book, clientFor(amazon), context, {
      ...options,
      pollIntervalMs: 10_000,
      timeoutMs: 30_000,
    });
    expect(r.stats.polls).toBe(4);
    const s = await sheetsOf(book);
    expect(s.item('70000000000001')).toMatchObject({ confirmation: 'Exported', status: 'Shipped' });
    expect(s.item('70000000000001').problem).toMatch(
      /sent in feed \d+; Amazon had not finished it after 30 s: see its processing report in Seller Central/,
    );
    const again = await confirmShipmentsViaFeed(book, clientFor(amazon), context, options);
    expect(again.stats.packages).toBe(0);
    expect(feeds.feeds.size).toBe(1);
  });

  it('an uncompressed report and a Japanese feed in Shift-JIS', async () => {
    const book = await shippedBook();
    const g = await book.read(['Settings']);
    const row = g.get('Settings')!.findIndex((r) => r[0] === 'marketplace');
    const col = g.get('Settings')![0].indexOf('value');
    await book.write({
      sheets: [{ sheet: 'Settings', blocks: [{ row: row + 1, col: col + 1, values: [['JP']] }] }],
    });
    feeds.compressReports = false;
    // Japan's template: three header lines, CP932 bytes, CRLF.
    const r = await confirmShipmentsViaFeed(book, clientFor(amazon), context, options);
    const [feedId] = [...feeds.feeds.keys()];
    const createDoc = amazon.requests.find((q) => q.path === '/feeds/2021-06-30/documents')!;
    expect(JSON.parse(createDoc.body)).toEqual({
      contentType: 'text/tab-separated-values; charset=Shift_JIS',
    });
    expect(feeds.uploadedText(feedId).split('\r\n')[0]).toMatch(/^TemplateType=OrderFulfillment/);
    expect(feeds.feeds.get(feedId)!.marketplaceIds).toEqual(['A1VC38T7YXB528']);
    expect(r.stats.confirmed).toBe(4);
  });

  it('refuses and writes nothing when the upload URL refuses the document', async () => {
    const book = await shippedBook();
    const before = await book.read(['Orders', 'Shipments', 'Log']);
    const http = fetchHttpPort();
    // A proxy that drops the content type breaks the pre-signed URL's signature.
    const badHttp = {
      send: (req: Parameters<typeof http.send>[0]) =>
        http.send(req.method === 'PUT' ? { ...req, headers: { 'content-type': 'text/plain' } } : req),
    };
    const r = await confirmShipmentsViaFeed(book, clientFor(amazon), context, { ...options, http: badHttp });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(
      /Amazon did not take the confirmation feed: uploading the feed document: the upload URL answered HTTP 403/,
    );
    expect(feeds.feeds.size).toBe(0);
    expect(await book.read(['Orders', 'Shipments', 'Log'])).toEqual(before);
  });
});
