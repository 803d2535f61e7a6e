/** An Orders API order and its item mapped to the same Orders fields the flat-file order report gives. */
import { parseMoney } from '../money/parseMoney';
import type { ReportItem } from '../orders/parseOrderReport';
import type { OrderRecord } from '../tables/orders';
import type { ApiMoney, ApiOrder, ApiOrderItem } from './orderApiTypes';

function minor(money: ApiMoney | undefined, negate = false): number | null {
  if (!money?.Amount) return null;
  const m = parseMoney(money.Amount, money.CurrencyCode);
  if (!m.ok) return null;
  return negate && m.minor !== 0 ? -Math.abs(m.minor) : m.minor;
}

const text = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

/**
 * Discounts are written negative, as the flat-file order reports write them (`item-promotion-discount` -1.50),
 * where the API gives them as positive amounts.
 */
export function mapOrderItem(order: ApiOrder, item: ApiOrderItem, line: number): ReportItem {
  const a = order.ShippingAddress ?? {};
  const shipped = item.QuantityShipped ?? 0;
  const fields: Partial<OrderRecord> = {
    'order-id': order.AmazonOrderId,
    'order-item-id': item.OrderItemId,
    'purchase-date': order.PurchaseDate,
    'promise-date': text(order.LatestShipDate),
    'delivery-start-date': text(order.EarliestDeliveryDate),
    'delivery-end-date': text(order.LatestDeliveryDate),
    'buyer-email': text(order.BuyerInfo?.BuyerEmail),
    'buyer-name': text(order.BuyerInfo?.BuyerName),
    sku: item.SellerSKU ?? item.ASIN,
    'product-name': text(item.Title),
    'quantity-purchased': item.QuantityOrdered,
    'quantity-shipped': shipped,
    'quantity-to-ship': Math.max(0, item.QuantityOrdered - shipped),
    currency: text(item.ItemPrice?.CurrencyCode ?? order.OrderTotal?.CurrencyCode),
    'item-price': minor(item.ItemPrice),
    'item-tax': minor(item.ItemTax),
    'shipping-price': minor(item.ShippingPrice),
    'shipping-tax': minor(item.ShippingTax),
    'item-promotion-discount': minor(item.PromotionDiscount, true),
    'ship-promotion-discount': minor(item.ShippingDiscount, true),
    'item-promotion-id':
      item.PromotionIds && item.PromotionIds.length > 0 ? item.PromotionIds.join(',') : null,
    'gift-wrap-price': minor(item.BuyerInfo?.GiftWrapPrice),
    'gift-wrap-tax': minor(item.BuyerInfo?.GiftWrapTax),
    'gift-wrap-type': text(item.BuyerInfo?.GiftWrapLevel),
    'gift-message-text': text(item.BuyerInfo?.GiftMessageText),
    'ship-service-level': text(order.ShipmentServiceLevelCategory),
    'ship-service-name': text(order.ShipServiceLevel),
    'recipient-name': text(a.Name),
    'ship-address-1': text(a.AddressLine1),
    'ship-address-2': text(a.AddressLine2),
    'ship-address-3': text(a.AddressLine3),
    'ship-city': text(a.City),
    'ship-state': text(a.StateOrRegion),
    'ship-postal-code': text(a.PostalCode),
    'ship-country': text(a.CountryCode),
    'ship-phone-number': text(a.Phone),
    'sales-channel': text(order.SalesChannel),
    'is-business-order': order.IsBusinessOrder ?? null,
    'purchase-order-number': text(order.PurchaseOrderNumber ?? order.BuyerInfo?.PurchaseOrderNumber),
    'is-prime': order.IsPrime ?? null,
    'is-buyer-requested-cancellation':
      item.BuyerRequestedCancel?.IsBuyerRequestedCancel === undefined
        ? null
        : item.BuyerRequestedCancel.IsBuyerRequestedCancel === 'true',
    'buyer-requested-cancel-reason': text(item.BuyerRequestedCancel?.BuyerCancelReason),
  };
  // The API leaves out what it does not know (or may not show without a Restricted Data Token): a missing value
  // must never blank what an earlier import or report filled in, so only known values are carried.
  const known = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<OrderRecord>;
  return { fields: known, extras: {}, line };
}
