/** Restricted Data Tokens: what an operation returning buyer PII (names, addresses) must be called with. */
import type { SpApiClient } from './spApiClient';

export interface RestrictedResource {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** A specific path, or a generic one like `/orders/v0/orders/{orderId}/orderItems`. */
  readonly path: string;
  readonly dataElements?: readonly ('buyerInfo' | 'shippingAddress' | 'buyerTaxInformation')[];
}

export async function createRestrictedDataToken(
  client: SpApiClient,
  resources: readonly RestrictedResource[],
): Promise<string> {
  const body = await client.call<{ restrictedDataToken?: string }>({
    operation: 'createRestrictedDataToken',
    method: 'POST',
    path: '/tokens/2021-03-01/restrictedDataToken',
    body: { restrictedResources: resources },
  });
  if (typeof body.restrictedDataToken !== 'string')
    throw new Error('createRestrictedDataToken: Amazon returned no token');
  return body.restrictedDataToken;
}
