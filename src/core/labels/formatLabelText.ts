/** How carriers print the small things on a label: weight, tracking number groups, routing code, service icon. */

/** `1 LB 2 OZ`, `9 OZ`, `3 LBS`: the weight line of a label. */
export function formatWeight(weightOz: number): string {
  const tenths = Math.round(weightOz * 10);
  const lb = Math.floor(tenths / 160);
  const ozTenths = tenths - lb * 160;
  const oz = ozTenths % 10 === 0 ? String(ozTenths / 10) : (ozTenths / 10).toFixed(1);
  if (lb === 0) return `${oz} OZ`;
  const lbs = `${lb} ${lb === 1 ? 'LB' : 'LBS'}`;
  return ozTenths === 0 ? lbs : `${lbs} ${oz} OZ`;
}

/** The tracking number grouped as the carrier prints it under the barcode. */
export function formatTrackingNumber(carrier: string, tracking: string): string {
  const c = carrier.toLowerCase();
  if (c === 'ups' && /^1Z/i.test(tracking) && tracking.length === 18)
    return [
      tracking.slice(0, 2),
      tracking.slice(2, 5),
      tracking.slice(5, 8),
      tracking.slice(8, 10),
      tracking.slice(10, 14),
      tracking.slice(14),
    ].join(' ');
  if (/^\d+$/.test(tracking)) return (tracking.match(/.{1,4}/g) ?? []).join(' ');
  return tracking;
}

/** Digits of a US ZIP code (5 or 9), or null when the postal code is not one. */
export function usZip(postalCode: string): string | null {
  const digits = postalCode.replace(/[\s-]/g, '');
  return /^\d{5}(\d{4})?$/.test(digits) ? digits : null;
}

/** ISO 3166 numeric codes of the countries most Amazon sellers ship to (for the GS1 AI 421 routing barcode). */
const ISO_NUMERIC: Readonly<Record<string, string>> = {
  US: '840',
  CA: '124',
  MX: '484',
  BR: '076',
  GB: '826',
  UK: '826',
  DE: '276',
  FR: '250',
  IT: '380',
  ES: '724',
  NL: '528',
  SE: '752',
  PL: '616',
  BE: '056',
  IE: '372',
  TR: '792',
  AE: '784',
  SA: '682',
  EG: '818',
  IN: '356',
  JP: '392',
  AU: '036',
  SG: '702',
  PR: '630',
};

/**
 * The routing barcode data (GS1 bracketed form): `(420)` + ZIP for US destinations, `(421)` + ISO numeric
 * country + postal code elsewhere. Null when the destination has no usable postal code.
 */
export function routingBarcodeData(country: string, postalCode: string): string | null {
  const cc = country.trim().toUpperCase();
  if (cc === 'US' || cc === 'PR') {
    const zip = usZip(postalCode);
    return zip ? `(420)${zip.slice(0, 5)}` : null;
  }
  const numeric = ISO_NUMERIC[cc];
  const postal = postalCode
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase()
    .slice(0, 9);
  return numeric && postal !== '' ? `(421)${numeric}${postal}` : null;
}

/** The large routing text beside the routing barcode: state and ZIP3 for the US, country and postal code else. */
export function routingText(country: string, state: string | undefined, postalCode: string): string {
  const cc = country.trim().toUpperCase();
  const zip = usZip(postalCode);
  if ((cc === 'US' || cc === 'PR') && zip) return `${(state ?? '').toUpperCase()} ${zip.slice(0, 3)}`.trim();
  return `${cc} ${postalCode.trim().toUpperCase()}`.trim();
}

/** The service icon in the corner box: 1 (next day), 2, 3, P (priority), G (ground), or the first letter. */
export function serviceIcon(service: string): string {
  const s = service.toLowerCase();
  if (/next day|overnight|express/.test(s)) return '1';
  if (/2nd day|second day|2 ?day/.test(s)) return '2';
  if (/3 ?day/.test(s)) return '3';
  if (/priority/.test(s)) return 'P';
  if (/ground|standard|parcel/.test(s)) return 'G';
  return (service.trim()[0] ?? '?').toUpperCase();
}
