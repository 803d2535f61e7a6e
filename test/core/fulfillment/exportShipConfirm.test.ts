import fc from 'fast-check';
import type { ShipConfirmFile } from '../../../src/core';
import {
  AMAZON_CARRIER_CODES_AU,
  AMAZON_CARRIER_CODES_DEFAULT,
  DEFAULT_CARRIER_CODES,
  buildShipConfirmFile,
  carrierCodeMap,
  exportShipConfirm,
  recordTracking,
} from '../../../src/core';
import { encodeShipConfirm } from '../../../src/node/flatfiles/writeShipConfirm';
import { book, context, grid, order, rowsOf, ups, usps } from './fixtures';

const A = '111-0000001-0000001';
const B = '111-0000002-0000002';

function shipped(id: string, item: string, extra = {}) {
  return order(id, item, {
    status: 'Shipped',
    carrier: 'UPS',
    service: 'UPS Ground',
    'ship-date': '2026-12-01',
    confirmation: 'Pending',
    ...extra,
  });
}

async function run(b: ReturnType<typeof book>, again = false) {
  const saved: ShipConfirmFile[] = [];
  const result = await exportShipConfirm(b, context, {
    again,
    target: 'confirm.txt',
    save: async (f) => {
      saved.push(f);
    },
  });
  return { result, file: saved[0] };
}

describe('exportShipConfirm', () => {
  test("the US file: Amazon's exact header, tab-delimited, yyyy-mm-dd, LF", async () => {
    const b = book({ Orders: grid([shipped(A, '10000000000001', { 'tracking-number': ups(1) })]) });
    const { file } = await run(b);
    expect(file.text).toBe(
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method\n' +
        `${A}\t10000000000001\t1\t2026-12-01\tUPS\t\t${ups(1)}\tUPS Ground\n`,
    );
    expect(file.encoding).toBe('utf-8');
  });

  test('a split shipment gives one line per package with its quantity', async () => {
    const b = book({
      Orders: grid([order(A, '10000000000001', { 'quantity-purchased': 3 })]),
    });
    const split = grid([
      {
        'order-id': A,
        'order-item-id': '10000000000001',
        quantity: 2,
        'tracking-number': usps(1),
        carrier: 'USPS',
        service: 'Priority Mail',
      },
      {
        'order-id': A,
        'order-item-id': '10000000000001',
        quantity: 1,
        'tracking-number': usps(2),
        carrier: 'USPS',
        service: 'Priority Mail',
      },
    ]);
    await recordTracking(b, context, { grid: split, source: 'split.csv' });
    const { file } = await run(b);
    expect(file.text.split('\n').slice(1, -1)).toEqual([
      `${A}\t10000000000001\t2\t2026-12-01\tUSPS\t\t${usps(1)}\tPriority Mail`,
      `${A}\t10000000000001\t1\t2026-12-01\tUSPS\t\t${usps(2)}\tPriority Mail`,
    ]);
  });

  test('an order is exported once: Orders records it, a second run writes nothing, --again re-exports', async () => {
    const b = book({
      Orders: grid([
        shipped(A, '10000000000001', { 'tracking-number': ups(1) }),
        shipped(B, '20000000000001', { 'tracking-number': ups(2) }),
      ]),
    });
    const first = await run(b);
    expect(first.file.lines).toBe(2);
    const rows = await rowsOf(b, 'Orders');
    expect(rows.map((r) => [r.confirmation, r['confirmed-at']])).toEqual([
      ['Exported', '2026-12-01T17:00:00Z'],
      ['Exported', '2026-12-01T17:00:00Z'],
    ]);
    const second = await run(b);
    expect(second.file).toBeUndefined();
    expect(second.result.stats.skipped).toBe(2);
    expect(await rowsOf(b, 'Orders')).toEqual(rows);
    const again = await run(b, true);
    expect(again.file.text).toBe(first.file.text);
  });

  test('a carrier Amazon does not list goes as Other with its name; Amazon Shipping too', async () => {
    const b = book({
      Orders: grid([
        shipped(A, '10000000000001', { carrier: 'Pitney Bowes', 'tracking-number': 'PB1234567890' }),
        shipped(B, '20000000000001', { carrier: 'Amazon', 'tracking-number': 'TBA123456789012' }),
      ]),
    });
    const { file } = await run(b);
    const cells = file.text
      .split('\n')
      .slice(1, -1)
      .map((l) => l.split('\t').slice(4, 6));
    expect(cells).toEqual([
      ['Other', 'Pitney Bowes'],
      ['Other', 'Amazon Shipping'],
    ]);
  });

  test('an invalid tracking number is not confirmed: a problem on the row', async () => {
    const b = book({
      Orders: grid([shipped(A, '10000000000001', { carrier: 'USPS', 'tracking-number': ups(1) })]),
    });
    const { result, file } = await run(b);
    expect(file).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ sheet: 'Orders', row: 2, column: 'tracking-number' });
  });

  test('the JP variant: three header lines, CP932, CRLF — byte for byte', async () => {
    const b = book({
      Orders: grid([
        shipped('503-1234567-1234567', '12345678901234', {
          carrier: 'Japan Post',
          service: 'ゆうパック',
          'tracking-number': 'EJ123456785JP',
        }),
      ]),
      Settings: grid([{ key: 'marketplace', value: 'JP' }]),
    });
    const { file } = await run(b);
    const bytes = Buffer.from(encodeShipConfirm(file));
    const expectedText =
      'TemplateType=OrderFulfillment\tVersion=2011.1102\tこの行はAmazonが使用しますので変更や削除しないでください。\r\n' +
      '注文番号\t注文商品番号\t出荷数\t出荷日\t配送業者コード\t配送業者名\tお問い合わせ伝票番号\t配送方法\t代金引換\r\n' +
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method\tcod-collection-method\r\n' +
      '503-1234567-1234567\t12345678901234\t1\t2026-12-01\tOther\t日本郵便\tEJ123456785JP\tゆうパック\t\r\n';
    // Decoded by Node's own WHATWG Shift_JIS decoder, independent of the iconv-lite encoder.
    expect(new TextDecoder('shift_jis').decode(bytes)).toBe(expectedText);
    // Known CP932 bytes: 注文番号 = 92 8D 95 B6 94 D4 8D 86; 日本郵便 = 93 FA 96 7B 97 58 95 D6.
    expect(bytes.includes(Buffer.from('928d95b694d48d86', 'hex'))).toBe(true);
    expect(bytes.includes(Buffer.from('93fa967b975895d6', 'hex'))).toBe(true);
    // No UTF-8 and no BOM; every line ends CRLF, four lines.
    expect(bytes.subarray(0, 29).toString('latin1')).toBe('TemplateType=OrderFulfillment');
    expect(bytes.includes(Buffer.from('e6b3a8', 'hex'))).toBe(false);
    const lf = [...bytes.entries()].filter(([, v]) => v === 0x0a).map(([i]) => i);
    expect(lf).toHaveLength(4);
    for (const i of lf) expect(bytes[i - 1]).toBe(0x0d);
    expect(bytes[bytes.length - 1]).toBe(0x0a);
    // Every Japanese character here is a double-byte JIS X 0208 character.
    expect(bytes.length).toBe(expectedText.length + countNonAscii(expectedText));
  });
});

