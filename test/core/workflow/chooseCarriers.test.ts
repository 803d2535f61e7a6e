import type { CarrierPlugin } from '../../../src/core/carriers/plugin';
import { chooseCarriers } from '../../../src/core/workflow/chooseCarriers';
import { carrierBook, orderRow, ordersOf, TUESDAY_9AM } from './carrierFixture';

const ctx = { now: TUESDAY_9AM, user: 'test' };

describe('chooseCarriers', () => {
  test('rates an allocated order: S-BOX 17.6 + 4 oz = 21.6 oz → 2 lb; to Boston zone 8 USPS Ground Advantage 10.00 beats UPS Ground', async () => {
    const book = carrierBook([orderRow({ order: 'A', item: 'A1', sku: 'MUG' })]);
    const result = await chooseCarriers(book, ctx);
    expect(result.problems).toEqual([]);
    const [a] = await ordersOf(book);
    expect(a).toMatchObject({
      status: 'Rated',
      'package-id': 'A-1',
      package: 'S-BOX 8x6x6 in, 21.6 oz',
      'billable-weight-oz': 32,
      zone: '8',
      carrier: 'USPS',
      service: 'Ground Advantage',
      rate: 10,
      'rate-currency': 'USD',
      // Tue 1 Dec + 5 delivery days Mon-Sat: 2, 3, 4, 5 (Sat), 7 (Mon)
      'expected-delivery': '2026-12-07',
      // UPS Ground: 288 in³ / 139 = 2.07 → 3 lb dim → 13.00 + 4.00 residential; 5 days Mon-Fri → Tue 8 Dec
      'rates-considered':
        'USPS/Ground Advantage 10.00 USD 2026-12-07; UPS/Ground 17.00 USD 2026-12-08; UPS/Next Day Air 52.00 USD 2026-12-02',
      problem: null,
    });
    expect(result.stats).toMatchObject({ rated: 1, unrated: 0, packages: 1 });
  });

  test('a multi-item order shares one box: 17.6 + 14 + 4 = 35.6 oz → 3 lb; business address, no residential fee', async () => {
    const book = carrierBook([
      orderRow({ order: 'B', item: 'B1', sku: 'MUG', zip: '90210', business: true }),
      orderRow({ order: 'B', item: 'B2', sku: 'CANDLE', zip: '90210', business: true }),
    ]);
    await chooseCarriers(book, ctx);
    const rows = await ordersOf(book);
    for (const r of rows)
      expect(r).toMatchObject({
        'package-id': 'B-1',
        'billable-weight-oz': 48,
        zone: '4',
        service: 'Ground Advantage',
        rate: 9,
      });
  });

  test('NextDay -> fastest: UPS Ground and Next Day Air both arrive Wed 2 Dec in zone 1; the tie goes to the cheaper (12.00)', async () => {
    const book = carrierBook([
      orderRow({ order: 'C', item: 'C1', sku: 'SOCK', zip: '89501', level: 'NextDay', prime: true }),
    ]);
    await chooseCarriers(book, ctx);
    const [c] = await ordersOf(book);
    expect(c).toMatchObject({
      carrier: 'UPS',
      service: 'Ground',
      rate: 12,
      'expected-delivery': '2026-12-02',
      package: 'own packaging 9x6x2 in, 6 oz',
    });
  });

  test('order value > 200 -> require signature: the signature fee is in the rate and the option is written', async () => {
    const book = carrierBook([orderRow({ order: 'J', item: 'J1', sku: 'MUG', price: 250 })]);
    await chooseCarriers(book, ctx);
    const [j] = await ordersOf(book);
    expect(j).toMatchObject({ service: 'Ground Advantage', rate: 13, 'shipping-options': 'signature' });
  });

  test('bad input: each order left unrated with its reason on its row; the good order is still rated', async () => {
    const book = carrierBook([
      orderRow({ order: 'OK', item: 'OK1', sku: 'MUG' }),
      orderRow({ order: 'D', item: 'D1', sku: 'MUG', zip: '' }),
      orderRow({ order: 'E', item: 'E1', sku: 'MUG', zip: '60657' }),
      orderRow({ order: 'F', item: 'F1', sku: 'ANVIL' }),
      orderRow({ order: 'G', item: 'G1', sku: 'MUG', deliverBy: '2026-12-01T23:00:00Z' }),
      orderRow({ order: 'H', item: 'H1', sku: 'NOPE' }),
      orderRow({ order: 'I', item: 'I1', sku: 'NOWEIGHT' }),
      orderRow({ order: 'K', item: 'K1', sku: 'MUG', country: 'CA', zip: 'K1A 0B1' }),
    ]);
    const result = await chooseCarriers(book, ctx);
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'ship-postal-code', 'the order has no ship-postal-code, so no zone and no rate'],
      [4, 'ship-postal-code', 'no Zones row covers ZIP 606xx from ship-from ZIP3 895'],
      [
        5,
        null,
        "no service can carry it: 160 lb is over USPS Ground Advantage's 70 lb limit; 160 lb is over UPS Ground's 150 lb limit; 160 lb is over UPS Next Day Air's 150 lb limit",
      ],
      [6, null, 'no service can deliver by 2026-12-01: the fastest, UPS Next Day Air, arrives 2026-12-02'],
      [7, 'sku', 'SKU NOPE has no Listings row: its weight and size are needed to rate'],
      [8, 'sku', 'Listings row 6 (SKU NOWEIGHT) has no weight'],
      [9, 'ship-postal-code', 'no Zones row covers country CA (add it to a country group, or a * row)'],
    ]);
    const rows = await ordersOf(book);
    expect(rows.map((r) => r.status)).toEqual(['Rated', ...Array(7).fill('Allocated')]);
    expect(
      rows
        .slice(1)
        .every((r) => r.rate === null && r.carrier === null && String(r.problem).startsWith('not rated: ')),
    ).toBe(true);
    expect(result.stats).toMatchObject({ rated: 1, unrated: 7 });
  });

  test('a SKU whose Listings row has a bad value says so, rather than "no Listings row"', async () => {
    const book = carrierBook([orderRow({ order: 'W', item: 'W1', sku: 'badweight' })]);
    const r = await chooseCarriers(book, ctx);
    expect(r.problems).toEqual([
      {
        sheet: 'Orders',
        row: 2,
        column: 'sku',
        message: 'Listings row 7 (SKU BADWEIGHT) has a bad value: weight is not a number',
      },
    ]);
  });

  test('ship separately and hold rules', async () => {
    const rules = [
      ['priority', 'condition', 'action'],
      [1, 'sku = CANDLE', 'ship separately'],
      [2, 'ship-state = HI', 'hold'],
    ];
    const book = carrierBook(
      [
        orderRow({ order: 'B', item: 'B1', sku: 'MUG', zip: '90210' }),
        orderRow({ order: 'B', item: 'B2', sku: 'CANDLE', zip: '90210' }),
      ],
      { Rules: rules },
    );
    await chooseCarriers(book, ctx);
    expect((await ordersOf(book)).map((r) => [r['package-id'], r.package])).toEqual([
      ['B-1', 'S-BOX 8x6x6 in, 21.6 oz'],
      ['B-2', 'S-BOX 8x6x6 in, 18 oz'],
    ]);
    const held = carrierBook([orderRow({ order: 'H', item: 'H1', sku: 'MUG' })], { Rules: rules });
    const grid = (await held.read(['Orders'])).get('Orders')!;
    await held.write({
      sheets: [
        { sheet: 'Orders', blocks: [{ row: 2, col: grid[0].indexOf('ship-state') + 1, values: [['HI']] }] },
      ],
    });
    const r = await chooseCarriers(held, ctx);
    expect(r.problems.map((p) => p.message)).toEqual(['held by Rules row 3']);
  });

  test('rates-considered always holds the chosen rate, even when a rule chose a dearer one', async () => {
    const book = carrierBook([orderRow({ order: 'A', item: 'A1', sku: 'MUG' })], {
      Rules: [
        ['priority', 'condition', 'action'],
        [1, 'always', 'fastest'],
      ],
    });
    await chooseCarriers(book, ctx);
    const [a] = await ordersOf(book);
    expect(a.service).toBe('Next Day Air');
    expect(String(a['rates-considered'])).toContain('UPS/Next Day Air 52.00 USD 2026-12-02');
  });

  test('an Allocated row with no order-id or a bad cell is listed, not rated', async () => {
    const book = carrierBook([
      orderRow({ order: '', item: 'X1', sku: 'MUG' }),
      [...orderRow({ order: 'Y', item: 'Y1', sku: 'MUG' }).slice(0, 15), 'two'],
    ]);
    const r = await chooseCarriers(book, ctx);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'order-id'],
      [3, 'allocated-qty'],
    ]);
    expect(r.stats).toMatchObject({ candidates: 2, rated: 0 });
  });

  test('running twice changes nothing the second time', async () => {
    const book = carrierBook([
      orderRow({ order: 'A', item: 'A1', sku: 'MUG' }),
      orderRow({ order: 'B', item: 'B1', sku: 'MUG', zip: '90210' }),
      orderRow({ order: 'B', item: 'B2', sku: 'CANDLE', zip: '90210' }),
      orderRow({ order: 'E', item: 'E1', sku: 'MUG', zip: '60657' }),
    ]);
    await chooseCarriers(book, ctx);
    const first = (await book.read(['Orders'])).get('Orders');
    const again = await chooseCarriers(book, ctx);
    expect(again.stats.changed).toBe(0);
    expect(again.changes[0]).toMatchObject({ updated: 0, added: 0 });
    expect((await book.read(['Orders'])).get('Orders')).toEqual(first);
  });

  test('a Rated order is re-rated when its inputs change, and goes back to Allocated when it can no longer be rated', async () => {
    const book = carrierBook([orderRow({ order: 'A', item: 'A1', sku: 'MUG' })]);
    await chooseCarriers(book, ctx);
    // The seller fixes the mug's weight: 2.5 lb + 4 oz box = 44 oz → 3 lb → 11.00
    const listings = (await book.read(['Listings'])).get('Listings')!;
    await book.write({ sheets: [{ sheet: 'Listings', blocks: [{ row: 2, col: 2, values: [[2.5]] }] }] });
    expect(listings[1][0]).toBe('MUG');
    await chooseCarriers(book, ctx);
    expect((await ordersOf(book))[0]).toMatchObject({ status: 'Rated', rate: 11, 'billable-weight-oz': 48 });
    // Now the order's ZIP is one no Zones row covers: the old rate must not stay.
    const zipCol = (await book.read(['Orders'])).get('Orders')![0].indexOf('ship-postal-code') + 1;
    await book.write({
      sheets: [{ sheet: 'Orders', blocks: [{ row: 2, col: zipCol, values: [['60657']] }] }],
    });
    const r = await chooseCarriers(book, ctx);
    expect(r.problems[0]).toMatchObject({ row: 2, column: 'ship-postal-code' });
    expect((await ordersOf(book))[0]).toMatchObject({
      status: 'Allocated',
      carrier: null,
      rate: null,
      'rates-considered': null,
      problem: 'not rated: no Zones row covers ZIP 606xx from ship-from ZIP3 895',
    });
  });

  test('a bad rate card row (a zone left blank) stops the whole run before anything is written', async () => {
    const book = carrierBook([orderRow({ order: 'A', item: 'A1', sku: 'MUG' })]);
    await book.write({ sheets: [{ sheet: 'Zones', blocks: [{ row: 2, col: 6, values: [['']] }] }] });
    book.calls.write = 0;
    const r = await chooseCarriers(book, ctx);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ sheet: 'Zones', row: 2, column: 'zone' });
    expect(book.calls.write).toBe(0);
  });

  test('a rule that does not parse: nothing is rated or written, the problem names the Rules row and column', async () => {
    const book = carrierBook([orderRow({ order: 'A', item: 'A1', sku: 'MUG' })], {
      Rules: [
        ['priority', 'condition', 'action'],
        [1, 'weight-oz <= 15', 'USPS Ground Advantage'],
        [2, 'wieght-oz <= 15', 'fastest'],
      ],
    });
    book.calls.write = 0;
    const result = await chooseCarriers(book, ctx);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        sheet: 'Rules',
        row: 3,
        column: 'condition',
        message: expect.stringMatching(/unknown field "wieght-oz"/),
      }),
    ]);
    expect(book.calls.write).toBe(0);
    expect((await ordersOf(book))[0].status).toBe('Allocated');
  });

  test("after Friday's 14:00 cut-off the ship date is Monday, so a NextDay order due Monday cannot be met", async () => {
    const friday1430 = { now: new Date('2026-12-04T22:30:00Z') };
    const order = orderRow({
      order: 'N',
      item: 'N1',
      sku: 'SOCK',
      zip: '89501',
      level: 'NextDay',
      shipBy: '2026-12-05T07:59:59Z',
    });
    const late = carrierBook([order]);
    const r = await chooseCarriers(late, friday1430);
    // ship-by Fri 4 Dec + 1 business day = deliver-by Mon 7 Dec; shipping Mon 7 Dec, the fastest arrives Tue 8 Dec
    expect(r.problems.map((p) => p.message)).toEqual([
      'no service can deliver by 2026-12-07: the fastest, UPS Ground, arrives 2026-12-08',
    ]);
    // Before the cut-off on Friday it ships Friday and UPS Ground (1 day to zone 1) arrives Monday 7 Dec.
    const onTime = carrierBook([order]);
    await chooseCarriers(onTime, { now: new Date('2026-12-04T21:00:00Z') });
    expect((await ordersOf(onTime))[0]).toMatchObject({
      status: 'Rated',
      service: 'Ground',
      'expected-delivery': '2026-12-07',
    });
  });

  test('rows in other statuses are not touched; Labeled rows are never re-rated', async () => {
    const book = carrierBook([
      orderRow({ order: 'A', item: 'A1', sku: 'MUG', status: 'New' }),
      orderRow({ order: 'B', item: 'B1', sku: 'MUG', status: 'Labeled' }),
      orderRow({ order: 'C', item: 'C1', sku: 'MUG', status: 'Short' }),
    ]);
    const before = (await book.read(['Orders'])).get('Orders');
    const r = await chooseCarriers(book, ctx);
    expect(r.stats).toMatchObject({ candidates: 0, changed: 0 });
    expect((await book.read(['Orders'])).get('Orders')).toEqual(before);
  });
});

