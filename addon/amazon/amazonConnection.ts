/**
 * The add-on's connection to Amazon's Selling Partner API: the seller's LWA app credentials and refresh token from
 * their own user properties (saved through Settings…, never in a cell or a log), the region's endpoint from the
 * marketplace, UrlFetchApp underneath, retries waiting with Utilities.sleep.
 */
import type { CarrierPlugin, HttpPort, SpApiRegion } from '../../src/core';
import {
  AccessTokenSource,
  DEFAULT_RETRY,
  LWA_TOKEN_ENDPOINT,
  SPAPI_ENDPOINTS,
  SpApiClient,
  buyShippingPlugin,
  marketplaceFor,
} from '../../src/core';
import { urlFetchHttpPort } from '../gas/urlFetchHttpPort';
import { readSecret } from '../settings/secrets';

/** The names the Settings… dialog saves the Amazon keys under (user properties `secret.<name>`). */
export const AMAZON_SECRETS = {
  clientId: 'amazon.lwa-client-id',
  clientSecret: 'amazon.lwa-client-secret',
  refreshToken: 'amazon.lwa-refresh-token',
  /** Optional: Amazon's sandbox (or another region's) endpoint instead of the marketplace's. */
  endpoint: 'amazon.spapi-endpoint',
  lwaEndpoint: 'amazon.lwa-endpoint',
} as const;

export type AmazonConnection =
  | { readonly ok: true; readonly client: SpApiClient; readonly http: HttpPort; readonly region: SpApiRegion }
  | { readonly ok: false; readonly message: string };

/** Where a run must stop waiting for Amazon: past it the 6-minute limit would end the run without a word. */
export class OutOfTime extends Error {}

export function amazonConnection(
  marketplace: string,
  options: { http?: HttpPort; deadline?: number } = {},
): AmazonConnection {
  const http = options.http ?? urlFetchHttpPort();
  const deadline = options.deadline ?? Infinity;
  const props = PropertiesService.getUserProperties();
  const get = (name: string) => (readSecret(props, name) ?? '').trim();
  const required = [AMAZON_SECRETS.clientId, AMAZON_SECRETS.clientSecret, AMAZON_SECRETS.refreshToken];
  const missing = required.filter((n) => get(n) === '');
  if (missing.length > 0)
    return {
      ok: false,
      message: `Connecting to Amazon needs your Selling Partner API keys: save ${missing.join(', ')} under "Carrier and API keys" in Extensions → Shipsheet → Settings… (they stay in your own Apps Script properties, never in the sheet). See docs/amazon.md for how to get them. Nothing was read or written.`,
    };
  const market = marketplaceFor(marketplace);
  if (!market)
    return {
      ok: false,
      message: `Settings marketplace ${marketplace || '(empty)'} is not an Amazon marketplace Shipsheet knows. Nothing was read or written.`,
    };
  const tokens = new AccessTokenSource(
    {
      clientId: get(AMAZON_SECRETS.clientId),
      clientSecret: get(AMAZON_SECRETS.clientSecret),
      refreshToken: get(AMAZON_SECRETS.refreshToken),
    },
    get(AMAZON_SECRETS.lwaEndpoint) || LWA_TOKEN_ENDPOINT,
    http,
    () => Date.now(),
  );
  const client = new SpApiClient({
    endpoint: get(AMAZON_SECRETS.endpoint) || SPAPI_ENDPOINTS[market.region],
    http,
    tokens,
    // Apps Script has no timers: a retry waits by sleeping the execution, and the wait counts toward its 6
    // minutes. A wait that would end past the deadline stops the run instead, before anything is written.
    sleep: async (ms) => {
      if (Date.now() + ms > deadline)
        throw new OutOfTime(
          `Amazon is throttling this run (it asked to wait ${Math.ceil(ms / 1000)} s more) and Apps Script would stop it at its 6-minute limit, so it stopped first: no orders were written. A backlog this large imports with \`shipsheet import orders --from amazon\` or an uploaded order report; after that, this item keeps up.`,
        );
      Utilities.sleep(Math.ceil(ms));
    },
    retry: DEFAULT_RETRY,
    userAgent: 'Shipsheet/0.1 (Language=TypeScript; Platform=Google Apps Script)',
  });
  return { ok: true, client, http, region: market.region };
}

/** Amazon Buy Shipping as a label provider, when the keys are saved and the marketplace has Amazon Shipping. */
export function amazonLabelProviders(
  marketplace: string,
): Record<string, { provider: CarrierPlugin; http: HttpPort }> {
  const business = marketplaceFor(marketplace)?.shippingBusiness;
  if (!business) return {};
  const c = amazonConnection(marketplace);
  if (!c.ok) return {};
  const plugin = buyShippingPlugin(c.client, { shippingBusiness: business });
  return { [plugin.metadata.id]: { provider: plugin, http: c.http } };
}
