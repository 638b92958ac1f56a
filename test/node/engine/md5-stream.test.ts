import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMD5 } from '../../../src/core/checksum/hasher.js';
import { hashBlobChunks } from '../../../src/core/checksum/md5-stream.js';

const data = new Uint8Array(3 * 1024 * 1024 + 7).map((_, i) => (i * 31) % 251);
const expected = createHash('md5').update(data).digest('hex');

async function hasher() {
  const md5 = await createMD5();
  md5.init();
  return md5;
}

describe('hashBlobChunks', () => {
  it('streams where Blob.stream exists, with progress every chunkSize bytes and at the end', async () => {
    const progress: number[] = [];
    const digest = await hashBlobChunks(new Blob([data]), await hasher(), {
      chunkSize: 1024 * 1024,
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(digest).toBe(expected);
    expect(progress).toEqual([1, 2, 3].map((n) => n * 1024 * 1024).concat(data.length));
  });

  it('falls back to slices read ahead where Blob.stream is missing, with the same digest and progress', async () => {
    const blob = new Blob([data]);
    Object.defineProperty(blob, 'stream', { value: undefined });
    const progress: number[] = [];
    const digest = await hashBlobChunks(blob, await hasher(), {
      chunkSize: 1024 * 1024,
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(digest).toBe(expected);
    expect(progress).toEqual([1, 2, 3].map((n) => n * 1024 * 1024).concat(data.length));
  });

  it('with `byob`, falls back to a default reader where Blob streams are not byte streams', async () => {
    const blob = new Blob([data]);
    const modes: Array<string | undefined> = [];
    const plain = blob.stream.bind(blob);
    // A stream that refuses BYOB readers, as some engines' Blob streams do.
    Object.defineProperty(blob, 'stream', {
      value: () => {
        const stream = plain();
        const getReader = stream.getReader.bind(stream) as (options?: { mode?: 'byob' }) => unknown;
        Object.defineProperty(stream, 'getReader', {
          value: (options?: { mode?: 'byob' }) => {
            modes.push(options?.mode);
            if (options?.mode === 'byob') throw new TypeError('not a byte stream');
            return getReader(options);
          },
        });
        return stream;
      },
    });
    const progress: number[] = [];
    const digest = await hashBlobChunks(blob, await hasher(), {
      byob: true,
      chunkSize: 1024 * 1024,
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(digest).toBe(expected);
    expect(modes).toEqual(['byob', undefined]);
    expect(progress).toEqual([1, 2, 3].map((n) => n * 1024 * 1024).concat(data.length));
  });

  it('fails when the stream ends before the size the Blob claimed (the file shrank)', async () => {
    const short = new Blob([data.subarray(0, 1000)]);
    const lying = {
      size: 2000,
      stream: () => short.stream(),
      slice: short.slice.bind(short),
    } as unknown as Blob;
    await expect(hashBlobChunks(lying, await hasher())).rejects.toThrow(
      'The file became shorter while it was read.',
    );
  });
});
