import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { readBatches } from '../../../src/node/bulk/readBatches';
import { Utf8Check, incompleteTail } from '../../../src/node/bulk/utf8Check';

async function through(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks, { objectMode: false }),
    new Utf8Check(),
    new Writable({
      write(chunk: Buffer, _e, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(out);
}

/** `bytes` cut at the given offsets. */
const cut = (bytes: Buffer, at: number[]) => {
  const points = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(bytes.subarray(from, p));
    from = p;
  }
  parts.push(bytes.subarray(from));
  return parts.filter((p) => p.length > 0);
};

describe('Utf8Check', () => {
  test('finds a character left open at the end of a chunk', () => {
    const euro = Buffer.from('€'); // e2 82 ac
    const truck = Buffer.from('🚚'); // 4 bytes
    expect(incompleteTail(Buffer.from('abc'))).toBe(3);
    expect(incompleteTail(euro)).toBe(3);
    expect(incompleteTail(euro.subarray(0, 2))).toBe(0);
    expect(incompleteTail(Buffer.concat([Buffer.from('a'), truck.subarray(0, 3)]))).toBe(1);
    expect(incompleteTail(truck)).toBe(4);
  });

  test('passes valid UTF-8 through unchanged however the chunks cut its characters', async () => {
    const text = Buffer.from('sku,supplier\nA-1,Zürich – 東京 🚚\nB,Café\n');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 6 }), async (at) => {
        expect((await through(cut(text, at))).equals(text)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('fails on bytes that are not UTF-8, split or not, and on a character cut off at the end', async () => {
    const bad = Buffer.concat([Buffer.from('sku\nCaf'), Buffer.from([0xe9]), Buffer.from(' Crème\n')]);
    await expect(through([bad])).rejects.toThrow('INVALID_UTF8');
    await expect(through(cut(bad, [8]))).rejects.toThrow('INVALID_UTF8');
    await expect(through([Buffer.from('ok '), Buffer.from('€').subarray(0, 2)])).rejects.toThrow(
      'INVALID_UTF8',
    );
    await expect(through([Buffer.from([0xed, 0xa0, 0x80])])).rejects.toThrow('INVALID_UTF8'); // a lone surrogate
  });
});

describe('readBatches', () => {
  test('yields every object in order, in arrays', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ i }));
    const seen: number[] = [];
    let batches = 0;
    for await (const batch of readBatches<{ i: number }>(Readable.from(items), 1000)) {
      expect(batch.length).toBeLessThanOrEqual(1000);
      batches++;
      for (const x of batch) seen.push(x.i);
    }
    expect(seen).toEqual(items.map((x) => x.i));
    expect(batches).toBeGreaterThanOrEqual(10);
  });

  test('throws the stream error after the objects before it', async () => {
    const stream = new Readable({ objectMode: true, read() {} });
    stream.push({ i: 1 });
    setTimeout(() => stream.destroy(new Error('disk on fire')), 5);
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const batch of readBatches(stream)) seen.push(...batch);
      })(),
    ).rejects.toThrow('disk on fire');
    expect(seen).toEqual([{ i: 1 }]);
  });

  test('a stream closed before its end is an error, not a short file', async () => {
    const stream = new Readable({ objectMode: true, read() {} });
    stream.push({ i: 1 });
    setTimeout(() => stream.destroy(), 5);
    await expect(
      (async () => {
        for await (const batch of readBatches(stream)) void batch;
      })(),
    ).rejects.toThrow(/closed before its end/);
  });

  test('stopping early destroys the stream', async () => {
    const stream = Readable.from(Array.from({ length: 100 }, (_, i) => i));
    for await (const batch of readBatches(stream, 10)) {
      void batch;
      break;
    }
    expect(stream.destroyed).toBe(true);
  });
});
