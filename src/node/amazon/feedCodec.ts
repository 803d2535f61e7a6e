/** The Feeds API's byte work on Node: the ship-confirm file's bytes (UTF-8 or CP932), report decoding, gunzip. */
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import type { FeedCodec } from '../../core';
import { encodeShipConfirm } from '../flatfiles/writeShipConfirm';

export const nodeFeedCodec: FeedCodec = {
  encode: (file) => encodeShipConfirm(file, 'the confirmation feed'),
  decode: (bytes, encoding) => {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  },
  gunzip: (bytes) => new Uint8Array(zlib.gunzipSync(bytes)),
};
