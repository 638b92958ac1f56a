import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/core/checksum/hasher.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/checksum/hasher.js')>();
  return {
    createMD5: async () => {
      created.count += 1;
      return real.createMD5();
    },
  };
});

const { computeMd5OnMainThread } = await import('../../../src/core/checksum/md5.js');

const md5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');
const sample = (n: number) => new Uint8Array(1000 + n * 37).map((_, i) => (i * (n + 3)) % 251);

describe('computeMd5OnMainThread', () => {
  it('reuses finished hashers instead of instantiating hash-wasm for every file, with the right digests', async () => {
    // Sequential: one instance serves them all.
    for (let n = 0; n < 20; n += 1)
      expect(await computeMd5OnMainThread(new Blob([sample(n)]))).toBe(md5(sample(n)));
    expect(created.count).toBe(1);
    // Blobs read in one piece hash synchronously once read: even at once, one instance serves.
    const together = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((n) => computeMd5OnMainThread(new Blob([sample(50 + n)]))),
    );
    expect(together).toEqual([0, 1, 2, 3, 4, 5].map((n) => md5(sample(50 + n))));
    expect(created.count).toBe(1);
    // Streamed ones (larger than a chunk) hold theirs while they read: six at once need six;
    // afterwards at most four wait, and later files reuse them.
    const streamed = { chunkSize: 512 };
    const batch = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((n) => computeMd5OnMainThread(new Blob([sample(100 + n)]), streamed)),
    );
    expect(batch).toEqual([0, 1, 2, 3, 4, 5].map((n) => md5(sample(100 + n))));
    expect(created.count).toBe(6);
    for (let n = 0; n < 10; n += 1)
      expect(await computeMd5OnMainThread(new Blob([sample(200 + n)]), streamed)).toBe(
        md5(sample(200 + n)),
      );
    const concurrentAfter = await Promise.all(
      [0, 1, 2, 3].map((n) => computeMd5OnMainThread(new Blob([sample(300 + n)]), streamed)),
    );
    expect(concurrentAfter).toEqual([0, 1, 2, 3].map((n) => md5(sample(300 + n))));
    expect(created.count).toBe(6);
  });
});
