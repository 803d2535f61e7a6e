/** The parts of the Orders API v0 model (ordersV0.json) that Shipsheet reads. */

export interface ApiMoney {
  readonly CurrencyCode?: string;
  readonly Amount?: string;
}

export interface ApiAddress {
  readonly Name?: string;
  readonly AddressLine1?: string;
  readonly AddressLine2?: string;
  readonly AddressLine3?: string;
  readonly City?: string;
  readonly County?: string;
  readonly StateOrRegion?: string;
  readonly PostalCode?: string;
  readonly CountryCode?: string;
  readonly Phone?: string;
  readonly AddressType?: 'Residential' | 'Commercial';
}

export interface ApiOrder {
  readonly AmazonOrderId: string;
  readonly PurchaseDate: string;
  readonly LastUpdateDate: string;
  readonly OrderStatus: string;
  readonly FulfillmentChannel?: 'MFN' | 'AFN';
  readonly SalesChannel?: string;
  readonly ShipServiceLevel?: string;
  readonly ShipmentServiceLevelCategory?: string;
  readonly OrderTotal?: ApiMoney;
  readonly EarliestShipDate?: string;
  readonly LatestShipDate?: string;
  readonly EarliestDeliveryDate?: string;
  readonly LatestDeliveryDate?: string;
  readonly IsBusinessOrder?: boolean;
  readonly IsPrime?: boolean;
  readonly IsPremiumOrder?: boolean;
  readonly PurchaseOrderNumber?: string;
  readonly ShippingAddress?: ApiAddress;
  readonly BuyerInfo?: {
    readonly BuyerEmail?: string;
    readonly BuyerName?: string;
    readonly PurchaseOrderNumber?: string;
  };
  readonly NumberOfItemsShipped?: number;
  readonly NumberOfItemsUnshipped?: number;
}

export interface ApiOrderItem {
  readonly ASIN: string;
  readonly OrderItemId: string;
  readonly QuantityOrdered: number;
  readonly SellerSKU?: string;
  readonly Title?: string;
  readonly QuantityShipped?: number;
  readonly ItemPrice?: ApiMoney;
  readonly ItemTax?: ApiMoney;
  readonly ShippingPrice?: ApiMoney;
  readonly ShippingTax?: ApiMoney;
  readonly PromotionDiscount?: ApiMoney;
  readonly ShippingDiscount?: ApiMoney;
  readonly PromotionIds?: readonly string[];
  readonly IsGift?: string | boolean;
  readonly BuyerInfo?: {
    readonly GiftMessageText?: string;
    readonly GiftWrapLevel?: string;
    readonly GiftWrapPrice?: ApiMoney;
    readonly GiftWrapTax?: ApiMoney;
  };
  readonly BuyerRequestedCancel?: {
    readonly IsBuyerRequestedCancel?: string;
    readonly BuyerCancelReason?: string;
  };
}

export interface GetOrdersResponse {
  readonly payload?: {
    readonly Orders?: readonly ApiOrder[];
    readonly NextToken?: string;
    readonly LastUpdatedBefore?: string;
    readonly CreatedBefore?: string;
  };
}

export interface GetOrderItemsResponse {
  readonly payload?: {
    readonly OrderItems?: readonly ApiOrderItem[];
    readonly NextToken?: string;
    readonly AmazonOrderId?: string;
  };
}
