// The byte-level pieces of the streaming book import: the sheet scanner (any chunking, prefixes, multi-byte
// text, self-closing sheetData, rows without numbers), the indexOf cell parser against the regex one, the
// off-heap key table against a Map, and the shared strings buffer.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { SharedStrings } from '../../../src/node/xlsx/stream/bookParts';
import { KeyTable } from '../../../src/node/xlsx/stream/keyTable';
import { lastColumn, parseRow } from '../../../src/node/xlsx/stream/rowXml';
import type { SheetPiece } from '../../../src/node/xlsx/stream/sheetScan';
import { scanSheet } from '../../../src/node/xlsx/stream/sheetScan';
import { holdBackCut } from '../../../src/node/xlsx/stream/streamImport';

async function scan(bytes: Buffer, cuts: number[]): Promise<SheetPiece[]> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    if (p > at) chunks.push(bytes.subarray(at, p));
    at = Math.max(at, p);
  }
  const pieces: SheetPiece[] = [];
  for await (const p of scanSheet(Readable.from(chunks), 'test.xlsx')) pieces.push(p);
  return pieces;
}

const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'ü', '日', '😀', ' ', '&amp;', '&lt;c&gt;') });
const cellArb = fc.record({ text, withRef: fc.boolean(), empty: fc.boolean(), style: fc.nat(5) });
const rowArb = fc.record({ cells: fc.array(cellArb, { maxLength: 5 }), withNumber: fc.boolean() });

type RowSpec = {
  cells: { text: string; withRef: boolean; empty: boolean; style: number }[];
  withNumber: boolean;
};

function sheetXml(
  p: string,
  rows: RowSpec[],
): {
  xml: string;
  rowXml: string[];
  numbers: number[];
} {
  const rowXml: string[] = [];
  const numbers: number[] = [];
  let r = 0;
  rows.forEach((row, i) => {
    r = row.withNumber ? r + 1 + (i % 3) : r + 1;
    numbers.push(r);
    const cells = row.cells
      .map((c, j) => {
        const ref = c.withRef ? ` r="${String.fromCharCode(65 + j)}${r}"` : '';
        const s = c.style ? ` s="${c.style}"` : '';
        return c.empty
          ? `<${p}c${ref}${s}/>`
          : `<${p}c${ref}${s} t="inlineStr"><${p}is><${p}t>${c.text}</${p}t></${p}is></${p}c>`;
      })
      .join('');
    const open = row.withNumber ? `<${p}row r="${r}" spans="1:5">` : `<${p}row>`;
    rowXml.push(cells === '' && i % 2 === 0 ? `${open.slice(0, -1)}/>` : `${open}${cells}</${p}row>`);
  });
  const xml = `<?xml version="1.0"?><${p}worksheet><${p}dimension ref="A1"/><${p}sheetData>${rowXml.join('\n')}</${p}sheetData><${p}mergeCells count="0"/></${p}worksheet>`;
  return { xml, rowXml, numbers };
}

test('the scanner finds every row, its number and its bytes, however the XML is cut into chunks', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(rowArb, { maxLength: 12 }),
      fc.array(fc.nat(), { maxLength: 20 }),
      fc.constantFrom('', 'x:'),
      async (rows, cuts, p) => {
        const { xml, rowXml, numbers } = sheetXml(p, rows);
        const bytes = Buffer.from(xml, 'utf8');
        const pieces = await scan(bytes, cuts);
        const head = pieces[0];
        const tail = pieces[pieces.length - 1];
        expect(head.kind).toBe('head');
        expect(tail.kind).toBe('tail');
        if (head.kind !== 'head' || tail.kind !== 'tail') return;
        expect(head.xml.endsWith(`<${p}sheetData>`)).toBe(true);
        expect(bytes.subarray(0, head.end).toString()).toBe(head.xml);
        expect(tail.xml).toBe(`</${p}sheetData><${p}mergeCells count="0"/></${p}worksheet>`);
        expect(bytes.subarray(tail.start).toString()).toBe(tail.xml);
        const found = pieces.flatMap((x) => (x.kind === 'rows' ? x.rows : []));
        expect(found.map((x) => x.xml)).toEqual(rowXml);
        expect(found.map((x) => x.r)).toEqual(numbers);
        for (const x of found) expect(bytes.subarray(x.start, x.end).toString()).toBe(x.xml);
      },
    ),
    { numRuns: 200 },
  );
});

