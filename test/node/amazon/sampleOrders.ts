/** Orders the fake Orders API holds for the tests: shaped as ordersV0.json describes them. */
import type { FakeOrder } from '../../fakes/spApiServer';

const address = (name: string, line1: string, city: string, state: string, zip: string) => ({
  Name: name,
  AddressLine1: line1,
  City: city,
  StateOrRegion: state,
  PostalCode: zip,
  CountryCode: 'US',
  Phone: '+1 555-0100',
  AddressType: 'Residential' as const,
});

export function sampleOrders(): FakeOrder[] {
  const base = {
    LastUpdateDate: '2026-12-01T10:00:00Z',
    FulfillmentChannel: 'MFN' as const,
    SalesChannel: 'Amazon.com',
    ShipServiceLevel: 'Std US D2D Dom',
    ShipmentServiceLevelCategory: 'Standard',
  };
  return [
    {
      order: {
        ...base,
        AmazonOrderId: '113-0000001-0000001',
        PurchaseDate: '2026-11-30T15:00:00Z',
        OrderStatus: 'Unshipped',
        LatestShipDate: '2026-12-02T07:59:59Z',
        IsPrime: true,
        ShippingAddress: address('Maria Lopez', '1420 W Olive Ave', 'Fresno', 'CA', '93728'),
        BuyerInfo: { BuyerEmail: 'maria@marketplace.amazon.com', BuyerName: 'Maria Lopez' },
      },
      items: [
        {
          ASIN: 'B0C1MUG012',
          OrderItemId: '70000000000001',
          SellerSKU: 'MUG-CER-12',
          Title: 'Ceramic Mug',
          QuantityOrdered: 2,
          QuantityShipped: 0,
          ItemPrice: { CurrencyCode: 'USD', Amount: '37.98' },
          ItemTax: { CurrencyCode: 'USD', Amount: '3.04' },
          PromotionDiscount: { CurrencyCode: 'USD', Amount: '2.00' },
          BuyerInfo: { GiftMessageText: 'Happy birthday!' },
        },
        {
          ASIN: 'B0C1TOTE01',
          OrderItemId: '70000000000002',
          SellerSKU: 'TOTE-CNV-NAT',
          Title: 'Canvas Tote',
          QuantityOrdered: 1,
          QuantityShipped: 0,
          ItemPrice: { CurrencyCode: 'USD', Amount: '14.50' },
        },
      ],
    },
    {
      order: {
        ...base,
        AmazonOrderId: '113-0000002-0000002',
        PurchaseDate: '2026-11-30T18:00:00Z',
        OrderStatus: 'PartiallyShipped',
        LatestShipDate: '2026-12-02T07:59:59Z',
        ShipmentServiceLevelCategory: 'NextDay',
        ShippingAddress: address('Kenji Watanabe', '1 Market St', 'San Francisco', 'CA', '94105'),
        BuyerInfo: { BuyerName: 'Kenji Watanabe' },
      },
      items: [
        {
          ASIN: 'B0C1KNIF08',
          OrderItemId: '70000000000003',
          SellerSKU: 'KNIFE-CHEF-8',
          Title: "Chef's Knife",
          QuantityOrdered: 3,
          QuantityShipped: 1,
          ItemPrice: { CurrencyCode: 'USD', Amount: '147.00' },
        },
      ],
    },
    {
      order: {
        ...base,
        AmazonOrderId: '113-0000003-0000003',
        PurchaseDate: '2026-12-01T01:00:00Z',
        OrderStatus: 'Unshipped',
        LatestShipDate: '2026-12-03T07:59:59Z',
        ShippingAddress: address('Henry Adams', '19 Elm St', 'Burlington', 'VT', '05401'),
      },
      items: [
        {
          ASIN: 'B0C1SOCKM3',
          OrderItemId: '70000000000004',
          SellerSKU: 'SOCK-WOOL-M',
          Title: 'Wool Socks',
          QuantityOrdered: 1,
          ItemPrice: { CurrencyCode: 'USD', Amount: '24.95' },
        },
      ],
    },
    {
      order: {
        ...base,
        AmazonOrderId: '113-0000004-0000004',
        PurchaseDate: '2026-12-01T02:00:00Z',
        OrderStatus: 'Unshipped',
        FulfillmentChannel: 'AFN',
      },
      items: [{ ASIN: 'B0C1FBA', OrderItemId: '70000000000005', SellerSKU: 'FBA-ONLY', QuantityOrdered: 1 }],
    },
    {
      order: {
        ...base,
        AmazonOrderId: '113-0000005-0000005',
        PurchaseDate: '2026-12-01T03:00:00Z',
        OrderStatus: 'Shipped',
      },
      items: [{ ASIN: 'B0C1DONE', OrderItemId: '70000000000006', SellerSKU: 'DONE', QuantityOrdered: 1 }],
    },
  ];
}
