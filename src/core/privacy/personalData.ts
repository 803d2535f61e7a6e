/**
 * Which Orders columns hold a buyer's personal data (Amazon's Data Protection Policy: name, address, phone,
 * e-mail, tax ids, free text about the person), and which are kept after the retention period because reports
 * need them and they do not identify a person on their own.
 */
import { ordersTable } from '../tables/orders';
import { normalizeHeader } from '../tables/normalizeHeader';

/** Blanked by purge-pii. */
export const PERSONAL_COLUMNS = [
  'buyer-email',
  'buyer-name',
  'buyer-phone-number',
  'cpf',
  'buyer-identification-number',
  'recipient-name',
  'ship-address-1',
  'ship-address-2',
  'ship-address-3',
  'ship-phone-number',
  'bill-address-1',
  'bill-address-2',
  'bill-address-3',
  'bill-city',
  'bill-postal-code',
  'delivery-instructions',
  'gift-message-text',
] as const satisfies readonly (typeof ordersTable.columns)[number]['name'][];

/**
 * Kept: the ship-to city, state, postal code and country (sales and returns by region, sales tax by state,
 * shipping cost by zone need them; without name and street they point to thousands of households), the
 * billing state and country (tax), and everything about the order itself — ids, SKUs, quantities, amounts,
 * dates, carrier, tracking.
 */
export const KEPT_LOCATION_COLUMNS = [
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'bill-state',
  'bill-country',
] as const;

/**
 * Columns the schema does not know that look personal by their header (newer report columns such as
 * `buyer-company-name`, `buyer-tax-registration-id`, `ship-to-name`): blanked too, so a new Amazon column is
 * not kept by accident.
 */
export function looksPersonal(header: string): boolean {
  const h = normalizeHeader(header);
  if ((KEPT_LOCATION_COLUMNS as readonly string[]).includes(h)) return false;
  return (
    /^(buyer|recipient|customer|ship-to|bill-to)-/.test(h) ||
    /(^|-)(e-?mail|phone|phone-number|telephone)$/.test(h) ||
    /(^|-)address(-line)?-?\d$/.test(h) ||
    /tax-registration|vat-number/.test(h)
  );
}