function countNonAscii(s: string): number {
  return [...s].filter((c) => c.charCodeAt(0) > 0x7f).length;
}

describe('carrier codes', () => {
  const listed = (m: string) =>
    new Set<string>(m === 'AU' ? AMAZON_CARRIER_CODES_AU : AMAZON_CARRIER_CODES_DEFAULT);

  test("every default mapping row's code is one of Amazon's values for its marketplace", () => {
    for (const row of DEFAULT_CARRIER_CODES) {
      const m = row.marketplace === '*' ? 'US' : row.marketplace;
      expect(listed(m).has(row['carrier-code'])).toBe(true);
    }
  });

  test('whatever the carrier name and the sheet say, the exporter only writes listed codes', () => {
    const sheet = grid([
      { marketplace: '*', carrier: 'UPS', 'carrier-code': 'ups' },
      { marketplace: 'US', carrier: 'Speedy', 'carrier-code': 'SPEEDY-EXPRESS' },
      { marketplace: 'AU', carrier: 'Australia Post', 'carrier-code': 'Australia Post-ArticleId' },
      { marketplace: '*', carrier: 'OSM Worldwide', 'carrier-code': 'osm' },
    ]);
    fc.assert(
      fc.property(
        fc.constantFrom('US', 'UK', 'DE', 'JP', 'AU', 'CA'),
        fc.oneof(
          fc.constantFrom(
            'UPS',
            'usps',
            'FedEx Home Delivery',
            'Speedy',
            'Australia Post',
            'OSM Worldwide',
            'DHL Express',
            'Yamato Transport',
            'amazon',
            'Sendle',
            'YANWEN',
          ),
          fc.string(),
        ),
        fc.boolean(),
        (marketplace, carrier, useSheet) => {
          const map = carrierCodeMap(useSheet ? sheet : null, marketplace);
          const { code, name } = map.lookup(carrier);
          expect(listed(marketplace).has(code)).toBe(true);
          if (code === 'Other') expect(name).not.toBeNull();
          const text = buildShipConfirmFile(
            [
              {
                orderId: A,
                orderItemId: '1',
                quantity: 1,
                shipDate: '2026-12-01',
                carrierCode: code,
                carrierName: name,
                trackingNumber: 'X',
                shipMethod: null,
              },
            ],
            marketplace,
          ).text;
          const header = marketplace === 'JP' ? 2 : 0;
          expect(listed(marketplace).has(text.split(/\r?\n/)[header + 1].split('\t')[4])).toBe(true);
        },
      ),
    );
  });

  test('a code Amazon does not list is a problem on its Carrier Codes row', () => {
    const map = carrierCodeMap(
      grid([{ marketplace: 'US', carrier: 'Speedy', 'carrier-code': 'SPEEDY-EXPRESS' }]),
      'US',
    );
    expect(map.problems[0]).toMatchObject({ sheet: 'Carrier Codes', row: 2, column: 'carrier-code' });
    expect(map.lookup('Speedy')).toEqual({ code: 'Other', name: 'Speedy' });
  });
});

describe('the JP file refuses what Shift-JIS cannot hold', () => {
  test('an emoji in ship-method is refused by name and line, nothing marked', async () => {
    const b = book({
      Orders: grid([
        shipped(A, '10000000000001', {
          carrier: 'Japan Post',
          service: 'ゆうパック 📦',
          'tracking-number': 'EJ123456785JP',
        }),
      ]),
      Settings: grid([{ key: 'marketplace', value: 'JP' }]),
    });
    await expect(
      exportShipConfirm(b, context, {
        target: 'c.txt',
        save: async (f) => void encodeShipConfirm(f, 'c.txt'),
      }),
    ).rejects.toThrow(/c.txt: line 4 holds "📦", which Shift-JIS \(CP932\) cannot encode/);
    expect((await rowsOf(b, 'Orders'))[0].confirmation).toBe('Pending');
  });
});
