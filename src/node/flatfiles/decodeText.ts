/** File bytes to text in the encoding they were saved in (detected, or chosen by the user). */
import iconv from 'iconv-lite';
import type { TextEncodingName } from '../../core';
import { detectEncoding } from '../../core';

export function decodeText(bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
  const chosen = (encoding?.toLowerCase() as TextEncodingName | undefined) ?? detectEncoding(bytes);
  const name = chosen === 'shift_jis' ? 'cp932' : chosen;
  if (!iconv.encodingExists(name)) throw new Error(`unknown encoding ${encoding}`);
  let text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding: chosen };
}
