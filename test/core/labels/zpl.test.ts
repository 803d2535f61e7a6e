import fc from 'fast-check';
import type { LayoutPage } from '../../../src/core';
import {
  escapeFieldData,
  pageToZpl,
  sampleLabelProvider,
  shippingLabelLayout,
  SAMPLE_BANNER,
} from '../../../src/core';

/** Split a ZPL format into commands (^XX or ~XX and their parameters), as a printer reads it. */
function commands(zpl: string): { cmd: string; args: string }[] {
  return zpl
    .split(/(?=[\^~])/)
    .map((c) => c.replace(/\n$/, ''))
    .filter((c) => c.length > 0)
    .map((c) => ({ cmd: c.slice(0, 3), args: c.slice(3) }));
}

/** Undo ^FH hex escapes (indicator _) and read the bytes as UTF-8 (^CI28). */
function unescapeFh(data: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i++) {
    if (data[i] === '_') {
      bytes.push(parseInt(data.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(data.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Fields of a format: each ^FO … ^FS group with its commands and decoded data. */
function fields(zpl: string) {
  const out: { origin: [number, number]; cmds: string[]; data: string; barcode: string | null }[] = [];
  let current: (typeof out)[number] | null = null;
  let fh = false;
  for (const { cmd, args } of commands(zpl)) {
    if (cmd === '^FO') {
      const [x, y] = args.split(',').map(Number);
      current = { origin: [x, y], cmds: [], data: '', barcode: null };
      fh = false;
      continue;
    }
    if (!current) continue;
    current.cmds.push(cmd);
    if (cmd === '^FH') fh = true;
    if (cmd === '^BC') current.barcode = args;
    if (cmd === '^FD') current.data = fh ? unescapeFh(args) : args;
    if (cmd === '^FS') {
      out.push(current);
      current = null;
    }
  }
  return out;
}

const from = {
  name: 'Sample Seller LLC',
  line1: '100 Warehouse Way',
  city: 'Reno',
  state: 'NV',
  postalCode: '89502',
  country: 'US',
};

describe('ZPL', () => {
  test('escapes ^, ~, _ and non-ASCII as ^FH hex, keeps plain ASCII', () => {
    expect(escapeFieldData('ACME^XZ~JA_1')).toBe('ACME_5EXZ_7EJA_5F1');
    expect(escapeFieldData('Almuñécar')).toBe('Almu_C3_B1_C3_A9car');
    expect(escapeFieldData('東')).toBe('_E6_9D_B1');
  });

  test('escaped data never holds a command character and decodes back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const e = escapeFieldData(text);
        expect(e).not.toMatch(/[\^~]/);
        expect(unescapeFh(e)).toBe(text);
      }),
    );
  });

  test('a sample label is a 4x6 203 dpi format, checked field by field', async () => {
    const provider = sampleLabelProvider();
    const bought = await provider.buyLabel!(
      {
        idempotencyKey: '112-1-1#1',
        format: 'ZPL',
        rate: {
          provider: 'sample',
          carrier: 'USPS',
          service: 'Ground Advantage',
          price: { minor: 512, currency: 'USD' },
        },
        rateRequest: {
          orderId: '112-0000001-0000001',
          items: [],
          shipFrom: from,
          shipTo: {
            name: 'Ana ^XZ Núñez ~JA',
            line1: '1 Main St',
            city: 'Boston',
            state: 'MA',
            postalCode: '02116',
            country: 'US',
          },
          parcel: { packageId: '112-0000001-0000001-1', weightOz: 9, lengthIn: 8, widthIn: 6, heightIn: 4 },
          shipDate: '2026-12-01',
        },
      },
      { send: async () => Promise.reject(new Error('offline')) },
    );
    if (!bought.ok) throw new Error(bought.error.message);
    const zpl = bought.value.data as string;
    const cmds = commands(zpl);
    expect(cmds[0].cmd).toBe('^XA');
    expect(cmds.at(-1)?.cmd).toBe('^XZ');
    expect(cmds.filter((c) => c.cmd === '^XA')).toHaveLength(1);
    expect(cmds.find((c) => c.cmd === '^PW')?.args).toBe('812');
    expect(cmds.find((c) => c.cmd === '^LL')?.args).toBe('1218');
    expect(cmds.find((c) => c.cmd === '^CI')?.args).toBe('28');
    const f = fields(zpl);
    for (const field of f) {
      expect(field.origin[0]).toBeGreaterThanOrEqual(0);
      expect(field.origin[0]).toBeLessThan(812);
      expect(field.origin[1]).toBeLessThan(1218);
      if (field.cmds.includes('^FD')) expect(field.cmds).toContain('^FH');
    }
    const texts = f.filter((x) => x.cmds.includes('^A0')).map((x) => x.data);
    expect(texts.filter((t) => t === SAMPLE_BANNER)).toHaveLength(2);
    expect(texts).toContain('Ana ^XZ Núñez ~JA');
    expect(texts).toContain('BOSTON MA 02116');
    expect(texts).toContain('USPS GROUND ADVANTAGE');
    expect(texts).toContain('9 OZ');
    const barcodes = f.filter((x) => x.barcode !== null);
    expect(barcodes.map((b) => [b.barcode?.split(',').at(-1), b.data])).toEqual([
      ['D', '(420)02116'],
      ['A', bought.value.trackingNumber],
    ]);
    // The buyer's ^XZ is data, not the end of the format.
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
  });

  test('every page element becomes a field inside the label', () => {
    const page: LayoutPage = shippingLabelLayout({
      shipFrom: from,
      shipTo: from,
      carrier: 'UPS',
      service: 'Ground',
      trackingNumber: '1Z5R89390357567127',
      weightOz: 20,
      shipDate: '2026-12-01',
      reference: 'r',
      sample: true,
    }).page;
    const lines = page.elements.reduce((n, e) => n + (e.kind === 'text' ? e.lines.length : 1), 0);
    expect(fields(pageToZpl(page))).toHaveLength(lines);
  });
});
