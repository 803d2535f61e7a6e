/**
 * Golden comparison for carrier choice: a seeded random 2,000-item book (see carrierGoldenBook.ts) rated, and
 * every written cell, problem, summary line, Log row and the shape of the write plan compared with the result
 * the straightforward (pre-optimisation) code gave, committed in test/fixtures/chooseCarriers/. It guards the
 * fast path against silently changing a rate, a reason, the order of problems or the tie-breaking.
 * To regenerate after an intended change of results: GOLDEN_UPDATE=1 npx jest test/node/chooseCarriersGolden.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Workbook, WritePlan } from '../../src/core';
import { CHOOSE_CARRIERS_COLUMNS, chooseCarriers, MemoryWorkbook, rateCardPlugin } from '../../src/core';
import { goldenCarrierSheets } from './carrierGoldenBook';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'chooseCarriers', 'golden-2000.txt');
const NOW = new Date('2026-12-01T17:00:00Z');

async function rateGoldenBook(): Promise<string> {
  const sheets = await goldenCarrierSheets(2000);
  const input = sheets.Orders;
  const memory = new MemoryWorkbook('golden', sheets);
  const plans: WritePlan[] = [];
  const book: Workbook = {
    label: memory.label,
    read: (names) => memory.read(names),
    write: (plan) => {
      plans.push(plan);
      return memory.write(plan);
    },
    sheetNames: () => memory.sheetNames(),
  };
  const result = await chooseCarriers(book, { now: NOW });
  const after = (await memory.read(['Orders', 'Log'])).get('Orders')!;
  const log = (await memory.read(['Log'])).get('Log')!;
  const header = after[0].map(String);
  const written = new Set<string>(CHOOSE_CARRIERS_COLUMNS);
  const writtenCols = CHOOSE_CARRIERS_COLUMNS.map((c) => header.indexOf(c));
  const out: string[] = [`header ${JSON.stringify(header)}`];
  for (let r = 1; r < Math.max(after.length, input.length); r++) {
    // Every column the step does not own must come back exactly as it was.
    header.forEach((h, c) => {
      if (written.has(h)) return;
      const was = input[r]?.[c] ?? null;
      const now = after[r]?.[c] ?? null;
      if (was !== now) throw new Error(`row ${r + 1} column ${h} changed from ${was} to ${now}`);
    });
    out.push(`${r + 1} ${JSON.stringify(writtenCols.map((c) => after[r]?.[c] ?? null))}`);
  }
  for (const p of result.problems) out.push(`problem ${JSON.stringify(p)}`);
  out.push(`ok ${result.ok} ${JSON.stringify(result.stats)} ${JSON.stringify(result.changes)}`);
  for (const l of result.lines) out.push(`line ${l}`);
  for (const row of log.slice(1)) out.push(`log ${JSON.stringify(row)}`);
  for (const plan of plans)
    for (const w of plan.sheets)
      for (const b of w.blocks)
        out.push(
          `block ${w.sheet} r${b.row} c${b.col} ${b.values.length}x${b.values[0]?.length ?? 0} ${JSON.stringify(b.formats ?? null)} create=${w.create ?? false}`,
        );
  return out.join('\n') + '\n';
}

describe('chooseCarriers golden comparison', () => {
  test('2,000 seeded random items rate exactly as the committed reference run did', async () => {
    const actual = await rateGoldenBook();
    if (process.env.GOLDEN_UPDATE) {
      fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
      fs.writeFileSync(FIXTURE, actual);
    }
    const expected = fs.readFileSync(FIXTURE, 'utf8').split('\n');
    const lines = actual.split('\n');
    // Line by line, so a failure names the first row that differs rather than dumping 2,000 rows.
    for (let i = 0; i < Math.max(lines.length, expected.length); i++)
      if (lines[i] !== expected[i])
        expect(`line ${i + 1}: ${lines[i]}`).toBe(`line ${i + 1}: ${expected[i]}`);
    // The book exercises what it is meant to: rated, unrated for several reasons, warnings.
    const text = expected.join('\n');
    for (const reason of [
      'no Zones row covers',
      'has no ship-postal-code',
      'held by Rules row',
      'has no Listings row',
      'has no weight',
      'is not a row of the Boxes sheet',
      'no service can carry it',
      'nothing to ship',
      'ships late',
      'no service can deliver by',
      '"Rated"',
      'signature',
    ])
      expect(text).toContain(reason);
  });

  test('the same book through the asynchronous plug-in path (the rate card behind getRates) rates the same', async () => {
    // Every order, multi-package ones included, goes through the awaited continuation instead of the
    // synchronous fast path; the written cells and the problems must not differ.
    const run = async (viaPlugin: boolean) => {
      const book = new MemoryWorkbook('golden', await goldenCarrierSheets(2000));
      const result = await chooseCarriers(
        book,
        { now: NOW },
        viaPlugin
          ? {
              plugin: (config) =>
                rateCardPlugin({ card: config.card, zones: config.zones, holidays: config.holidays }),
            }
          : {},
      );
      return {
        orders: (await book.read(['Orders'])).get('Orders'),
        problems: result.problems,
        stats: result.stats,
      };
    };
    const [direct, viaPlugin] = [await run(false), await run(true)];
    expect(viaPlugin.stats).toEqual(direct.stats);
    expect(viaPlugin.problems).toEqual(direct.problems);
    expect(viaPlugin.orders).toEqual(direct.orders);
  });
});
