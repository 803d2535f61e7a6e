// Writes the SAMPLE rate card in templates/rates/ (Services, Rates, Surcharges, Zones, Boxes, Rules).
// The prices are made up to be plausible (shaped like 2026 list rates), NOT carrier prices: sellers paste
// their own. Run: node scripts/sample-rate-card.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'templates', 'rates');
fs.mkdirSync(out, { recursive: true });
const tsv = (rows) => rows.map((r) => r.join('\t')).join('\n') + '\n';
const SAMPLE = 'SAMPLE - made-up prices, paste your own';

// carrier, service, mode, divisor, min cubic, rounding, max lb, max length, max L+G, transit, delivery days, price(zone, lb)
const services = [
  [
    'USPS',
    'Ground Advantage',
    'ground',
    166,
    1728,
    'oz',
    70,
    108,
    130,
    '1-2:2, 3-4:3, 5-6:4, 7-8:5, 9:7',
    'Mon-Sat',
    (z, lb) => 7.4 + 0.55 * z + lb * (0.32 + 0.16 * z),
  ],
  [
    'USPS',
    'Priority Mail',
    'air',
    166,
    1728,
    'lb',
    70,
    108,
    108,
    '1-3:1, 4-5:2, 6-8:3, 9:4',
    'Mon-Sat',
    (z, lb) => 9.1 + 0.95 * z + lb * (0.55 + 0.24 * z),
  ],
  [
    'UPS',
    'Ground',
    'ground',
    139,
    0,
    'lb',
    150,
    108,
    165,
    '1-2:1, 3:2, 4:3, 5:4, 6-8:5',
    'Mon-Fri',
    (z, lb) => 10.2 + 0.7 * z + lb * (0.42 + 0.2 * z),
  ],
  [
    'UPS',
    '2nd Day Air',
    'air',
    139,
    0,
    'lb',
    150,
    108,
    165,
    '2',
    'Mon-Fri',
    (z, lb) => 19.5 + 2.4 * z + lb * (1.7 + 0.45 * z),
  ],
  [
    'UPS',
    'Next Day Air',
    'air',
    139,
    0,
    'lb',
    150,
    108,
    165,
    '1',
    'Mon-Fri',
    (z, lb) => 31 + 3.9 * z + lb * (2.9 + 0.75 * z),
  ],
  [
    'FedEx',
    'Ground',
    'ground',
    139,
    0,
    'lb',
    150,
    108,
    165,
    '1-2:1, 3:2, 4:3, 5:4, 6-8:5',
    'Mon-Fri',
    (z, lb) => 10.05 + 0.7 * z + lb * (0.41 + 0.2 * z),
  ],
  [
    'FedEx',
    'Home Delivery',
    'ground',
    139,
    0,
    'lb',
    150,
    108,
    165,
    '1-2:1, 3:2, 4:3, 5:4, 6-8:5',
    'Tue-Sat',
    (z, lb) => 10.05 + 0.7 * z + lb * (0.41 + 0.2 * z),
  ],
  [
    'FedEx',
    '2Day',
    'air',
    139,
    0,
    'lb',
    150,
    108,
    165,
    '2',
    'Mon-Fri',
    (z, lb) => 19.2 + 2.35 * z + lb * (1.65 + 0.44 * z),
  ],
  [
    'FedEx',
    'Standard Overnight',
    'air',
    139,
    0,
    'lb',
    150,
    108,
    165,
    '1',
    'Mon-Fri',
    (z, lb) => 30.4 + 3.8 * z + lb * (2.85 + 0.74 * z),
  ],
];
const money = (n) => (Math.round(n * 100) / 100).toFixed(2);

fs.writeFileSync(
  path.join(out, 'sample-services.tsv'),
  tsv([
    [
      'carrier',
      'service',
      'mode',
      'dim-divisor',
      'dim-min-cubic-in',
      'weight-rounding',
      'max-weight-lb',
      'max-length-in',
      'max-length-girth-in',
      'transit-days',
      'delivery-days',
      'enabled',
      'note',
    ],
    ...services.map(([c, s, mode, div, minCu, round, maxLb, maxLen, maxLg, transit, days]) => [
      c,
      s,
      mode,
      div,
      minCu || '',
      round,
      maxLb,
      maxLen,
      maxLg,
      transit,
      days,
      'TRUE',
      SAMPLE,
    ]),
  ]),
);

