/**
 * `computeMd5`: lower-case hex MD5 of a Blob, streamed in chunks in a Worker (one per call,
 * terminated on finish or abort). Which Worker, in order:
 *
 *  1. the app's own copy, when it set one (`workerUrl`, `setMd5WorkerUrl`);
 *  2. `md5.worker.js` next to this module (`new URL(…, import.meta.url)`, which Vite, webpack,
 *     Rspack, Parcel and Next.js follow and emit);
 *  3. the same Worker inlined: its bundled code, shipped in this package, started from a Blob URL
 *     (needs `worker-src blob:` where a Content-Security-Policy is set). esbuild and Rollup emit
 *     no worker file, so there step 2 answers 404 and this one runs.
 *
 * A Worker that fails to start moves on to the next one, and the next files skip it. Only when
 * none starts, or the runtime has no `Worker` (SSR, Node, jsdom), does the hash run on the calling
 * thread, and in a page that is said once in the console. Nothing here touches `Worker` at import.
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
  /**
   * Where the app serves its own copy of `filedock/dist/core/checksum/md5.worker.js` (a
   * self-contained module script). Tried first; if it fails to start, the built-in chain follows.
   * @default the value given to `setMd5WorkerUrl`, else the file next to filedock's module
   * @example '/static/filedock-md5.worker.js'
   */
  workerUrl?: string | URL;
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

/** Hashes bytes already in memory on the calling thread; hash-wasm is loaded on first use only. */
export async function md5OfBytes(bytes: Uint8Array): Promise<string> {
  const hasher = idleHashers.pop() ?? (await (await loadHasher()).createMD5());
  hasher.init();
  hasher.update(bytes);
  const digest = hasher.digest('hex');
  if (idleHashers.length < IDLE_HASHERS) idleHashers.push(hasher);
  return digest;
}

/** Hashes on the calling thread; hash-wasm is loaded on first use only. */
export async function computeMd5OnMainThread(
  blob: Blob,
  options: Md5Options = {},
): Promise<string> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (blob.size <= chunkSize) {
    // One read: for a Blob this small, setting up a stream costs more than hashing its bytes.
    const bytes = new Uint8Array(await blob.arrayBuffer());
    if (options.signal?.aborted) throw abortedError();
    if (bytes.byteLength < blob.size) throw new Error('The file became shorter while it was read.');
    const digest = await md5OfBytes(bytes);
    options.onProgress?.({ loaded: bytes.byteLength, total: blob.size });
    return digest;
  }
  const hasher = idleHashers.pop() ?? (await (await loadHasher()).createMD5());
  hasher.init();
  const digest = await hashBlobChunks(blob, hasher, {
    chunkSize,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (loaded, total) => options.onProgress?.({ loaded, total }),
  });
  // Only a hasher that finished cleanly goes back: one abandoned mid-file is simply dropped.
  if (idleHashers.length < IDLE_HASHERS) idleHashers.push(hasher);
  return digest;
}

/** The Worker kinds of the chain, in the order they are tried. */
export type Md5WorkerKind = 'custom' | 'bundled' | 'inline';

let appWorkerUrl: string | URL | undefined;
/** Kinds that failed to start in this page: later hashes skip them (one 404, not one per file). */
const failed = new Set<string>();
const warned = new Set<string>();

/**
 * Sets where every later `computeMd5` (and so every upload) looks for the MD5 Worker first, for
 * apps whose bundler does not emit `md5.worker.js` and that would rather serve it themselves than
 * use the inline Worker (for instance under a CSP without `worker-src blob:`). `undefined` resets.
 * @example setMd5WorkerUrl('/static/filedock-md5.worker.js')
 */
export function setMd5WorkerUrl(url: string | URL | undefined): void {
  appWorkerUrl = url;
  failed.delete('custom');
}

/** Forgets which Workers failed and which warnings were given (tests start each case afresh). */
export function resetMd5Workers(): void {
  failed.clear();
  warned.clear();
}

function warnOnce(key: string, message: string): void {
  if (warned.has(key) || typeof console === 'undefined') return;
  warned.add(key);
  console.warn(`filedock: ${message}`);
}

const loadInline = lazily(() => import('./md5-worker-inline.js'));
let inlineUrl: string | undefined;

