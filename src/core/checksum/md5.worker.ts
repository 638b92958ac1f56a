/**
 * The MD5 Worker: answers `ready` on start, then for one `hash` request `progress`…, then `done`
 * or `error`. The caller terminates it to abort. Bundlers emit it as a lazy chunk because it is
 * referenced with `new Worker(new URL('./md5.worker.js', import.meta.url), {type: 'module'})`.
 *
 * For a file of RELAY_THRESHOLD bytes or more it starts a second copy of itself, the reader, and
 * only hashes what the reader relays (md5-relay.ts), so reading and hashing run on two threads.
 * The reader is this Worker's child: terminating this Worker ends it too. Where a Worker cannot
 * start Workers (Safari before 15.5) or the reader does not start, this Worker reads the file
 * itself, as before.
 */
import { createMD5 } from './hasher.js';
import { hashFromRelay, relayBlob } from './md5-relay.js';
import { hashBlobChunks } from './md5-stream.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

// The project compiles against the DOM lib; these are the only worker-scope members used.
const scope = globalThis as unknown as {
  location: { href: string };
  Worker?: typeof Worker;
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};

/** 4 MiB: below it, the reader's start (a few ms) is not repaid; it starts while hash-wasm compiles. */
const RELAY_THRESHOLD = 4 * 1024 * 1024;

interface Reader {
  worker: Worker;
  port: MessagePort;
  /** Rejects if the reader fails after it started (an uncaught error in it). */
  failed: Promise<never>;
}

/** Starts the reader from this Worker's own script; resolves once it said `ready`, else undefined. */
function startReader(blob: Blob, type: WorkerType): Promise<Reader | undefined> {
  const Nested = scope.Worker;
  if (typeof Nested !== 'function') return Promise.resolve(undefined);
  let worker: Worker;
  try {
    worker = new Nested(scope.location.href, { type });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    let fail: (error: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    failed.catch(() => undefined); // rejected after the hash settled: nobody is waiting
    let started = false;
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      if (started || event.data.type !== 'ready') return;
      started = true;
      const channel = new MessageChannel();
      const request: WorkerRequest = { type: 'read', blob, port: channel.port1 };
      worker.postMessage(request, [channel.port1]);
      resolve({ worker, port: channel.port2, failed });
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (started) return fail(new Error(`the reader failed: ${event.message}`));
      worker.terminate();
      resolve(undefined);
    });
  });
}

async function hash(blob: Blob, chunkSize: number, workerType: WorkerType): Promise<WorkerReply> {
  const onProgress = (loaded: number, total: number): void =>
    scope.postMessage({ type: 'progress', loaded, total });
  // The reader starts while hash-wasm compiles.
  const starting = blob.size >= RELAY_THRESHOLD ? startReader(blob, workerType) : undefined;
  const hasher = await createMD5();
  hasher.init();
  const reader = await starting;
  if (!reader) {
    // One stream per Worker, so the faster BYOB read is safe here (see StreamHashOptions.byob).
    const md5 = await hashBlobChunks(blob, hasher, { chunkSize, byob: true, onProgress });
    return { type: 'done', md5, reader: false };
  }
  try {
    const md5 = await Promise.race([
      hashFromRelay(reader.port, hasher, { total: blob.size, chunkSize, onProgress }),
      reader.failed,
    ]);
    return { type: 'done', md5, reader: true };
  } finally {
    reader.worker.terminate();
  }
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'read') {
    void relayBlob(request.blob, request.port);
    return;
  }
  void (async () => {
    try {
      scope.postMessage(await hash(request.blob, request.chunkSize, request.workerType));
    } catch (error) {
      scope.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  })();
});
scope.postMessage({ type: 'ready' });