const rates = [['carrier', 'service', 'zone', 'max-weight', 'weight-unit', 'price', 'currency']];
for (const [c, s, , , , round, maxLb, , , , , price] of services) {
  const zones = c === 'USPS' ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [1, 2, 3, 4, 5, 6, 7, 8];
  for (const z of zones) {
    if (round === 'oz') {
      // USPS light-parcel ounce tiers: 4, 8, 12, 15.99 oz.
      [
        [4, 0.62],
        [8, 0.7],
        [12, 0.82],
        [15.99, 0.95],
      ].forEach(([oz, f]) => rates.push([c, s, z, oz, 'oz', money(price(z, 0.25) * f), 'USD']));
    }
    const breaks = [];
    for (let lb = 1; lb <= 30; lb++) breaks.push(lb);
    for (let lb = 35; lb <= maxLb; lb += 5) breaks.push(lb);
    for (const lb of breaks) rates.push([c, s, z, lb, 'lb', money(price(z, lb)), 'USD']);
  }
}
// International (Canada, Mexico) only by USPS Priority Mail in the sample.
for (const lb of [1, 2, 3, 4, 5, 10, 20, 30, 44, 66])
  rates.push(['USPS', 'Priority Mail', 'INTL-1', lb, 'lb', money(38 + lb * 3.9), 'USD']);
fs.writeFileSync(path.join(out, 'sample-rates.tsv'), tsv(rates));

const surcharges = [
  [
    'carrier',
    'service',
    'surcharge',
    'applies-when',
    'amount',
    'percent',
    'min-billable-lb',
    'instead-of',
    'currency',
    'note',
  ],
  ['UPS', '', 'residential', 'residential = true', '5.85', '', '', '', 'USD', SAMPLE],
  ['FedEx', 'Home Delivery', 'residential', 'residential = true', '5.55', '', '', '', 'USD', SAMPLE],
  ['FedEx', '2Day', 'residential', 'residential = true', '6.05', '', '', '', 'USD', SAMPLE],
  ['FedEx', 'Standard Overnight', 'residential', 'residential = true', '6.05', '', '', '', 'USD', SAMPLE],
  ['UPS', '', 'additional-handling', 'length-in > 48', '31.50', '', '', '', 'USD', SAMPLE],
  ['UPS', '', 'additional-handling', 'width-in > 30', '31.50', '', '', '', 'USD', SAMPLE],
  ['UPS', '', 'additional-handling', 'weight-lb > 50', '48.00', '', '', '', 'USD', SAMPLE],
  [
    'UPS',
    '',
    'large-package',
    'length-girth-in > 130',
    '115.00',
    '',
    '90',
    'additional-handling',
    'USD',
    SAMPLE,
  ],
  ['FedEx', '', 'additional-handling', 'length-in > 48', '30.75', '', '', '', 'USD', SAMPLE],
  ['FedEx', '', 'additional-handling', 'width-in > 30', '30.75', '', '', '', 'USD', SAMPLE],
  ['FedEx', '', 'additional-handling', 'weight-lb > 50', '46.50', '', '', '', 'USD', SAMPLE],
  [
    'FedEx',
    '',
    'oversize',
    'length-girth-in > 130',
    '112.50',
    '',
    '90',
    'additional-handling',
    'USD',
    SAMPLE,
  ],
  ['USPS', '', 'nonstandard-length-22', 'length-in > 22', '4.00', '', '', '', 'USD', SAMPLE],
  [
    'USPS',
    '',
    'nonstandard-length-30',
    'length-in > 30',
    '15.00',
    '',
    '',
    'nonstandard-length-22',
    'USD',
    SAMPLE,
  ],
  ['USPS', '', 'signature', 'signature = true', '3.65', '', '', '', 'USD', SAMPLE],
  ['UPS', '', 'signature', 'signature = true', '6.95', '', '', '', 'USD', SAMPLE],
  ['FedEx', '', 'signature', 'signature = true', '7.20', '', '', '', 'USD', SAMPLE],
  ['UPS', 'Ground', 'fuel', '', '', '19.5', '', '', 'USD', SAMPLE + ' (weekly fuel %)'],
  ['UPS', '2nd Day Air', 'fuel', '', '', '21.25', '', '', 'USD', SAMPLE + ' (weekly fuel %)'],
  ['UPS', 'Next Day Air', 'fuel', '', '', '21.25', '', '', 'USD', SAMPLE + ' (weekly fuel %)'],
  ['FedEx', 'Ground', 'fuel', '', '', '19.75', '', '', 'USD', SAMPLE + ' (weekly fuel %)'],
  ['FedEx', 'Home Delivery', 'fuel', '', '', '19.75', '', '', 'USD', SAMPLE + ' (weekly fuel %)'],
  ['FedEx', '2Day', 'fuel', '', '', '21.5', '', '', 'USD', SAMPLE + ' (weekly fuel %)'],
  ['FedEx', 'Standard Overnight', 'fuel', '', '', '21.5', '', '', 'USD', SAMPLE + ' (weekly fuel %)'],
];
fs.writeFileSync(path.join(out, 'sample-surcharges.tsv'), tsv(surcharges));