describe('chooseCarriers with another carrier plug-in', () => {
  test("a live plug-in's getRates quotes are chosen the same way, and its errors become the row's reason", async () => {
    const seen: string[] = [];
    const live: CarrierPlugin = {
      metadata: { id: 'fake-live', name: 'Fake live rates', carriers: ['UPS'] },
      async getRates(request) {
        seen.push(
          `${request.parcel.packageId} ${request.parcel.weightOz.toFixed(1)} oz to ${request.shipTo.postalCode}`,
        );
        if (request.shipTo.postalCode === '60657')
          return {
            ok: false,
            error: { code: 'NO_COVERAGE', message: 'the carrier does not serve 60657', retryable: false },
          };
        return {
          ok: true,
          value: [
            {
              provider: 'fake-live',
              carrier: 'UPS',
              service: 'Ground',
              price: { minor: 1234, currency: 'USD' },
              expectedDelivery: '2026-12-04',
              zone: '8',
              billableWeightOz: 48,
            },
            {
              provider: 'fake-live',
              carrier: 'UPS',
              service: 'Next Day Air',
              price: { minor: 5600, currency: 'USD' },
              expectedDelivery: '2026-12-02',
              zone: '8',
            },
          ],
        };
      },
    };
    const book = carrierBook([
      orderRow({ order: 'A', item: 'A1', sku: 'MUG' }),
      orderRow({ order: 'E', item: 'E1', sku: 'MUG', zip: '60657' }),
    ]);
    const r = await chooseCarriers(book, ctx, { plugin: () => live });
    expect(seen).toEqual(['A-1 21.6 oz to 02116', 'E-1 21.6 oz to 60657']);
    const [a, e] = await ordersOf(book);
    expect(a).toMatchObject({
      carrier: 'UPS',
      service: 'Ground',
      rate: 12.34,
      'billable-weight-oz': 48,
      'expected-delivery': '2026-12-04',
    });
    expect(e).toMatchObject({ status: 'Allocated', problem: 'not rated: the carrier does not serve 60657' });
    expect(r.problems).toHaveLength(1);
  });
});
