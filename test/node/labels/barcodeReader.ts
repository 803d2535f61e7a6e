/**
 * Test helpers that read printed output back like a scanner: PDF pages to PNG with pdftoppm (poppler-utils),
 * then barcodes decoded from the pixels with zxing-wasm (its wasm file loaded from the package, no network).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let ready: Promise<unknown> | null = null;

function zxing(): Promise<unknown> {
  if (!ready) {
    const wasmBinary = fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    ready = Promise.resolve(
      prepareZXingModule({
        overrides: {
          wasmBinary: wasmBinary.buffer.slice(
            wasmBinary.byteOffset,
            wasmBinary.byteOffset + wasmBinary.byteLength,
          ),
        },
        fireImmediately: true,
      }),
    );
  }
  return ready;
}

/**
 * Render every page of a PDF to grey PNG files at a resolution (dpi); returns them in page order. `topPt` renders
 * only the top of each page (faster, for a barcode in the page header).
 */
export function renderPdf(pdf: string, dpi = 203, topPt?: number): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-pdf-'));
  const crop =
    topPt === undefined
      ? []
      : [
          '-x',
          '0',
          '-y',
          '0',
          '-W',
          String(Math.ceil(dpi * 8.5)),
          '-H',
          String(Math.ceil((topPt * dpi) / 72)),
        ];
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', ...crop, pdf, path.join(dir, 'page')]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}

export interface Scanned {
  readonly text: string;
  /** ]C0 plain Code 128, ]C1 GS1-128. */
  readonly symbology: string;
  readonly top: number;
}

/** The Code 128 barcodes on an image, top to bottom. */
export async function scanCode128(png: string): Promise<Scanned[]> {
  await zxing();
  const results = await readBarcodes(new Uint8Array(fs.readFileSync(png)), {
    formats: ['Code128'],
    maxNumberOfSymbols: 10,
    tryHarder: true,
    tryDownscale: false,
  });
  return results
    .filter((r) => r.isValid)
    .map((r) => ({
      text: r.text,
      symbology: r.symbologyIdentifier,
      top: Math.min(r.position.topLeft.y, r.position.topRight.y),
    }))
    .sort((a, b) => a.top - b.top);
}

/** Text of each page (pdftotext), to check what a page says. */
export function pdfText(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

/** Fonts a PDF uses, from pdffonts: name and whether embedded. */
export function pdfFonts(pdf: string): { name: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  return out.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
  });
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

export function pdfPageSize(pdf: string): string {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return /Page size:\s+([\d.]+ x [\d.]+)/.exec(info)?.[1] ?? '';
}
