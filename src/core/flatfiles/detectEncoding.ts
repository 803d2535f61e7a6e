/** Which text encoding a file's bytes are in: the BOM, else valid UTF-8, else a guess between Shift-JIS and Windows-1252. */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'shift_jis';

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (looksLikeUtf16Le(bytes)) return 'utf-16le';
  if (isValidUtf8(bytes)) return 'utf-8';
  return shiftJisScore(bytes) > 0.6 ? 'shift_jis' : 'windows-1252';
}

/** Binary files (images, zips, PDFs) hold NUL bytes that no text report has. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (
    looksLikeUtf16Le(bytes) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  )
    return false;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** A zip container (xlsx, xlsm) starts with PK\x03\x04. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

function looksLikeUtf16Le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros / (n / 2) > 0.8;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    if (i + need > bytes.length - 1) return false;
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    i += need + 1;
  }
  return true;
}

/**
 * How much the bytes look like Shift-JIS Japanese: every high byte must form a valid Shift-JIS character, and
 * most of them must sit in runs of two or more double-byte characters (Japanese words), where Windows-1252's
 * accented letters stand alone between ASCII letters (`Köln`, `François`).
 */
function shiftJisScore(bytes: Uint8Array): number {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  const closeRun = () => {
    if (run >= 4) inRuns += run;
    run = 0;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) {
      closeRun();
      continue;
    }
    if (b >= 0xa1 && b <= 0xdf) {
      high++;
      run++;
      continue;
    }
    const t = bytes[i + 1];
    const lead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
    const trail = t !== undefined && ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfc));
    if (!lead || !trail) return 0;
    high += 2;
    run += 2;
    i++;
  }
  closeRun();
  return high === 0 ? 0 : inRuns / high;
}