test('a self-closing sheetData is split into open and close; a sheet cut short is an error', async () => {
  const xml = Buffer.from('<worksheet><cols/><sheetData/><pageMargins/></worksheet>');
  const pieces = await scan(xml, [5, 17, 26]);
  expect(pieces).toEqual([
    { kind: 'head', xml: '<worksheet><cols/><sheetData>', end: 30 },
    { kind: 'tail', xml: '</sheetData><pageMargins/></worksheet>', start: 30, selfClosing: true },
  ]);
  await expect(scan(Buffer.from('<worksheet><sheetData><row r="1"><c r="A1">'), [])).rejects.toThrow(
    /not closed|ends inside/,
  );
  await expect(scan(Buffer.from('<worksheet></worksheet>'), [])).rejects.toThrow(/no <sheetData>/);
});

test('the indexOf cell parser finds the same cells as the regex one (prefixed rows use the regex)', () => {
  fc.assert(
    fc.property(rowArb, fc.integer({ min: 1, max: 6 }), (row, upTo) => {
      const plain = sheetXml('', [row]).rowXml[0];
      const prefixed = sheetXml('x:', [row]).rowXml[0];
      const a = parseRow(1, plain, upTo);
      const b = parseRow(1, prefixed, upTo);
      const strip = (s: string) => s.replace(/x:/g, '');
      expect(a.open).toBe(strip(b.open));
      expect(a.cells).toEqual(b.cells.map((c) => ({ ...c, xml: strip(c.xml), inner: strip(c.inner) })));
    }),
    { numRuns: 300 },
  );
});

test('the key table behaves as a Map of strings to integers', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'B', 'é', '\u0000', '𝄞', '1') }),
          fc.integer(),
        ),
        {
          maxLength: 400,
        },
      ),
      fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }),
      (sets, probes) => {
        const table = new KeyTable();
        const map = new Map<string, number>();
        for (const [k, v] of sets) {
          table.set(k, v);
          map.set(k, v);
        }
        expect(table.size).toBe(map.size);
        for (const k of [...map.keys(), ...probes]) expect(table.get(k)).toBe(map.get(k));
      },
    ),
  );
  const big = new KeyTable();
  for (let i = 0; i < 100_000; i++) big.set(`sku-${i}`, -i);
  expect(big.get('sku-99999')).toBe(-99999);
  expect(big.has('sku-100000')).toBe(false);
});

test('shared strings come back as pushed, any text', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'grapheme' })), (strings) => {
      const s = new SharedStrings();
      for (const x of strings) s.push(x);
      expect(s.length).toBe(strings.length);
      strings.forEach((x, i) => expect(s.get(i)).toBe(x));
      expect(s.get(strings.length)).toBeUndefined();
      expect(s.get(-1)).toBeUndefined();
    }),
  );
});

test('a row parsed from its first bytes gives the whole row’s first cells when the parse stopped past them; its last column read from bytes', async () => {
  await fc.assert(
    fc.asyncProperty(rowArb, fc.integer({ min: 1, max: 5 }), fc.nat(300), async (row, upTo, bytes) => {
      const { xml } = sheetXml('', [row]);
      const pieces = await scan(Buffer.from(xml, 'utf8'), []);
      const raw = pieces.flatMap((x) => (x.kind === 'rows' ? x.rows : []))[0];
      const whole = parseRow(raw.r, raw.xml, upTo);
      const fromHead = parseRow(raw.r, raw.head(bytes), upTo);
      if (fromHead.stopped || raw.end - raw.start <= bytes) expect(fromHead.cells).toEqual(whole.cells);
      expect(raw.lastColumn()).toBe(lastColumn(raw.xml));
    }),
    { numRuns: 300 },
  );
});

test('the shared-strings rewrite never holds back half of a surrogate pair (a seed found 𐀀 coming back as ��)', () => {
  // U+10000 is two UTF-16 units; a cut between them would encode each half alone as U+FFFD.
  const text = `${'a'.repeat(10)}\u{10000}${'b'.repeat(63)}`;
  expect(text.length - 64).toBe(11); // a plain cut lands between the two halves
  const cut = holdBackCut(text, 64);
  expect(cut).toBe(10);
  expect(Buffer.from(text.slice(0, cut)).toString() + Buffer.from(text.slice(cut)).toString()).toBe(text);
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.integer({ min: 1, max: 80 }), (s, n) => {
      const c = holdBackCut(s, n);
      expect(c).toBeGreaterThanOrEqual(Math.max(0, s.length - n - 1));
      expect(Buffer.from(s.slice(0, c)).toString() + Buffer.from(s.slice(c)).toString()).toBe(
        Buffer.from(s).toString(),
      );
    }),
    { seed: 5, numRuns: 2000 },
  );
});
