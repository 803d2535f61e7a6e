/**
 * Checks an .xlsx (a zip) before any XML parser sees it: the central directory's entry count, declared sizes
 * and compression ratios, then that each entry really inflates to no more than it declares. A zip bomb or a
 * lying header fails here in bounded time and memory, with a message naming the part.
 */
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { BulkLimits } from './bulkLimits';
import { BulkFileError, DEFAULT_LIMITS, mib } from './bulkLimits';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/**
 * The file's size, its last 64 KiB + 22 bytes (where the end-of-central-directory record must be: it may carry
 * a comment of up to 65,535 bytes) and the record's offset in them, or -1 when there is none.
 */
export async function endOfCentralDirectory(
  handle: fs.promises.FileHandle,
): Promise<{ size: number; tail: Buffer; eocd: number }> {
  const size = (await handle.stat()).size;
  const tailLength = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  for (let i = tailLength - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD) return { size, tail, eocd: i };
  return { size, tail, eocd: -1 };
}

export interface ZipSummary {
  readonly entries: readonly ZipEntry[];
  readonly totalUncompressed: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Read and check the central directory. Throws BulkFileError naming the file and what is wrong. */
export async function inspectZip(file: string, limits: BulkLimits = DEFAULT_LIMITS): Promise<ZipSummary> {
  const label = file.split(/[\\/]/).pop() ?? file;
  const fail = (why: string): never => {
    throw new BulkFileError(`${label} is not a safe .xlsx workbook: ${why}.`);
  };
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size, tail, eocd } = await endOfCentralDirectory(handle);
    if (eocd < 0) fail('the zip directory is missing (the file is truncated or not a zip)');
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocd - 20;
      if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR) fail('a ZIP64 directory locator is missing');
      const recordOffset = Number(tail.readBigUInt64LE(loc + 8));
      const record = Buffer.alloc(56);
      await handle.read(record, 0, 56, recordOffset);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) fail('the ZIP64 directory record is damaged');
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    if (count > limits.maxZipEntries)
      fail(`it has ${count} parts (limit ${limits.maxZipEntries}); a workbook has tens`);
    if (cdOffset + cdSize > size || cdSize > 64 * 1024 ** 2)
      fail('the zip directory points outside the file');
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let total = 0;
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) fail('the zip directory is damaged');
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      let uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      ({ compressedSize, uncompressedSize, localHeaderOffset } = zip64Sizes(extra, {
        compressedSize,
        uncompressedSize,
        localHeaderOffset,
      }));
      p += 46 + nameLength + extraLength + commentLength;
      if (method !== 0 && method !== 8) fail(`part ${name} uses compression method ${method}, not deflate`);
      if (uncompressedSize > limits.maxEntryBytes)
        fail(
          `part ${name} declares ${mib(uncompressedSize)} uncompressed (limit ${mib(limits.maxEntryBytes)})`,
        );
      if (
        uncompressedSize > 1024 ** 2 &&
        uncompressedSize / Math.max(compressedSize, 1) > limits.maxCompressionRatio
      )
        fail(
          `part ${name} inflates ${Math.round(uncompressedSize / Math.max(compressedSize, 1))}x ` +
            `(${mib(compressedSize)} to ${mib(uncompressedSize)}; limit ${limits.maxCompressionRatio}x): a zip bomb`,
        );
      total += uncompressedSize;
      if (total > limits.maxTotalBytes)
        fail(`its parts declare over ${mib(limits.maxTotalBytes)} uncompressed together`);
      entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    }
    return { entries, totalUncompressed: total };
  } finally {
    await handle.close();
  }
}

function zip64Sizes(
  extra: Buffer,
  sizes: { compressedSize: number; uncompressedSize: number; localHeaderOffset: number },
): { compressedSize: number; uncompressedSize: number; localHeaderOffset: number } {
  const out = { ...sizes };
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = () => {
        const v = Number(extra.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (out.uncompressedSize === 0xffffffff) out.uncompressedSize = next();
      if (out.compressedSize === 0xffffffff) out.compressedSize = next();
      if (out.localHeaderOffset === 0xffffffff) out.localHeaderOffset = next();
    }
    q += 4 + len;
  }
  return out;
}

/**
 * Inflate the entries a reader will parse and stop as soon as one yields more than it declared: a header
 * that lies about its size cannot make the XML parser chew through gigabytes.
 */
