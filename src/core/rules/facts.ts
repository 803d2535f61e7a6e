/** What a rule or surcharge condition can ask about a package: its size and weight, the order, the service quoted. */

export interface PackageFacts {
  readonly weightOz: number;
  /** Sides sorted longest first, in inches. */
  readonly lengthIn: number;
  readonly widthIn: number;
  readonly heightIn: number;
  readonly girthIn: number;
  readonly lengthGirthIn: number;
  readonly cubicIn: number;
  /** Sum of the items' prices, in major units (what the seller types in a rule: `order value > 200`). */
  readonly orderValue: number;
  readonly quantity: number;
  readonly items: number;
  readonly skus: readonly string[];
  readonly shipCountry: string;
  readonly shipState: string;
  readonly shipPostalCode: string;
  readonly shipCity: string;
  readonly shipServiceLevel: string;
  readonly isPrime: boolean;
  readonly isBusinessOrder: boolean;
  readonly residential: boolean;
  readonly signature: boolean;
  readonly box: string;
}

/** Facts that only exist once a service is quoted (surcharge conditions). */
export interface QuoteFacts {
  readonly zone: string;
  readonly billableOz: number;
}

export type FieldType = 'number' | 'text' | 'bool' | 'list' | 'zone';

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  readonly aliases?: readonly string[];
  /** Needs a quoted service (zone, billable weight): allowed in Surcharges, not in Rules. */
  readonly perService?: boolean;
  readonly get: (p: PackageFacts, q: QuoteFacts | null) => number | string | boolean | readonly string[];
}

export const FIELDS: readonly FieldDef[] = [
  { name: 'weight-oz', type: 'number', aliases: ['weight'], get: (p) => p.weightOz },
  { name: 'weight-lb', type: 'number', get: (p) => p.weightOz / 16 },
  { name: 'length-in', type: 'number', aliases: ['length'], get: (p) => p.lengthIn },
  { name: 'width-in', type: 'number', aliases: ['width', 'second-side-in'], get: (p) => p.widthIn },
  { name: 'height-in', type: 'number', aliases: ['height'], get: (p) => p.heightIn },
  { name: 'girth-in', type: 'number', aliases: ['girth'], get: (p) => p.girthIn },
  { name: 'length-girth-in', type: 'number', aliases: ['length-plus-girth-in'], get: (p) => p.lengthGirthIn },
  { name: 'volume-cubic-in', type: 'number', aliases: ['cubic-in', 'volume'], get: (p) => p.cubicIn },
  { name: 'order-value', type: 'number', aliases: ['value', 'order-total'], get: (p) => p.orderValue },
  { name: 'quantity', type: 'number', aliases: ['units', 'qty'], get: (p) => p.quantity },
  { name: 'items', type: 'number', aliases: ['lines'], get: (p) => p.items },
  { name: 'sku', type: 'list', aliases: ['seller-sku'], get: (p) => p.skus },
  { name: 'ship-country', type: 'text', aliases: ['country'], get: (p) => p.shipCountry },
  { name: 'ship-state', type: 'text', aliases: ['state'], get: (p) => p.shipState },
  { name: 'ship-postal-code', type: 'text', aliases: ['zip', 'postal-code'], get: (p) => p.shipPostalCode },
  { name: 'ship-city', type: 'text', aliases: ['city'], get: (p) => p.shipCity },
  { name: 'ship-service-level', type: 'text', aliases: ['service-level'], get: (p) => p.shipServiceLevel },
  { name: 'is-prime', type: 'bool', aliases: ['prime'], get: (p) => p.isPrime },
  { name: 'is-business-order', type: 'bool', aliases: ['business'], get: (p) => p.isBusinessOrder },
  { name: 'residential', type: 'bool', get: (p) => p.residential },
  { name: 'signature', type: 'bool', get: (p) => p.signature },
  { name: 'package', type: 'text', aliases: ['box'], get: (p) => p.box },
  { name: 'zone', type: 'zone', perService: true, get: (_p, q) => q?.zone ?? '' },
  { name: 'billable-weight-oz', type: 'number', perService: true, get: (_p, q) => q?.billableOz ?? 0 },
  { name: 'billable-weight-lb', type: 'number', perService: true, get: (_p, q) => (q?.billableOz ?? 0) / 16 },
];

const BY_NAME = new Map<string, FieldDef>();
for (const f of FIELDS) for (const n of [f.name, ...(f.aliases ?? [])]) BY_NAME.set(n, f);

/** `fieldByName('Order Value')` → the order-value field (case, spaces and hyphens do not matter). */
export function fieldByName(name: string): FieldDef | undefined {
  return BY_NAME.get(
    name
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-'),
  );
}
