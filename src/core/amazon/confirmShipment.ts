/** confirmShipment (Orders API v0) for a label bought outside Buy Shipping: one package of an order, per call. */
import type { SpApiClient } from './spApiClient';
import { isSpApiError } from './spApiError';

export interface ShipmentConfirmation {
  readonly marketplaceId: string;
  readonly orderId: string;
  /** Positive whole number as text, unique within the order (1, 2, … for split shipments). */
  readonly packageReferenceId: string;
  /** One of Amazon's carrier codes; `Other` needs `carrierName`. */
  readonly carrierCode: string;
  readonly carrierName?: string;
  readonly shippingMethod?: string;
  readonly trackingNumber: string;
  /** ISO-8601 date-time of the hand-over. */
  readonly shipDate: string;
  readonly orderItems: readonly { readonly orderItemId: string; readonly quantity: number }[];
}

export function buildConfirmShipmentBody(c: ShipmentConfirmation): Record<string, unknown> {
  const packageDetail: Record<string, unknown> = {
    packageReferenceId: c.packageReferenceId,
    carrierCode: c.carrierCode,
    trackingNumber: c.trackingNumber,
    shipDate: c.shipDate,
    orderItems: c.orderItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
  };
  if (c.carrierName) packageDetail.carrierName = c.carrierName;
  if (c.shippingMethod) packageDetail.shippingMethod = c.shippingMethod;
  return { marketplaceId: c.marketplaceId, packageDetail };
}

export type ConfirmResult =
  | { ok: true }
  | { ok: false; message: string; retryable: boolean; code?: string; status?: number; details?: string };

/** Amazon answers 204 when it accepts; its message comes back as the value of a refusal, for the order's row. */
export async function confirmShipment(client: SpApiClient, c: ShipmentConfirmation): Promise<ConfirmResult> {
  try {
    await client.call({
      operation: 'confirmShipment',
      method: 'POST',
      path: `/orders/v0/orders/${encodeURIComponent(c.orderId)}/shipmentConfirmation`,
      body: buildConfirmShipmentBody(c),
    });
    return { ok: true };
  } catch (e) {
    if (isSpApiError(e))
      return {
        ok: false,
        message: e.details ? `${e.message}: ${e.details}` : e.message,
        retryable: e.retryable,
        code: e.code,
        status: e.status,
        details: e.details,
      };
    throw e;
  }
}
