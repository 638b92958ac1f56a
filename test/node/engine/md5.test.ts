import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeMd5, computeMd5OnMainThread } from '../../../src/core/checksum/md5.js';

/** Deterministic pseudo-random bytes (xorshift32), so the digest is of non-trivial content. */
function bytes(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('computeMd5 (main-thread fallback: Node has no Worker)', () => {
  it('equals node:crypto on a few MiB, across chunk boundaries, with progress to the end', async () => {
    const data = bytes(5 * 1024 * 1024 + 123);
    const expected = createHash('md5').update(data).digest('hex');
    const progress: number[] = [];
    const md5 = await computeMd5(new Blob([data]), {
      chunkSize: 1024 * 1024,
      onProgress: ({ loaded }) => progress.push(loaded),
    });
    expect(md5).toBe(expected);
    expect(progress).toHaveLength(6);
    expect(progress.at(-1)).toBe(data.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('hashes empty and one-byte blobs', async () => {
    expect(await computeMd5OnMainThread(new Blob([]))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(await computeMd5OnMainThread(new Blob(['a']))).toBe('0cc175b9c0f1b6a831c399e269772661');
  });

  it('rejects with `aborted` when aborted before or during the hash', async () => {
    const before = new AbortController();
    before.abort();
    await expect(computeMd5(new Blob(['x']), { signal: before.signal })).rejects.toMatchObject({
      code: 'aborted',
    });

    const during = new AbortController();
    const promise = computeMd5(new Blob([bytes(4 * 1024 * 1024)]), {
      chunkSize: 256 * 1024,
      signal: during.signal,
      onProgress: ({ loaded }) => {
        if (loaded >= 1024 * 1024) during.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ code: 'aborted' });
  });
});
