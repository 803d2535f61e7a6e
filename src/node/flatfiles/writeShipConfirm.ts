/** Saving a ship-confirmation file with the bytes Amazon expects: UTF-8, or CP932 (Shift-JIS) for Japan. */
import iconv from 'iconv-lite';
import type { ShipConfirmFile } from '../../core';
import { writeFileAtomic } from '../xlsx/atomicWrite';

export function encodeShipConfirm(file: ShipConfirmFile): Uint8Array {
  if (file.encoding === 'cp932') return iconv.encode(file.text, 'cp932');
  return Buffer.from(file.text, 'utf8');
}

export async function writeShipConfirm(path: string, file: ShipConfirmFile): Promise<void> {
  await writeFileAtomic(path, encodeShipConfirm(file));
}
