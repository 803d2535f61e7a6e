/** ISO 4217 minor units (digits after the decimal point) for the currencies Amazon marketplaces use. */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  JPY: 0,
  KRW: 0,
  CLP: 0,
  VND: 0,
  ISK: 0,
  HUF: 2,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
};

/** Digits after the decimal point for a currency code (2 unless ISO 4217 says otherwise). */
export function minorUnits(currency: string | null | undefined): number {
  if (!currency) return 2;
  return MINOR_UNITS[currency.trim().toUpperCase()] ?? 2;
}
