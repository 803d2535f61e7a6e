/**
 * The SP-API connection from the environment: LWA app credentials and the seller's refresh token, the region's
 * endpoint (overridable for the sandbox, proxies and tests). Secrets are read here and never printed or stored.
 */
import type { SpApiRegion } from '../../core';
import {
  AccessTokenSource,
  DEFAULT_RETRY,
  LWA_TOKEN_ENDPOINT,
  marketplaceFor,
  SPAPI_ENDPOINTS,
  SpApiClient,
} from '../../core';
import { UsageError } from '../commands/errors';
import { fetchHttpPort } from './fetchHttpPort';

export const SPAPI_ENV = {
  clientId: 'SHIPSHEET_LWA_CLIENT_ID',
  clientSecret: 'SHIPSHEET_LWA_CLIENT_SECRET',
  refreshToken: 'SHIPSHEET_LWA_REFRESH_TOKEN',
  endpoint: 'SHIPSHEET_SPAPI_ENDPOINT',
  lwaEndpoint: 'SHIPSHEET_LWA_ENDPOINT',
  region: 'SHIPSHEET_SPAPI_REGION',
} as const;

export function spApiClientFromEnv(marketplace: string, env: NodeJS.ProcessEnv = process.env): SpApiClient {
  const missing = [SPAPI_ENV.clientId, SPAPI_ENV.clientSecret, SPAPI_ENV.refreshToken].filter((k) => !env[k]);
  if (missing.length > 0) {
    throw new UsageError(
      `connecting to Amazon needs ${missing.join(', ')} in the environment (see docs/amazon.md); nothing was read or written.`,
    );
  }
  const region =
    (env[SPAPI_ENV.region]?.toUpperCase() as SpApiRegion | undefined) ??
    marketplaceFor(marketplace)?.region ??
    'NA';
  if (!SPAPI_ENDPOINTS[region])
    throw new UsageError(`${SPAPI_ENV.region}=${env[SPAPI_ENV.region]} is not NA, EU or FE.`);
  const http = fetchHttpPort();
  const tokens = new AccessTokenSource(
    {
      clientId: env[SPAPI_ENV.clientId]!,
      clientSecret: env[SPAPI_ENV.clientSecret]!,
      refreshToken: env[SPAPI_ENV.refreshToken]!,
    },
    env[SPAPI_ENV.lwaEndpoint] || LWA_TOKEN_ENDPOINT,
    http,
    () => Date.now(),
  );
  return new SpApiClient({
    endpoint: env[SPAPI_ENV.endpoint] || SPAPI_ENDPOINTS[region],
    http,
    tokens,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    retry: env.SHIPSHEET_SPAPI_RETRY_BASE_MS
      ? { ...DEFAULT_RETRY, baseDelayMs: Number(env.SHIPSHEET_SPAPI_RETRY_BASE_MS) }
      : DEFAULT_RETRY,
  });
}
