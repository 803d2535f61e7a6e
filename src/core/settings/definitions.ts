/** Every setting Shipsheet knows: its key, type, default and meaning. The Settings sheet template comes from here. */

export type SettingType = 'text' | 'int' | 'decimal' | 'bool' | 'list' | 'enum' | 'time';

export interface SettingDefinition {
  readonly key: string;
  readonly type: SettingType;
  /** Default as the seller would type it. */
  readonly default: string;
  readonly description: string;
  readonly values?: readonly string[];
  /** Group shown in the settings dialog. */
  readonly group: 'Ship from' | 'Store' | 'Stock' | 'Shipping' | 'Labels' | 'Fees' | 'Privacy' | 'Reports';
}

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  {
    key: 'ship-from-name',
    type: 'text',
    default: '',
    group: 'Ship from',
    description: 'Business name on labels and packing slips.',
  },
  {
    key: 'ship-from-address-1',
    type: 'text',
    default: '',
    group: 'Ship from',
    description: 'Ship-from street address.',
  },
  {
    key: 'ship-from-address-2',
    type: 'text',
    default: '',
    group: 'Ship from',
    description: 'Ship-from address line 2.',
  },
  {
    key: 'ship-from-city',
    type: 'text',
    default: '',
    group: 'Ship from',
    description: 'Ship-from city.',
  },
  {
    key: 'ship-from-state',
    type: 'text',
    default: '',
    group: 'Ship from',
    description: 'Ship-from state.',
  },
  {
    key: 'ship-from-postal-code',
    type: 'text',
    default: '',
    group: 'Ship from',
    description: 'Ship-from ZIP (decides zones).',
  },
  {
    key: 'ship-from-country',
    type: 'text',
    default: 'US',
    group: 'Ship from',
    description: 'Ship-from country (ISO 2-letter).',
  },
  {
    key: 'ship-from-phone',
    type: 'text',
    default: '',
    group: 'Ship from',
    description: 'Phone for carrier labels.',
  },
  {
    key: 'return-address',
    type: 'text',
    default: '',
    group: 'Ship from',
    description: 'Return address on packing slips, if not the ship-from address.',
  },
  {
    key: 'marketplace',
    type: 'enum',
    default: 'US',
    values: [
      'US',
      'CA',
      'MX',
      'BR',
      'UK',
      'DE',
      'FR',
      'IT',
      'ES',
      'NL',
      'SE',
      'PL',
      'BE',
      'IE',
      'TR',
      'AE',
      'SA',
      'EG',
      'IN',
      'JP',
      'AU',
      'SG',
    ],
    group: 'Store',
    description: 'Amazon marketplace (decides file variants and carrier codes).',
  },
  {
    key: 'timezone',
    type: 'text',
    default: 'America/Los_Angeles',
    group: 'Store',
    description: 'IANA time zone of the warehouse (cut-offs, report days).',
  },
  {
    key: 'currency',
    type: 'text',
    default: 'USD',
    group: 'Store',
    description: 'Currency of costs and rates when a row does not say.',
  },
  {
    key: 'location-rank',
    type: 'list',
    default: '*',
    group: 'Stock',
    description:
      'Stock locations in the order to pick from, comma-separated: exact names (B-STORE) or prefixes (A-*); * = any other, by name. A location no entry matches is not allocated from.',
  },
  {
    key: 'ship-complete',
    type: 'bool',
    default: 'true',
    group: 'Stock',
    description: 'TRUE: hold a multi-item order until every item is in stock. FALSE: ship what you can.',
  },
  {
    key: 'safety-stock',
    type: 'int',
    default: '0',
    group: 'Stock',
    description: 'Units kept back from the quantity sent to Amazon.',
  },
  {
    key: 'handling-cutoff',
    type: 'time',
    default: '14:00',
    group: 'Shipping',
    description: 'Orders after this local time ship the next business day.',
  },
  {
    key: 'ship-days',
    type: 'list',
    default: 'Mon,Tue,Wed,Thu,Fri',
    group: 'Shipping',
    description: 'Days the carrier picks up.',
  },
  {
    key: 'holidays',
    type: 'list',
    default: '',
    group: 'Shipping',
    description: 'Non-shipping dates, yyyy-mm-dd, comma-separated.',
  },
  {
    key: 'service-level-days',
    type: 'list',
    default: 'Standard:5, Expedited:3, SecondDay:2, NextDay:1, SameDay:0, Prime:2',
    group: 'Shipping',
    description:
      'Business days from ship-by to deliver-by for each Amazon service level, used when an order has no delivery-end-date.',
  },
  {
    key: 'default-box',
    type: 'text',
    default: '',
    group: 'Shipping',
    description: 'Box (a Boxes row) for items with no package-type; blank: they ship in their own packaging.',
  },
  {
    key: 'rate-source',
    type: 'enum',
    default: 'card',
    values: ['card', 'amazon', 'both'],
    group: 'Shipping',
    description:
      'Where choose carriers gets rates: card (the Rates sheets), amazon (Buy Shipping live rates for Amazon orders) or both (the two compete).',
  },
  {
    key: 'label-format',
    type: 'enum',
    default: 'pdf-4x6',
    values: ['pdf-4x6', 'pdf-letter-2up', 'zpl'],
    group: 'Labels',
    description: 'How labels are printed.',
  },
  {
    key: 'label-provider',
    type: 'text',
    default: 'sample',
    group: 'Labels',
    description: 'Who sells the labels (sample = offline, not valid for shipping).',
  },
  {
    key: 'selling-plan',
    type: 'enum',
    default: 'Professional',
    values: ['Professional', 'Individual'],
    group: 'Fees',
    description: 'Amazon selling plan, for fee estimates.',
  },
  {
    key: 'referral-fee-percent',
    type: 'decimal',
    default: '15',
    group: 'Fees',
    description: 'Referral fee percent when no category rate applies.',
  },
  {
    key: 'referral-fee-minimum',
    type: 'decimal',
    default: '0.30',
    group: 'Fees',
    description: 'Smallest referral fee per unit (in the report currency) when a category sets none.',
  },
  {
    key: 'referral-fee-categories',
    type: 'list',
    default: '',
    group: 'Fees',
    description:
      'Referral fee per Listings category: category=percent or category=percent:minimum, comma-separated (e.g. Clothing=17, Jewelry=20:2.00).',
  },
  {
    key: 'individual-per-item-fee',
    type: 'decimal',
    default: '0.99',
    group: 'Fees',
    description: 'Individual plan: the fee per unit sold (estimate when the settlement report has no fees).',
  },
  {
    key: 'professional-monthly-fee',
    type: 'decimal',
    default: '39.99',
    group: 'Fees',
    description: 'Professional plan: the monthly subscription, spread over the days of the report.',
  },
  {
    key: 'at-risk-hours',
    type: 'int',
    default: '24',
    group: 'Shipping',
    description:
      'Health: orders due to ship within this many hours and still without tracking are listed as at risk.',
  },
  {
    key: 'pii-retention-days',
    type: 'int',
    default: '30',
    group: 'Privacy',
    description: 'Days after delivery (or shipping) that buyer personal data is kept.',
  },
];

export function settingDefinition(key: string): SettingDefinition | undefined {
  return SETTING_DEFINITIONS.find((d) => d.key === key);
}