// Zones from Reno, NV (ZIP3 895): distance bands as USPS draws them, by ZIP3 region. Approximate: a sample.
const zones = [
  ['005', '149', 8, 'NY, New England'],
  ['150', '199', 8, 'PA, DE'],
  ['200', '299', 8, 'DC, MD, VA, WV, NC, SC'],
  ['300', '399', 8, 'GA, FL, AL, TN, MS'],
  ['400', '499', 7, 'KY, OH, IN, MI'],
  ['500', '589', 7, 'IA, WI, MN, SD, ND'],
  ['590', '599', 5, 'MT'],
  ['600', '629', 7, 'IL'],
  ['630', '658', 7, 'MO'],
  ['660', '679', 6, 'KS'],
  ['680', '693', 6, 'NE'],
  ['700', '729', 7, 'LA, AR'],
  ['730', '749', 6, 'OK'],
  ['750', '797', 6, 'TX'],
  ['798', '799', 5, 'TX (El Paso)'],
  ['800', '816', 5, 'CO'],
  ['820', '831', 5, 'WY'],
  ['832', '838', 4, 'ID'],
  ['840', '847', 4, 'UT'],
  ['850', '865', 5, 'AZ'],
  ['870', '884', 5, 'NM'],
  ['889', '891', 4, 'NV (Las Vegas)'],
  ['893', '893', 3, 'NV (Ely)'],
  ['894', '897', 1, 'NV (Reno, Carson City)'],
  ['898', '898', 3, 'NV (Elko)'],
  ['900', '935', 4, 'CA (south)'],
  ['936', '939', 3, 'CA (central)'],
  ['940', '949', 3, 'CA (Bay Area)'],
  ['950', '959', 2, 'CA (Sacramento, north)'],
  ['960', '961', 2, 'CA (far north)'],
  ['967', '968', 8, 'HI'],
  ['970', '979', 4, 'OR'],
  ['980', '994', 5, 'WA'],
  ['995', '999', 8, 'AK'],
];
fs.writeFileSync(
  path.join(out, 'sample-zones-895.tsv'),
  tsv([
    ['carrier', 'origin-zip3', 'dest-zip3-from', 'dest-zip3-to', 'country', 'zone', 'note'],
    ...zones.map(([a, b, z, n]) => ['', '895', a, b, '', z, `${n} - SAMPLE, check your carriers' charts`]),
    ['', '', '', '', 'CA,MX', 'INTL-1', 'Canada, Mexico - SAMPLE'],
  ]),
);
