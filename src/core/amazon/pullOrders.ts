/**
 * Pull merchant-fulfilled orders waiting to ship from the Orders API: getOrders page by page (NextToken), then
 * getOrderItems for each, with a Restricted Data Token so names and addresses come through. The result has the
 * same shape the flat-file order report parser gives, so one merge serves both.
 */
import type { ParsedOrderReport, ReportItem } from '../orders/parseOrderReport';
import { mapOrderItem } from './mapOrderItem';
import type { ApiOrder, ApiOrderItem, GetOrderItemsResponse, GetOrdersResponse } from './orderApiTypes';
import { createRestrictedDataToken } from './restrictedDataToken';
import type { SpApiClient } from './spApiClient';

export interface PullOrdersOptions {
  readonly marketplaceId: string;
  /** ISO-8601: orders updated after this (the last sync), else created after `createdAfter`. */
  readonly lastUpdatedAfter?: string;
  readonly createdAfter?: string;
  /** Ask for buyer name, address and gift messages through a Restricted Data Token (default true). */
  readonly withPii?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface PulledOrders {
  readonly report: Extract<ParsedOrderReport, { ok: true }>;
  /** Where the next sync starts: Amazon's LastUpdatedBefore/CreatedBefore for this pull. */
  readonly syncedUntil: string | null;
  readonly orders: number;
}

export async function pullOrders(client: SpApiClient, options: PullOrdersOptions): Promise<PulledOrders> {
  const withPii = options.withPii ?? true;
  const rdt = withPii
    ? await createRestrictedDataToken(client, [
        { method: 'GET', path: '/orders/v0/orders', dataElements: ['buyerInfo', 'shippingAddress'] },
        { method: 'GET', path: '/orders/v0/orders/{orderId}/orderItems', dataElements: ['buyerInfo'] },
      ])
    : undefined;
  const orders: ApiOrder[] = [];
  let nextToken: string | undefined;
  let syncedUntil: string | null = null;
  do {
    const query = nextToken
      ? { MarketplaceIds: [options.marketplaceId], NextToken: nextToken }
      : {
          MarketplaceIds: [options.marketplaceId],
          FulfillmentChannels: ['MFN'],
          OrderStatuses: ['Unshipped', 'PartiallyShipped'],
          LastUpdatedAfter: options.lastUpdatedAfter,
          CreatedAfter: options.lastUpdatedAfter ? undefined : options.createdAfter,
          MaxResultsPerPage: '100',
        };
    const page = await client.call<GetOrdersResponse>({
      operation: 'getOrders',
      method: 'GET',
      path: '/orders/v0/orders',
      query,
      restrictedDataToken: rdt,
    });
    orders.push(...(page.payload?.Orders ?? []));
    syncedUntil = page.payload?.LastUpdatedBefore ?? page.payload?.CreatedBefore ?? syncedUntil;
    nextToken = page.payload?.NextToken;
  } while (nextToken);

  const items: ReportItem[] = [];
  const columns = new Set<string>();
  for (const [i, order] of orders.entries()) {
    options.onProgress?.(i, orders.length);
    for (const item of await orderItems(client, order.AmazonOrderId, rdt)) {
      const mapped = mapOrderItem(order, item, items.length + 1);
      Object.keys(mapped.fields).forEach((c) => columns.add(c));
      items.push(mapped);
    }
  }
  options.onProgress?.(orders.length, orders.length);
  return {
    report: {
      ok: true,
      items,
      columns: [...columns],
      extraHeaders: [],
      problems: [],
      rowsRead: items.length,
      rowsRejected: 0,
    },
    syncedUntil,
    orders: orders.length,
  };
}

async function orderItems(
  client: SpApiClient,
  orderId: string,
  rdt: string | undefined,
): Promise<ApiOrderItem[]> {
  const out: ApiOrderItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.call<GetOrderItemsResponse>({
      operation: 'getOrderItems',
      method: 'GET',
      path: `/orders/v0/orders/${encodeURIComponent(orderId)}/orderItems`,
      query: nextToken ? { NextToken: nextToken } : undefined,
      restrictedDataToken: rdt,
    });
    out.push(...(page.payload?.OrderItems ?? []));
    nextToken = page.payload?.NextToken;
  } while (nextToken);
  return out;
}