export async function verifyZipEntries(
  file: string,
  zip: ZipSummary,
  wanted: (name: string) => boolean = (n) => /\.xml$|\.rels$/i.test(n),
): Promise<void> {
  const label = file.split(/[\\/]/).pop() ?? file;
  const handle = await fs.promises.open(file, 'r');
  try {
    for (const entry of zip.entries) {
      if (!wanted(entry.name) || entry.compressedSize === 0) continue;
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, entry.localHeaderOffset);
      if (local.readUInt32LE(0) !== LOCAL)
        throw new BulkFileError(`${label} is damaged: part ${entry.name} is not where the directory says.`);
      const dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      const produced = await inflatedLength(file, dataStart, entry, entry.uncompressedSize + 1);
      if (produced > entry.uncompressedSize)
        throw new BulkFileError(
          `${label} is not a safe .xlsx workbook: part ${entry.name} inflates to more than the ${mib(entry.uncompressedSize)} it declares.`,
        );
    }
  } finally {
    await handle.close();
  }
}

/** Bytes an entry inflates to, counting no further than `stopAt`. */
function inflatedLength(file: string, start: number, entry: ZipEntry, stopAt: number): Promise<number> {
  if (entry.method === 0) return Promise.resolve(entry.compressedSize);
  return new Promise((resolve, reject) => {
    const input = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1 });
    const inflate = zlib.createInflateRaw();
    let produced = 0;
    let settled = false;
    const finish = (value: number | Error) => {
      if (settled) return;
      settled = true;
      input.destroy();
      inflate.destroy();
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced >= stopAt) finish(produced);
    });
    inflate.on('end', () => finish(produced));
    inflate.on('error', (e) =>
      finish(new BulkFileError(`part ${entry.name} is not valid deflate data: ${e.message}`)),
    );
    input.on('error', (e) => finish(e));
    input.pipe(inflate);
  });
}

/** The inflated bytes of one small entry (workbook.xml, rels), at most `maxBytes`. */
export async function readZipEntry(
  file: string,
  entry: ZipEntry,
  maxBytes = 16 * 1024 ** 2,
): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes)
    throw new BulkFileError(
      `part ${entry.name} is ${mib(entry.uncompressedSize)}, more than a workbook part needs.`,
    );
  const handle = await fs.promises.open(file, 'r');
  try {
    const local = Buffer.alloc(30);
    await handle.read(local, 0, 30, entry.localHeaderOffset);
    if (local.readUInt32LE(0) !== LOCAL) throw new BulkFileError(`part ${entry.name} is damaged.`);
    const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const data = Buffer.alloc(entry.compressedSize);
    await handle.read(data, 0, entry.compressedSize, start);
    if (entry.method === 0) return data;
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  } catch (e) {
    if (e instanceof BulkFileError) throw e;
    throw new BulkFileError(`part ${entry.name} could not be inflated: ${(e as Error).message}`);
  } finally {
    await handle.close();
  }
}

/**
 * One entry as a stream of its inflated bytes, which errors as soon as the entry yields more than it declares
 * (so a lying header costs no more than the size it claims).
 */
export function openZipEntry(file: string, entry: ZipEntry): Readable {
  const out = new PassThrough();
  const label = file.split(/[\\/]/).pop() ?? file;
  void (async () => {
    const handle = await fs.promises.open(file, 'r');
    let start: number;
    try {
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, entry.localHeaderOffset);
      if (local.readUInt32LE(0) !== LOCAL)
        throw new BulkFileError(`${label} is damaged: part ${entry.name} is not where the directory says.`);
      start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    } finally {
      await handle.close();
    }
    if (entry.compressedSize === 0) {
      out.end();
      return;
    }
    const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1 });
    const source = entry.method === 0 ? raw : raw.pipe(zlib.createInflateRaw());
    let produced = 0;
    const fail = (e: Error) => {
      raw.destroy();
      out.destroy(e);
    };
    raw.on('error', fail);
    source.on('error', (e: Error) =>
      fail(new BulkFileError(`${label}: part ${entry.name} is damaged (${e.message}).`)),
    );
    source.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        fail(
          new BulkFileError(
            `${label} is not a safe .xlsx workbook: part ${entry.name} inflates to more than the ${mib(entry.uncompressedSize)} it declares.`,
          ),
        );
        return;
      }
      if (!out.write(chunk)) {
        source.pause();
        out.once('drain', () => source.resume());
      }
    });
    source.on('end', () => out.end());
    out.on('close', () => raw.destroy());
  })().catch((e: Error) => out.destroy(e));
  return out;
}
