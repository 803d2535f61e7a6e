/**
 * A new .xlsx written from an old one: parts copied as their stored (compressed) bytes, so charts, drawings,
 * images and other sheets come through byte-for-byte, and new parts deflated from a stream. No zip library
 * here does raw entry copies (yazl/archiver recompress; jszip holds every entry in memory), so this is the
 * ~150 lines of PKZIP it takes. ZIP64 is not written: a part or a file past 4 GiB is refused with a message.
 */
import type { FileHandle } from 'node:fs/promises';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { BulkFileError } from '../../bulk/bulkLimits';
import { endOfCentralDirectory } from '../../bulk/zipGuard';

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD = 0x06054b50;
const MAX32 = 0xffffffff;

/** One part of the source zip: its central-directory record and where its local header and data lie. */
export interface SourceEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** Bytes from the local header to the next part (header, data and any data descriptor). */
  readonly spanLength: number;
  readonly central: Buffer;
}

/** The central directory of a zip (already checked by zipGuard's inspectZip), with each part's span. */
export async function readSourceEntries(file: string): Promise<SourceEntry[]> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { tail, eocd } = await endOfCentralDirectory(handle);
    if (eocd < 0) throw new BulkFileError(`${file}: the zip directory is missing`);
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32)
      throw new BulkFileError(`${file} is a ZIP64 workbook (over 4 GiB): Shipsheet cannot rewrite it.`);
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const raw: Omit<SourceEntry, 'spanLength'>[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (cd.readUInt32LE(p) !== CENTRAL) throw new BulkFileError(`${file}: the zip directory is damaged`);
      const nameLength = cd.readUInt16LE(p + 28);
      const length = 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
      const flags = cd.readUInt16LE(p + 8);
      const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
      const entry = {
        name,
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        uncompressedSize: cd.readUInt32LE(p + 24),
        localHeaderOffset: cd.readUInt32LE(p + 42),
        central: Buffer.from(cd.subarray(p, p + length)),
      };
      if (
        entry.compressedSize === MAX32 ||
        entry.uncompressedSize === MAX32 ||
        entry.localHeaderOffset === MAX32
      )
        throw new BulkFileError(`${file}: part ${name} is a ZIP64 entry; Shipsheet cannot rewrite it.`);
      raw.push(entry);
      p += length;
    }
    const starts = [...raw.map((e) => e.localHeaderOffset), cdOffset].sort((a, b) => a - b);
    return raw.map((e) => {
      const next = starts.find((s) => s > e.localHeaderOffset) ?? cdOffset;
      return { ...e, spanLength: next - e.localHeaderOffset };
    });
  } finally {
    await handle.close();
  }
}

/** Writes a zip into an open file handle, part after part, then its directory. */
export class ZipRewriter {
  private position = 0;
  private readonly central: Buffer[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly out: FileHandle,
    private readonly label: string,
  ) {}

  private async append(data: Buffer): Promise<void> {
    this.pending.push(data);
    this.pendingBytes += data.length;
    if (this.pendingBytes >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.out.write(data, 0, data.length, this.position);
    this.position += data.length;
  }

  /** A part of the source copied as stored: local header, compressed data, descriptor, all unchanged. */
  async copy(source: FileHandle, entry: SourceEntry): Promise<void> {
    await this.flush();
    const offset = this.position;
    const head = Buffer.alloc(4);
    await source.read(head, 0, 4, entry.localHeaderOffset);
    if (head.readUInt32LE(0) !== LOCAL)
      throw new BulkFileError(
        `${this.label} is damaged: part ${entry.name} is not where the directory says.`,
      );
    const chunk = Buffer.alloc(Math.min(entry.spanLength, 1 << 20));
    for (let done = 0; done < entry.spanLength;) {
      const want = Math.min(chunk.length, entry.spanLength - done);
      const { bytesRead } = await source.read(chunk, 0, want, entry.localHeaderOffset + done);
      if (bytesRead <= 0) throw new BulkFileError(`${this.label} is truncated inside part ${entry.name}.`);
      await this.out.write(chunk, 0, bytesRead, this.position);
      this.position += bytesRead;
      done += bytesRead;
    }
    this.checkSize(this.position);
    const record = Buffer.from(entry.central);
    record.writeUInt32LE(offset, 42);
    this.central.push(record);
  }

  /** A new part, deflated from the chunks given (strings are UTF-8). */
  async add(name: string, chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<void> {
    await this.flush();
    const nameBytes = Buffer.from(name, 'utf8');
    const headerAt = this.position;
    const header = Buffer.alloc(30 + nameBytes.length);
    this.position += header.length;
    // Level 2, not zlib's default 6: 26 MB of sheet XML (50,000 rows) deflates in 0.77 s of CPU at level 6 and
    // 0.16 s at level 2, for 3.7 MB instead of 3.1 MB (sheet XML is repetitive); a million rows are ~600 MB of
    // XML. Excel, LibreOffice and exceljs read any level.
    const deflate = zlib.createDeflateRaw({ level: 2 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const drained = (async () => {
      for await (const out of deflate as AsyncIterable<Buffer>) {
        compressed += out.length;
        await this.append(out);
      }
    })();
    let failed: unknown = null;
    drained.catch((e: unknown) => (failed = e));
    for await (const c of chunks) {
      if (failed) break;
      const data = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
      if (data.length === 0) continue;
      crc = zlib.crc32(data, crc);
      size += data.length;
      if (!deflate.write(data))
        await new Promise<void>((resolve) => {
          const done = () => {
            deflate.off('drain', done);
            deflate.off('close', done);
            resolve();
          };
          deflate.on('drain', done);
          deflate.on('close', done);
        });
    }
    deflate.end();
    await drained;
    await this.flush();
    if (size >= MAX32 || compressed >= MAX32)
      throw new BulkFileError(
        `${this.label}: sheet part ${name} would be over 4 GiB of XML, more than Shipsheet writes into one .xlsx.`,
      );
    this.checkSize(this.position);
    const time = dosTime(new Date());
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(time.time, 10);
    header.writeUInt16LE(time.date, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressed, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    nameBytes.copy(header, 30);
    await this.out.write(header, 0, header.length, headerAt);
    const record = Buffer.alloc(46 + nameBytes.length);
    record.writeUInt32LE(CENTRAL, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(time.time, 12);
    record.writeUInt16LE(time.date, 14);
    record.writeUInt32LE(crc >>> 0, 16);
    record.writeUInt32LE(compressed, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    record.writeUInt32LE(headerAt, 42);
    nameBytes.copy(record, 46);
    this.central.push(record);
  }

  /** The central directory and its end record. */
  async finish(): Promise<void> {
    await this.flush();
    const cdOffset = this.position;
    let cdSize = 0;
    for (const r of this.central) {
      await this.append(r);
      cdSize += r.length;
    }
    if (this.central.length >= 0xffff) throw new BulkFileError(`${this.label}: too many parts to write.`);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(cdOffset, 16);
    await this.append(end);
    await this.flush();
    this.checkSize(this.position);
  }

  private checkSize(bytes: number): void {
    if (bytes >= MAX32)
      throw new BulkFileError(
        `${this.label} would be over 4 GiB, more than Shipsheet writes into one .xlsx.`,
      );
  }
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
