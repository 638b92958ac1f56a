/**
 * The chain `computeMd5` walks to keep the MD5 off the main thread whatever the app's bundler did
 * with `md5.worker.js`: the app's own URL, the bundled file, the inline Worker (a Blob URL), and
 * only then the main thread, with one console warning. Real Workers in Chromium; the failures are
 * real too (a URL that does not serve a script, a missing constructor).
 */
import { md5 as md5OneShot } from 'hash-wasm';
import { bytes } from './bytes.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeMd5, resetMd5Workers, setMd5WorkerUrl } from '../../../src/core/checksum/md5.js';

const MiB = 1024 * 1024;
/** The Worker module as the dev server serves it: what an app that self-hosts the file points at. */
const SELF_HOSTED = new URL('../../../src/core/checksum/md5.worker.ts', import.meta.url).href;
/** A same-origin URL that serves no script (the dev server's 404 / HTML fallback). */
const MISSING = new URL('/filedock-no-such-dir/md5.worker.js', location.href).href;

/**
 * Records the URL of every Worker made, and whether it started (said `ready`). `breakBundled`
 * points the Worker filedock finds next to its module at a URL that serves no script, as an
 * esbuild or Rollup build does.
 */
function spyOnWorkers({ breakBundled = false } = {}) {
  const seen: Array<{ url: string; ready: boolean }> = [];
  const Original = globalThis.Worker;
  class SpyWorker extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      const href = String(url);
      const bundled = /md5\.worker\.(js|ts)/.test(href) && href !== SELF_HOSTED;
      const used = breakBundled && bundled ? MISSING : href;
      super(used, options);
      const record = { url: used, ready: false };
      seen.push(record);
      this.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
        if (event.data.type === 'ready') record.ready = true;
      });
    }
  }
  vi.stubGlobal('Worker', SpyWorker);
  return seen;
}

let warnings: unknown[][];
beforeEach(() => {
  resetMd5Workers();
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args);
  });
});
afterEach(() => {
  setMd5WorkerUrl(undefined);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  resetMd5Workers();
});

describe('computeMd5 finds a Worker wherever the bundler put (or lost) md5.worker.js', () => {
  it('uses the Worker next to its module when it loads', async () => {
    const data = bytes(3 * MiB);
    const workers = spyOnWorkers();
    expect(await computeMd5(new Blob([data]))).toBe(await md5OneShot(data));
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatchObject({ ready: true });
    expect(workers[0]!.url).toMatch(/md5\.worker/);
    expect(warnings).toEqual([]);
  });

  it('when md5.worker.js does not load (404), hashes in the inline Worker from a Blob URL, same digest, silently', async () => {
    const data = bytes(3 * MiB + 7, 5);
    const workers = spyOnWorkers({ breakBundled: true });
    expect(await computeMd5(new Blob([data]))).toBe(await md5OneShot(data));
    expect(workers.map((w) => [w.url.startsWith('blob:') ? 'blob:' : w.url, w.ready])).toEqual([
      [MISSING, false],
      ['blob:', true],
    ]);
    expect(warnings).toEqual([]);

    // The next file goes straight to the inline Worker: one failed request per page, not per file.
    const more = bytes(2 * MiB, 9);
    expect(await computeMd5(new Blob([more]))).toBe(await md5OneShot(more));
    expect(workers).toHaveLength(3);
    expect(workers[2]!.url).toMatch(/^blob:/);
  });

  it('the inline Worker reports progress and aborts like the other', async () => {
    spyOnWorkers({ breakBundled: true });
    const controller = new AbortController();
    const progress: number[] = [];
    const promise = computeMd5(new Blob([bytes(48 * MiB)]), {
      signal: controller.signal,
      chunkSize: 4 * MiB,
      onProgress: ({ loaded }) => {
        progress.push(loaded);
        if (loaded >= 8 * MiB) controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ code: 'aborted' });
    expect(progress[0]).toBe(4 * MiB);
  });

  it('honours a per-call workerUrl: that Worker runs first', async () => {
    const data = bytes(2 * MiB, 13);
    const workers = spyOnWorkers({ breakBundled: true });
    expect(await computeMd5(new Blob([data]), { workerUrl: SELF_HOSTED })).toBe(
      await md5OneShot(data),
    );
    expect(workers).toEqual([{ url: SELF_HOSTED, ready: true }]);
    expect(warnings).toEqual([]);
  });

  it('honours setMd5WorkerUrl for every later hash (what an upload uses)', async () => {
    setMd5WorkerUrl(SELF_HOSTED);
    const workers = spyOnWorkers({ breakBundled: true });
    for (const seed of [1, 2]) {
      const data = bytes(MiB + seed, seed);
      expect(await computeMd5(new Blob([data]))).toBe(await md5OneShot(data));
    }
    expect(workers).toEqual([
      { url: SELF_HOSTED, ready: true },
      { url: SELF_HOSTED, ready: true },
    ]);
  });

  it('a workerUrl that does not load falls through to filedock’s own Worker, with one warning', async () => {
    setMd5WorkerUrl(MISSING);
    const workers = spyOnWorkers();
    for (const seed of [4, 6]) {
      const data = bytes(MiB + seed, seed);
      expect(await computeMd5(new Blob([data]))).toBe(await md5OneShot(data));
    }
    expect(workers.map((w) => w.ready)).toEqual([false, true, true]);
    expect(workers[0]!.url).toBe(MISSING);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]![0])).toMatch(/did not start/);
  });

  it('without a Worker constructor, hashes on the main thread and says so exactly once', async () => {
    vi.stubGlobal('Worker', undefined);
    for (const seed of [7, 8, 9]) {
      const data = bytes(MiB + seed, seed);
      expect(await computeMd5(new Blob([data]))).toBe(await md5OneShot(data));
    }
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]![0])).toMatch(/main thread.*no Web Workers/);
  });

  it('when no Worker can start at all (every construction refused), main thread with one warning', async () => {
    class RefusedWorker {
      constructor() {
        throw new DOMException('Refused by Content-Security-Policy', 'SecurityError');
      }
    }
    vi.stubGlobal('Worker', RefusedWorker);
    for (const seed of [10, 11]) {
      const data = bytes(MiB + seed, seed);
      expect(await computeMd5(new Blob([data]))).toBe(await md5OneShot(data));
    }
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]![0])).toMatch(/no Worker could start.*bundled.*inline/);
  });

  it('files at or under the threshold hash on the calling thread without any warning', async () => {
    vi.stubGlobal('Worker', undefined);
    expect(await computeMd5(new Blob(['hello world']))).toBe('5eb63bbbe01eeed093cb22bb8f5acdc3');
    expect(warnings).toEqual([]);
  });
});
