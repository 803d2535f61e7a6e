/**
 * Amazon's carrier-code values for shipping confirmations, exactly as Seller Central lists them (help page 641;
 * the Australian page has its own list). A confirmation's carrier-code must be one of these, else `Other` with
 * a carrier-name. Codes are compared case-insensitively and written in Amazon's spelling.
 */

/** The longest list Seller Central shows (the SG/US/EU help pages). */
export const AMAZON_CARRIER_CODES_DEFAULT = [
  'Blue Package',
  'USPS',
  'UPS',
  'UPSMI',
  'FedEx',
  'DHL',
  'DHL Global Mail',
  'Fastway',
  'UPS Mail Innovations',
  'Lasership',
  'Royal Mail',
  'FedEx SmartPost',
  'OSM',
  'OnTrac',
  'Streamlite',
  'Newgistics',
  'Canada Post',
  'City Link',
  'GLS',
  'GO!',
  'Hermes Logistik Gruppe',
  'Parcelforce',
  'TNT',
  'Target',
  'SagawaExpress',
  'NipponExpress',
  'YamatoTransport',
  'Ninjavan',
  'Qxpress',
  'Singapore Post',
  '4PX',
  'Yanwen',
  'Aramex',
  'China Post',
  'DHL eCommerce',
  'SF Express',
  'Other',
] as const;

/** Amazon.com.au's list. */
export const AMAZON_CARRIER_CODES_AU = [
  'Australia Post-Consignment',
  'Australia Post-ArticleId',
  '4PX',
  'Aramex',
  'Couriers Please',
  'China Post',
  'DHL',
  'EUB',
  'Fastway',
  'FedEx',
  'India Post',
  'Sendle',
  'SF Express',
  'TNT',
  'UPS',
  'USPS',
  'YANWEN',
  'Yun Express',
  'Other',
] as const;

/** The carrier-code values Amazon accepts on a marketplace. */
export function amazonCarrierCodes(marketplace: string): readonly string[] {
  return marketplace.toUpperCase() === 'AU' ? AMAZON_CARRIER_CODES_AU : AMAZON_CARRIER_CODES_DEFAULT;
}

/** Amazon's spelling of a code on a marketplace (`fedex` → `FedEx`), or null when Amazon does not list it. */
export function amazonCarrierCode(code: string, marketplace: string): string | null {
  const c = code.trim().toLowerCase();
  return amazonCarrierCodes(marketplace).find((v) => v.toLowerCase() === c) ?? null;
}
