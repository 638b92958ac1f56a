/**
 * `computeMd5`: lower-case hex MD5 of a Blob, streamed in chunks in a module Worker (one per
 * call, terminated on finish or abort), or on the main thread where Workers are missing (SSR,
 * Node, jsdom) or the Worker fails to start. Nothing here touches `Worker` at import time.
 */
import { FiledockError } from '../errors.js';
import { lazily } from '../lazy.js';
import { abortedError, DEFAULT_CHUNK_SIZE, hashBlobChunks } from './md5-stream.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

export interface Md5Options {
  /** Aborts the hash (terminating its Worker); the promise rejects with code `aborted`. */
  signal?: AbortSignal;
  onProgress?: (progress: { loaded: number; total: number }) => void;
  /** Bytes read per step. @default 8388608 (8 MiB) */
  chunkSize?: number;
  /** Hash in a Worker when the runtime has them; `false` forces the main thread. @default true */
  worker?: boolean;
  /**
   * Blobs of at most this many bytes are hashed on the calling thread: starting a Worker and
   * compiling hash-wasm in it takes longer than hashing them (~3 ms for 1 MiB), and would make a
   * batch of small files wait on their hashes rather than on their PUTs. @default 1048576 (1 MiB)
   */
  workerThreshold?: number;
}

/** See `Md5Options.workerThreshold`. */
export const WORKER_THRESHOLD = 1024 * 1024;

type Md5Hasher = Awaited<ReturnType<typeof import('./hasher.js')['createMD5']>>;

/**
 * Hashers of finished main-thread hashes, kept for the next one. Each `createMD5()` is a new
 * WebAssembly instance with its own memory, which the browser frees late: a batch of a few
 * hundred small files made one each and ran Chromium out of Wasm memory
 * (test/browser/engine/md5-worker.test.ts). At most this many wait; concurrent hashes beyond
 * them make their own.
 */
const IDLE_HASHERS = 4;
const loadHasher = lazily(() => import('./hasher.js'));
const idleHashers: Md5Hasher[] = [];

/** Hashes on the calling thread; hash-wasm is loaded on first use only. */
export async function computeMd5OnMainThread(
  blob: Blob,
  options: Md5Options = {},
): Promise<string> {
  const hasher = idleHashers.pop() ?? (await (await loadHasher()).createMD5());
  hasher.init();
  const digest = await hashBlobChunks(blob, hasher, {
    chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (loaded, total) => options.onProgress?.({ loaded, total }),
  });
  // Only a hasher that finished cleanly goes back: one abandoned mid-file is simply dropped.
  if (idleHashers.length < IDLE_HASHERS) idleHashers.push(hasher);
  return digest;
}

function startWorker(): Worker | undefined {
  try {
    return new Worker(new URL('./md5.worker.js', import.meta.url), { type: 'module' });
  } catch {
    return undefined; // e.g. a CSP forbidding workers
  }
}

export function computeMd5(blob: Blob, options: Md5Options = {}): Promise<string> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortedError());
  const small = blob.size <= (options.workerThreshold ?? WORKER_THRESHOLD);
  if (options.worker === false || small || typeof Worker === 'undefined')
    return computeMd5OnMainThread(blob, options);
  const worker = startWorker();
  if (!worker) return computeMd5OnMainThread(blob, options);

  return new Promise<string>((resolve, reject) => {
    let started = false;
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(abortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'ready') started = true;
      else if (reply.type === 'progress')
        options.onProgress?.({ loaded: reply.loaded, total: reply.total });
      else if (reply.type === 'done') {
        finish();
        resolve(reply.md5);
      } else {
        finish();
        reject(
          new FiledockError({
            code: 'network',
            message: `Could not read the file to compute its checksum: ${reply.message}`,
          }),
        );
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      // A Worker that never started (blocked, or its chunk failed to load) is not the file's
      // fault: hash on this thread instead.
      if (!started) computeMd5OnMainThread(blob, options).then(resolve, reject);
      else
        reject(
          new FiledockError({
            code: 'network',
            message: `The checksum worker failed: ${event.message}`,
          }),
        );
    });
    const request: WorkerRequest = { blob, chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE };
    worker.postMessage(request);
  });
}
