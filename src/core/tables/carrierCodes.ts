/** The Carrier Codes sheet: which Amazon carrier-code a carrier is confirmed with, per marketplace; the seller edits it. */
import { text } from './column';
import { defineTable } from './schema';
import type { RecordOf } from './schema';

export const carrierCodesTable = defineTable({
  name: 'Carrier Codes',
  description:
    'Carrier → Amazon carrier-code for shipping confirmations, per marketplace (* = every marketplace). A code Amazon does not list is sent as Other with the carrier-name.',
  key: ['marketplace', 'carrier'],
  signature: ['carrier', 'carrier-code'],
  columns: [
    text('marketplace', {
      owner: 'seller',
      required: true,
      width: 12,
      description: 'US, UK, JP, … or * for all.',
    }),
    text('carrier', {
      owner: 'seller',
      required: true,
      width: 20,
      description: 'Carrier as the Orders sheet names it.',
    }),
    text('carrier-code', {
      owner: 'seller',
      required: true,
      width: 22,
      description:
        "Amazon's carrier-code (exact list in Seller Central's shipping confirmation template), or Other.",
    }),
    text('carrier-name', { owner: 'seller', width: 22, description: 'Name sent with carrier-code Other.' }),
  ],
});

export type CarrierCodeRecord = RecordOf<typeof carrierCodesTable>;

/** The rows a new workbook starts with. */
export const DEFAULT_CARRIER_CODES: readonly CarrierCodeRecord[] = [
  { marketplace: '*', carrier: 'USPS', 'carrier-code': 'USPS', 'carrier-name': null },
  { marketplace: '*', carrier: 'UPS', 'carrier-code': 'UPS', 'carrier-name': null },
  { marketplace: '*', carrier: 'FedEx', 'carrier-code': 'FedEx', 'carrier-name': null },
  { marketplace: '*', carrier: 'FedEx SmartPost', 'carrier-code': 'FedEx SmartPost', 'carrier-name': null },
  {
    marketplace: '*',
    carrier: 'UPS Mail Innovations',
    'carrier-code': 'UPS Mail Innovations',
    'carrier-name': null,
  },
  { marketplace: '*', carrier: 'DHL', 'carrier-code': 'DHL', 'carrier-name': null },
  { marketplace: '*', carrier: 'DHL eCommerce', 'carrier-code': 'DHL eCommerce', 'carrier-name': null },
  { marketplace: '*', carrier: 'OnTrac', 'carrier-code': 'OnTrac', 'carrier-name': null },
  { marketplace: '*', carrier: 'Lasership', 'carrier-code': 'Lasership', 'carrier-name': null },
  { marketplace: '*', carrier: 'Canada Post', 'carrier-code': 'Canada Post', 'carrier-name': null },
  { marketplace: '*', carrier: 'Royal Mail', 'carrier-code': 'Royal Mail', 'carrier-name': null },
  { marketplace: '*', carrier: 'Amazon', 'carrier-code': 'Other', 'carrier-name': 'Amazon Shipping' },
  { marketplace: 'JP', carrier: 'Yamato Transport', 'carrier-code': 'YamatoTransport', 'carrier-name': null },
  { marketplace: 'JP', carrier: 'Sagawa Express', 'carrier-code': 'SagawaExpress', 'carrier-name': null },
  { marketplace: 'JP', carrier: 'Nippon Express', 'carrier-code': 'NipponExpress', 'carrier-name': null },
  { marketplace: 'JP', carrier: 'Japan Post', 'carrier-code': 'Other', 'carrier-name': '日本郵便' },
  {
    marketplace: 'AU',
    carrier: 'Australia Post',
    'carrier-code': 'Australia Post-ArticleId',
    'carrier-name': null,
  },
  { marketplace: 'AU', carrier: 'Sendle', 'carrier-code': 'Sendle', 'carrier-name': null },
];
