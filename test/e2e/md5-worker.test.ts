/**
 * filedock's MD5 in each engine, on the browser's own Blobs and Workers: the Worker path (which
 * asks for a BYOB reader), the stream read with and without BYOB, and abort. Where an engine's
 * `Blob.stream()` is not a byte stream (WebKit: `getReader({ mode: 'byob' })` throws
 * "ReadableStreamBYOBReader needs a ReadableByteStreamController"), filedock reads the same
 * stream with a default reader instead: the digests must be the same either way, and equal to
 * node:crypto's over the same bytes.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytes } from '../browser/engine/bytes.js';
import { css } from './support/dom.js';
import { useE2e } from './support/harness.js';

const MiB = 1024 * 1024;

/** The bytes the page makes (xorshift32 over 32-bit words), made again in Node for the digest. */
function expectedMd5(size: number, seed: number): string {
  return createHash('md5').update(bytes(size, seed)).digest('hex');
}

/** Installs `window.__blob(size, seed)` in the page: the same bytes as `expectedMd5`. */
const BLOB_MAKER = () => {
  (window as unknown as { __blob: (size: number, seed: number) => Blob }).__blob = (size, seed) => {
    const words = new Uint32Array(Math.ceil(size / 4));
    let x = seed;
    for (let i = 0; i < words.length; i += 1) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      words[i] = x >>> 0;
    }
    return new Blob([new Uint8Array(words.buffer, 0, size)]);
  };
};

type Md5Window = Window & {
  __blob: (size: number, seed: number) => Blob;
  __md5: {
    computeMd5: typeof import('../../src/core/checksum/md5.js').computeMd5;
    hashBlobChunks: typeof import('../../src/core/checksum/md5-stream.js').hashBlobChunks;
    createMD5: typeof import('../../src/core/checksum/hasher.js').createMD5;
  };
};

describe('MD5 in the browser', () => {
  const e2e = useE2e();

  async function openMd5Page() {
    const tab = e2e.tab;
    await tab.goto(`${e2e.appUrl}/md5.html`);
    await tab.waitFor(css('[data-md5-ready="yes"]'), { what: 'the MD5 page' });
    await tab.evaluate(BLOB_MAKER);
    return tab;
  }

  it('hashes a multi-MiB Blob in a Worker, equal to node:crypto, with progress', async () => {
    const tab = await openMd5Page();
    const size = 24 * MiB + 5;
    const out = await tab.evaluate(async (n) => {
      const w = window as unknown as Md5Window;
      const progress: number[] = [];
      let workers = 0;
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          workers += 1;
        }
      };
      try {
        const md5 = await w.__md5.computeMd5(w.__blob(n, 7), {
          onProgress: ({ loaded }) => progress.push(loaded),
        });
        return { md5, workers, progress };
      } finally {
        window.Worker = Original;
      }
    }, size);
    expect(out.md5).toBe(expectedMd5(size, 7));
    expect(out.workers).toBe(1);
    expect(out.progress.length).toBeGreaterThanOrEqual(3);
    expect(out.progress.at(-1)).toBe(size);
  });

  it('reads the stream with BYOB where Blob streams are byte streams, else with a default reader: same digests', async () => {
    const tab = await openMd5Page();
    const size = 5 * MiB + 3;
    const out = await tab.evaluate(async (n) => {
      const w = window as unknown as Md5Window;
      const byteStreams = (() => {
        try {
          new Blob(['x']).stream().getReader({ mode: 'byob' }).releaseLock();
          return true;
        } catch {
          return false;
        }
      })();
      const modes: string[] = [];
      const getReader = ReadableStream.prototype.getReader;
      ReadableStream.prototype.getReader = function (this: ReadableStream, options?: never) {
        try {
          const reader = getReader.call(this, options);
          modes.push((options as { mode?: string } | undefined)?.mode ?? 'default');
          return reader;
        } catch (error) {
          modes.push(`${(options as { mode?: string } | undefined)?.mode} threw`);
          throw error;
        }
      } as typeof getReader;
      const digest = async (byob: boolean) => {
        const hasher = await w.__md5.createMD5();
        hasher.init();
        const progress: number[] = [];
        const md5 = await w.__md5.hashBlobChunks(w.__blob(n, 11), hasher, {
          byob,
          chunkSize: 2 * 1024 * 1024,
          onProgress: (loaded) => progress.push(loaded),
        });
        return { md5, progress };
      };
      try {
        const withByob = await digest(true);
        const byobModes = modes.splice(0);
        const without = await digest(false);
        return { byteStreams, withByob, byobModes, without, defaultModes: modes };
      } finally {
        ReadableStream.prototype.getReader = getReader;
      }
    }, size);
    const expected = expectedMd5(size, 11);
    expect(out.withByob.md5).toBe(expected);
    expect(out.without.md5).toBe(expected);
    for (const run of [out.withByob, out.without])
      expect(run.progress).toEqual([2 * MiB, 4 * MiB, size]);
    expect(out.defaultModes).toEqual(['default']);
    // The degraded path, proven where the engine needs it: BYOB asked for, refused, default used.
    expect(out.byobModes).toEqual(out.byteStreams ? ['byob'] : ['byob threw', 'default']);
    expect(out.byteStreams).toBe(e2e.engine !== 'webkit'); // WebKitGTK 2.50: not a byte stream
  });

  it('aborts a Worker hash with `aborted`', async () => {
    const tab = await openMd5Page();
    const code = await tab.evaluate(async () => {
      const w = window as unknown as Md5Window;
      const controller = new AbortController();
      try {
        await w.__md5.computeMd5(w.__blob(64 * 1024 * 1024, 3), {
          signal: controller.signal,
          chunkSize: 4 * 1024 * 1024,
          onProgress: () => controller.abort(),
        });
        return 'resolved';
      } catch (error) {
        return (error as { code?: string }).code ?? String(error);
      }
    });
    expect(code).toBe('aborted');
  });

  it('many concurrent hashes, below and above the Worker threshold, all right', async () => {
    const tab = await openMd5Page();
    const sizes = Array.from({ length: 48 }, (_, i) =>
      i % 8 === 7 ? MiB + 1 + ((i * 104729) % (2 * MiB)) : 1 + ((i * 7919) % (300 * 1024)),
    );
    const digests = await tab.evaluate(async (list) => {
      const w = window as unknown as Md5Window;
      const out: string[] = new Array(list.length);
      let next = 0;
      const lane = async () => {
        while (next < list.length) {
          const index = next++;
          out[index] = await w.__md5.computeMd5(w.__blob(list[index]!, index + 1));
        }
      };
      await Promise.all(Array.from({ length: 8 }, lane));
      return out;
    }, sizes);
    expect(digests).toEqual(sizes.map((size, index) => expectedMd5(size, index + 1)));
  });
});