/** One Blob URL for the page's lifetime: 13 kB, which each inline Worker reads as it starts. */
async function inlineWorkerUrl(): Promise<string> {
  inlineUrl ??= URL.createObjectURL(
    new Blob([(await loadInline()).MD5_WORKER_SOURCE], { type: 'text/javascript' }),
  );
  return inlineUrl;
}

/**
 * Makes the Worker of one kind, or throws (a CSP refusing it, a URL the page cannot use). It is
 * synchronous so its listeners are attached before any event of the Worker can be dispatched.
 */
function makeWorker(kind: Md5WorkerKind, url: string | URL | undefined): Worker {
  if (kind === 'bundled')
    return new Worker(new URL('./md5.worker.js', import.meta.url), { type: 'module' });
  if (url === undefined) throw new Error('no URL');
  // The inline script is a classic one: nothing is left to import in it.
  return kind === 'custom' ? new Worker(url, { type: 'module' }) : new Worker(url);
}

type Attempt =
  | { started: true; digest: string }
  | { started: false; reason: string }
  | { started: true; error: Error };

/** Runs the hash in one Worker; `started: false` when it never said `ready` (try the next). */
function runInWorker(worker: Worker, blob: Blob, options: Md5Options): Promise<Attempt> {
  const { signal } = options;
  return new Promise<Attempt>((resolve, reject) => {
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
        resolve({ started: true, digest: reply.md5 });
      } else {
        finish();
        resolve({
          started: true,
          error: new FiledockError({
            code: 'network',
            message: `Could not read the file to compute its checksum: ${reply.message}`,
          }),
        });
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      // A Worker that never started (404, wrong MIME type, blocked) is not the file's fault.
      if (!started) resolve({ started: false, reason: event.message || 'it did not load' });
      else
        resolve({
          started: true,
          error: new FiledockError({
            code: 'network',
            message: `The checksum worker failed: ${event.message}`,
          }),
        });
    });
    const request: WorkerRequest = { blob, chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE };
    worker.postMessage(request);
  });
}

function onMainThread(blob: Blob, options: Md5Options, why: string): Promise<string> {
  // In a page this costs frames; in Node or SSR there is nothing to say.
  if (typeof document !== 'undefined')
    warnOnce(
      'main-thread',
      `MD5 runs on the main thread because ${why}. Large files will make the page stutter while they hash. See the README's "Bundlers" section.`,
    );
  return computeMd5OnMainThread(blob, options);
}

export async function computeMd5(blob: Blob, options: Md5Options = {}): Promise<string> {
  if (options.signal?.aborted) throw abortedError();
  const small = blob.size <= (options.workerThreshold ?? WORKER_THRESHOLD);
  if (options.worker === false || small) return computeMd5OnMainThread(blob, options);
  if (typeof Worker === 'undefined')
    return onMainThread(blob, options, 'this runtime has no Web Workers');

  const custom = options.workerUrl ?? appWorkerUrl;
  const kinds: Md5WorkerKind[] = custom ? ['custom', 'bundled', 'inline'] : ['bundled', 'inline'];
  const reasons: string[] = [];
  for (const kind of kinds) {
    // A per-call URL is tried even if the app-wide one failed; kinds that failed are skipped.
    if (failed.has(kind) && !(kind === 'custom' && options.workerUrl)) continue;
    let worker: Worker;
    try {
      const url = kind === 'inline' ? await inlineWorkerUrl() : custom;
      if (options.signal?.aborted) throw abortedError();
      worker = makeWorker(kind, url);
    } catch (error) {
      if (options.signal?.aborted) throw abortedError();
      failed.add(kind);
      reasons.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const attempt = await runInWorker(worker, blob, options);
    if ('digest' in attempt) return attempt.digest;
    if ('error' in attempt) throw attempt.error;
    failed.add(kind);
    reasons.push(`${kind}: ${attempt.reason}`);
    if (kind === 'custom')
      warnOnce(
        'custom',
        `the MD5 worker at ${String(custom)} did not start; using filedock's own.`,
      );
  }
  return onMainThread(
    blob,
    options,
    `no Worker could start (${reasons.join('; ') || 'all failed earlier'})`,
  );
}
