/**
 * The fonts embedded in every PDF: Noto Sans JP (OFL, from the @embedpdf/fonts-jp package), which covers Latin
 * with accents (Almuñécar) as well as Japanese kana and kanji, so buyer names and addresses print as written.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface LabelFonts {
  readonly regular: Buffer;
  readonly bold: Buffer;
}

let cached: LabelFonts | null = null;

/** The folder of the font files (resolved through the package's entry point, its exports hide the rest). */
export function fontDir(): string {
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-jp')), '..', 'fonts');
}

/** Read once per process: fontkit parses the buffers for each document, the disk is read only here. */
export function labelFonts(): LabelFonts {
  if (cached) return cached;
  const dir = fontDir();
  cached = {
    regular: fs.readFileSync(path.join(dir, 'NotoSansJP-Regular.otf')),
    bold: fs.readFileSync(path.join(dir, 'NotoSansJP-Bold.otf')),
  };
  return cached;
}
