/** Selling Partner API regions, their endpoints, and the marketplaces in each. */

export type SpApiRegion = 'NA' | 'EU' | 'FE';

export const SPAPI_ENDPOINTS: Readonly<Record<SpApiRegion, string>> = {
  NA: 'https://sellingpartnerapi-na.amazon.com',
  EU: 'https://sellingpartnerapi-eu.amazon.com',
  FE: 'https://sellingpartnerapi-fe.amazon.com',
};

/** Login with Amazon's token endpoint (the same for every region). */
export const LWA_TOKEN_ENDPOINT = 'https://api.amazon.com/auth/o2/token';

interface Marketplace {
  readonly id: string;
  readonly region: SpApiRegion;
  /** Amazon Shipping business for Buy Shipping (Shipping API v2), where one exists. */
  readonly shippingBusiness?: string;
}

/** Marketplace ids by the country code Settings uses (`marketplace`). */
export const MARKETPLACES: Readonly<Record<string, Marketplace>> = {
  US: { id: 'ATVPDKIKX0DER', region: 'NA', shippingBusiness: 'AmazonShipping_US' },
  CA: { id: 'A2EUQ1WTGCTBG2', region: 'NA' },
  MX: { id: 'A1AM78C64UM0Y8', region: 'NA' },
  BR: { id: 'A2Q3Y263D00KWC', region: 'NA' },
  UK: { id: 'A1F83G8C2ARO7P', region: 'EU', shippingBusiness: 'AmazonShipping_UK' },
  DE: { id: 'A1PA6795UKMFR9', region: 'EU' },
  FR: { id: 'A13V1IB3VIYZZH', region: 'EU', shippingBusiness: 'AmazonShipping_FR' },
  IT: { id: 'APJ6JRA9NG5V4', region: 'EU', shippingBusiness: 'AmazonShipping_IT' },
  ES: { id: 'A1RKKUPIHCS9HS', region: 'EU', shippingBusiness: 'AmazonShipping_ES' },
  NL: { id: 'A1805IZSGTT6HS', region: 'EU' },
  SE: { id: 'A2NODRKZP88ZB9', region: 'EU' },
  PL: { id: 'A1C3SOZRARQ6R3', region: 'EU' },
  BE: { id: 'AMEN7PMS3EDWL', region: 'EU' },
  IE: { id: 'A28R8C7NBKEWEA', region: 'EU' },
  TR: { id: 'A33AVAJ2PDY3EV', region: 'EU' },
  AE: { id: 'A2VIGQ35RCS4UG', region: 'EU', shippingBusiness: 'AmazonShipping_UAE' },
  SA: { id: 'A17E79C6D8DWNP', region: 'EU', shippingBusiness: 'AmazonShipping_SA' },
  EG: { id: 'ARBP9OOSHTCHU', region: 'EU', shippingBusiness: 'AmazonShipping_EG' },
  IN: { id: 'A21TJRUUN4KGV', region: 'EU', shippingBusiness: 'AmazonShipping_IN' },
  JP: { id: 'A1VC38T7YXB528', region: 'FE', shippingBusiness: 'AmazonShipping_JP' },
  AU: { id: 'A39IBJ37TRP1C6', region: 'FE' },
  SG: { id: 'A19VAU5U5O7RUS', region: 'FE' },
};

export function marketplaceFor(code: string): Marketplace | undefined {
  return MARKETPLACES[code.trim().toUpperCase()];
}
