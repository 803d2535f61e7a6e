/** Saving a ship-confirmation file with the bytes Amazon expects: UTF-8, or CP932 (Shift-JIS) for Japan. */
import path from 'node:path';
import iconv from 'iconv-lite';
import type { ShipConfirmFile } from '../../core';
import { writeFileAtomic } from '../xlsx/atomicWrite';
import { InputFileError } from './readTableFile';

/** The file's bytes. A character CP932 cannot hold would turn into `?` silently, so it is refused instead. */
export function encodeShipConfirm(file: ShipConfirmFile, name = 'ship-confirm file'): Uint8Array {
  if (file.encoding !== 'cp932') return Buffer.from(file.text, 'utf8');
  const bytes = iconv.encode(file.text, 'cp932');
  const back = iconv.decode(bytes, 'cp932');
  if (back !== file.text) {
    const lines = file.text.split(file.lineEnding);
    const backLines = back.split(file.lineEnding);
    const i = lines.findIndex((l, n) => l !== backLines[n]);
    const bad = [...lines[i]].filter((c) => iconv.decode(iconv.encode(c, 'cp932'), 'cp932') !== c);
    throw new InputFileError(
      `${name}: line ${i + 1} holds ${bad.map((c) => JSON.stringify(c)).join(', ')}, which Shift-JIS (CP932) cannot encode; change it in the Orders sheet (carrier, service) or the Carrier Codes sheet and export again. Nothing was written.`,
    );
  }
  return bytes;
}

export async function writeShipConfirm(file: string, content: ShipConfirmFile): Promise<void> {
  await writeFileAtomic(file, encodeShipConfirm(content, path.basename(file)));
}
