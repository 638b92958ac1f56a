import { md5 as md5OneShot } from 'hash-wasm';
import { bytes } from './bytes.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMD5 } from '../../../src/core/checksum/hasher.js';
import { computeMd5, resetMd5Workers } from '../../../src/core/checksum/md5.js';
import { hashBlobChunks } from '../../../src/core/checksum/md5-stream.js';

const MiB = 1024 * 1024;

/** Records the Workers computeMd5 makes, whether each started, and whether it was terminated. */
function spyOnWorkers() {
  const seen: Array<{ ready: boolean; terminated: boolean }> = [];
  const Original = globalThis.Worker;
  class SpyWorker extends Original {
    readonly record = { ready: false, terminated: false };
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      seen.push(this.record);
      this.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
        if (event.data.type === 'ready') this.record.ready = true;
      });
    }
    override terminate(): void {
      this.record.terminated = true;
      super.terminate();
    }
  }
  vi.stubGlobal('Worker', SpyWorker);
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
  // A test that breaks Workers must not make later ones skip them (see md5-worker-fallback.test.ts).
  resetMd5Workers();
});

describe('computeMd5 in a real Worker', () => {
  it('hashes a multi-MiB Blob in a Worker, equal to a one-shot digest, with progress, then terminates it', async () => {
    const data = bytes(24 * MiB + 5);
    const expected = await md5OneShot(data);
    const workers = spyOnWorkers();
    const progress: number[] = [];
    const digest = await computeMd5(new Blob([data]), {
      onProgress: ({ loaded }) => progress.push(loaded),
    });
    expect(digest).toBe(expected);
    expect(workers).toEqual([{ ready: true, terminated: true }]);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBe(data.length);
  });

  it('abort rejects with `aborted` and terminates the Worker', async () => {
    const workers = spyOnWorkers();
    const controller = new AbortController();
    const promise = computeMd5(new Blob([bytes(64 * MiB)]), {
      signal: controller.signal,
      chunkSize: 4 * MiB,
      onProgress: () => controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ code: 'aborted' });
    expect(workers).toEqual([{ ready: true, terminated: true }]);
  });

  it('reports no progress after an abort, even what the Worker had already sent', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent): void => {
      unhandled.push(event.reason);
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    const controller = new AbortController();
    const progress: number[] = [];
    // 64 KiB steps: the Worker posts progress far faster than the page handles it.
    const promise = computeMd5(new Blob([bytes(32 * MiB, 5)]), {
      signal: controller.signal,
      chunkSize: 64 * 1024,
      onProgress: ({ loaded }) => {
        progress.push(loaded);
        controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ code: 'aborted' });
    // A whole hash afterwards: any reply still queued from the aborted Worker is dispatched by then.
    const after = bytes(2 * MiB, 6);
    expect(await computeMd5(new Blob([after]))).toBe(await md5OneShot(after));
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(progress).toEqual([64 * 1024]);
    expect(unhandled).toEqual([]);
  });

  it('falls back to the main thread when no Worker can start', async () => {
    class BrokenWorker extends EventTarget {
      constructor() {
        super();
        queueMicrotask(() =>
          this.dispatchEvent(Object.assign(new Event('error'), { message: 'blocked' })),
        );
      }
      postMessage(): void {}
      terminate(): void {}
    }
    vi.stubGlobal('Worker', BrokenWorker);
    expect(await computeMd5(new Blob(['hello world']), { workerThreshold: 0 })).toBe(
      '5eb63bbbe01eeed093cb22bb8f5acdc3',
    );
  });

  it('hashes Blobs up to the threshold on the calling thread, without a Worker', async () => {
    const workers = spyOnWorkers();
    const data = bytes(64 * 1024);
    expect(await computeMd5(new Blob([data]), { workerThreshold: 64 * 1024 })).toBe(
      await md5OneShot(data),
    );
    expect(workers).toEqual([]);
    expect(await computeMd5(new Blob([data]), { workerThreshold: 64 * 1024 - 1 })).toBe(
      await md5OneShot(data),
    );
    expect(workers).toEqual([{ ready: true, terminated: true }]);
  });

  it('reads with a BYOB reader into one reused buffer, hashing exactly the bytes read, with progress', async () => {
    const data = bytes(5 * MiB + 3, 11);
    const modes: Array<string | undefined> = [];
    const getReader = ReadableStream.prototype.getReader;
    vi.spyOn(ReadableStream.prototype, 'getReader').mockImplementation(function (
      this: ReadableStream,
      options?: { mode?: 'byob' },
    ) {
      modes.push(options?.mode);
      return getReader.call(this, options as never);
    } as never);
    const hasher = await createMD5();
    hasher.init();
    const progress: number[] = [];
    const digest = await hashBlobChunks(new Blob([data]), hasher, {
      byob: true,
      chunkSize: 2 * MiB,
      onProgress: (loaded) => progress.push(loaded),
    });
    vi.restoreAllMocks();
    expect(modes).toEqual(['byob']);
    expect(digest).toBe(await md5OneShot(data));
    expect(progress).toEqual([2 * MiB, 4 * MiB, data.length]);
  });

  it('many concurrent hashes of in-memory Blobs, below and above the Worker threshold, all finish with the right digest', async () => {
    // Guards where the BYOB reader may run: several BYOB reads of Blob streams in one context
    // hung in Chromium, one per Worker never did. 160 Blobs made up front, 8 hashed at a time.
    const sizes = Array.from({ length: 160 }, (_, i) =>
      i % 8 === 7 ? MiB + 1 + ((i * 104729) % (2 * MiB)) : 1 + ((i * 7919) % (300 * 1024)),
    );
    const blobs = sizes.map((size, index) => ({
      data: bytes(size, index + 1),
      blob: new Blob([bytes(size, index + 1)]),
    }));
    let next = 0;
    const failures: string[] = [];
    const lane = async (): Promise<void> => {
      while (next < blobs.length) {
        const index = next++;
        const { data, blob } = blobs[index]!;
        const digest = await computeMd5(blob);
        if (digest !== (await md5OneShot(data))) failures.push(`blob ${index} (${data.length} B)`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, lane));
    expect(next).toBe(blobs.length);
    expect(failures).toEqual([]);
  });

  it('measures Worker MD5 throughput on 64 MiB', async () => {
    const blob = new Blob([bytes(64 * MiB)]);
    const timings: string[] = [];
    for (const chunkSize of [4 * MiB, 8 * MiB, 16 * MiB]) {
      const started = performance.now();
      const digest = await computeMd5(blob, { chunkSize });
      const seconds = (performance.now() - started) / 1000;
      expect(digest).toMatch(/^[a-f0-9]{32}$/);
      timings.push(`${chunkSize / MiB} MiB chunks: ${(64 / seconds).toFixed(0)} MiB/s`);
    }
    console.log(`[figure] worker MD5 of 64 MiB (worker start included): ${timings.join('; ')}`);
  });
});
