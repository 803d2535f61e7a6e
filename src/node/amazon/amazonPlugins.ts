/** The carrier plug-ins an Amazon connection brings, when its credentials are in the environment. */
import type { CarrierPlugin } from '../../core';
import { buyShippingPlugin, marketplaceFor } from '../../core';
import { spApiClientFromEnv, SPAPI_ENV } from './spApiFromEnv';

export function hasAmazonCredentials(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env[SPAPI_ENV.clientId] && env[SPAPI_ENV.clientSecret] && env[SPAPI_ENV.refreshToken]);
}

export function amazonPlugins(
  marketplace: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, CarrierPlugin> {
  if (!hasAmazonCredentials(env)) return {};
  const business = marketplaceFor(marketplace)?.shippingBusiness;
  if (!business) return {};
  const plugin = buyShippingPlugin(spApiClientFromEnv(marketplace, env), { shippingBusiness: business });
  return { [plugin.metadata.id]: plugin };
}
