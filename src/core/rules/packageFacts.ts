/** Build the facts a condition tests from a package's size and weight and its order's fields. */
import { measure } from '../carriers/billableWeight';
import type { PackageFacts } from './facts';

export interface PackageFactsInput {
  readonly weightOz: number;
  readonly lengthIn: number;
  readonly widthIn: number;
  readonly heightIn: number;
  readonly orderValue?: number;
  readonly quantity?: number;
  readonly skus?: readonly string[];
  readonly shipCountry?: string;
  readonly shipState?: string;
  readonly shipPostalCode?: string;
  readonly shipCity?: string;
  readonly shipServiceLevel?: string;
  readonly isPrime?: boolean;
  readonly isBusinessOrder?: boolean;
  readonly residential?: boolean;
  readonly signature?: boolean;
  readonly box?: string;
}

export function packageFacts(input: PackageFactsInput): PackageFacts {
  const m = measure(input);
  return {
    weightOz: input.weightOz,
    lengthIn: m.lengthIn,
    widthIn: m.widthIn,
    heightIn: m.heightIn,
    girthIn: m.girthIn,
    lengthGirthIn: m.lengthGirthIn,
    cubicIn: m.lengthIn * m.widthIn * m.heightIn,
    orderValue: input.orderValue ?? 0,
    quantity: input.quantity ?? 1,
    items: input.skus?.length ?? 1,
    skus: input.skus ?? [],
    shipCountry: input.shipCountry ?? 'US',
    shipState: input.shipState ?? '',
    shipPostalCode: input.shipPostalCode ?? '',
    shipCity: input.shipCity ?? '',
    shipServiceLevel: input.shipServiceLevel ?? '',
    isPrime: input.isPrime ?? false,
    isBusinessOrder: input.isBusinessOrder ?? false,
    residential: input.residential ?? !(input.isBusinessOrder ?? false),
    signature: input.signature ?? false,
    box: input.box ?? '',
  };
}
