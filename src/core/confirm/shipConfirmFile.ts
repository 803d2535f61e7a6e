/**
 * Amazon's shipping-confirmation upload (feed POST_FLAT_FILE_FULFILLMENT_DATA) as text: tab-delimited, one line
 * per order item and package. The Japanese marketplace's template has three header lines and is sent as
 * Shift-JIS (CP932) with CRLF; the Node side encodes the text as `encoding` says.
 */

export const SHIP_CONFIRM_COLUMNS = [
  'order-id',
  'order-item-id',
  'quantity',
  'ship-date',
  'carrier-code',
  'carrier-name',
  'tracking-number',
  'ship-method',
] as const;

/** The Japanese template's first two lines and its extra column (Seller Central JP, OrderFulfillment). */
export const JP_TEMPLATE_LINE = [
  'TemplateType=OrderFulfillment',
  'Version=2011.1102',
  'この行はAmazonが使用しますので変更や削除しないでください。',
] as const;
export const JP_LABELS = [
  '注文番号',
  '注文商品番号',
  '出荷数',
  '出荷日',
  '配送業者コード',
  '配送業者名',
  'お問い合わせ伝票番号',
  '配送方法',
  '代金引換',
] as const;
export const JP_EXTRA_COLUMN = 'cod-collection-method';

export interface ShipConfirmLine {
  readonly orderId: string;
  readonly orderItemId: string;
  readonly quantity: number;
  /** yyyy-mm-dd */
  readonly shipDate: string;
  readonly carrierCode: string;
  readonly carrierName: string | null;
  readonly trackingNumber: string;
  readonly shipMethod: string | null;
}

export interface ShipConfirmFile {
  readonly text: string;
  /** `utf-8` (no BOM) everywhere but Japan, `cp932` there. */
  readonly encoding: 'utf-8' | 'cp932';
  readonly lineEnding: '\n' | '\r\n';
  readonly lines: number;
}

/** A field as Amazon's unquoted flat file can hold it: no tabs or line breaks; free text cannot start a formula. */
function field(value: string | number | null): string {
  if (value === null) return '';
  return String(value)
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/^[=+\-@]+/, '')
    .trim();
}

export function buildShipConfirmFile(
  lines: readonly ShipConfirmLine[],
  marketplace: string,
): ShipConfirmFile {
  const jp = marketplace.trim().toUpperCase() === 'JP';
  const rows: string[][] = [];
  if (jp) rows.push([...JP_TEMPLATE_LINE], [...JP_LABELS], [...SHIP_CONFIRM_COLUMNS, JP_EXTRA_COLUMN]);
  else rows.push([...SHIP_CONFIRM_COLUMNS]);
  for (const l of lines) {
    const row = [
      field(l.orderId),
      field(l.orderItemId),
      String(l.quantity),
      l.shipDate,
      field(l.carrierCode),
      field(l.carrierCode === 'Other' ? l.carrierName : null),
      field(l.trackingNumber),
      field(l.shipMethod),
    ];
    if (jp) row.push('');
    rows.push(row);
  }
  const lineEnding = jp ? '\r\n' : '\n';
  return {
    text: rows.map((r) => r.join('\t')).join(lineEnding) + lineEnding,
    encoding: jp ? 'cp932' : 'utf-8',
    lineEnding,
    lines: lines.length,
  };
}
