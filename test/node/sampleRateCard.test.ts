/** The SAMPLE rate card in templates/: it loads without a problem, re-imports idempotently, and rates the sample day. */
import path from 'node:path';
import {
  boxesTable,
  chooseCarriers,
  importTable,
  MemoryWorkbook,
  ratesTable,
  rulesTable,
  servicesTable,
  surchargesTable,
  zonesTable,
} from '../../src/core';
import type { TableSchema } from '../../src/core';
import { readTableFile } from '../../src/node/flatfiles/readTableFile';
import { carrierSheets, orderRow } from '../core/workflow/carrierFixture';

const templates = path.join(__dirname, '../../templates');
const FILES: [TableSchema, string][] = [
  [servicesTable, 'rates/sample-services.tsv'],
  [ratesTable, 'rates/sample-rates.tsv'],
  [surchargesTable, 'rates/sample-surcharges.tsv'],
  [zonesTable, 'rates/sample-zones-895.tsv'],
  [boxesTable, 'sample/boxes.tsv'],
  [rulesTable, 'sample/rules.tsv'],
];

describe('the SAMPLE rate card', () => {
  test('imports cleanly; a second import merges every row (nothing added, nothing changed)', async () => {
    const book = new MemoryWorkbook('sample');
    const ctx = { now: new Date('2026-12-01T17:00:00Z') };
    for (const [schema, file] of FILES) {
      const grid = (await readTableFile(path.join(templates, file))).grid;
      const first = await importTable(book, schema, grid, file, ctx, { blankKeyParts: true });
      expect(first.problems).toEqual([]);
      expect(first.stats.rejected).toBe(0);
      const second = await importTable(book, schema, grid, file, ctx, { blankKeyParts: true });
      expect(second.stats).toMatchObject({ added: 0, updated: 0, unchanged: first.stats.added });
    }
  });

  test('holds the nine services the issue names and rates an order to Chicago (ZIP3 606) with it', async () => {
    const services = (await readTableFile(path.join(templates, 'rates/sample-services.tsv'))).grid;
    expect(services.slice(1).map((r) => `${r[0]} ${r[1]}`)).toEqual([
      'USPS Ground Advantage',
      'USPS Priority Mail',
      'UPS Ground',
      'UPS 2nd Day Air',
      'UPS Next Day Air',
      'FedEx Ground',
      'FedEx Home Delivery',
      'FedEx 2Day',
      'FedEx Standard Overnight',
    ]);
    const sheets = carrierSheets([orderRow({ order: 'A', item: 'A1', sku: 'MUG', zip: '60657' })]);
    for (const [schema, file] of FILES)
      sheets[schema.name] = (await readTableFile(path.join(templates, file))).grid;
    sheets.Rules = [['priority', 'condition', 'action']];
    const book = new MemoryWorkbook('sample', sheets);
    const r = await chooseCarriers(book, { now: new Date('2026-12-01T17:00:00Z') });
    expect(r.problems).toEqual([]);
    const orders = (await book.read(['Orders'])).get('Orders')!;
    const considered = String(orders[1][orders[0].indexOf('rates-considered')]);
    expect(considered.split('; ')).toHaveLength(3);
  });
});
