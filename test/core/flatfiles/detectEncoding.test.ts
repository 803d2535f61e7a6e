import iconv from 'iconv-lite';
import { detectEncoding, locateHeader, ordersTable, splitTabDelimited } from '../../../src/core';

describe('detectEncoding', () => {
  it('tells UTF-8, UTF-16, Windows-1252 and Shift-JIS apart', () => {
    expect(detectEncoding(new Uint8Array(Buffer.from('order-id\tAlmuñécar\n', 'utf8')))).toBe('utf-8');
    expect(
      detectEncoding(new Uint8Array(iconv.encode('order-id\tKöln\n', 'utf-16le', { addBOM: true }))),
    ).toBe('utf-16le');
    expect(
      detectEncoding(new Uint8Array(iconv.encode('order-id\tFrançois Müller\tKöln\n', 'windows-1252'))),
    ).toBe('windows-1252');
    expect(
      detectEncoding(new Uint8Array(iconv.encode('注文番号\t東京都渋谷区\tヤマト運輸\n', 'cp932'))),
    ).toBe('shift_jis');
  });
});

describe('locateHeader', () => {
  it('finds the row of English keys below a TemplateType= line and a localised label row', () => {
    const grid = splitTabDelimited(
      'TemplateType=OrderFulfillment\tVersion=2011.1102\n注文番号\t注文商品番号\t出荷数\norder-id\torder-item-id\tquantity\n1\t2\t3\n',
    );
    expect(locateHeader(grid, ordersTable)).toBe(2);
  });
});
