/**
 * The MD5 Worker: receives `{blob, chunkSize}`, posts `ready`, `progress`…, then `done` or
 * `error`. The caller terminates it to abort. Bundlers emit it as a lazy chunk because it is
 * referenced with `new Worker(new URL('./md5.worker.js', import.meta.url), {type: 'module'})`.
 */
import { createMD5 } from './hasher.js';
import { hashBlobChunks } from './md5-stream.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

// The project compiles against the DOM lib; these are the only worker-scope members used.
const scope = globalThis as unknown as {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};

scope.addEventListener('message', (event) => {
  const { blob, chunkSize } = event.data;
  void (async () => {
    try {
      const hasher = await createMD5();
      hasher.init();
      const md5 = await hashBlobChunks(blob, hasher, {
        chunkSize,
        // One stream per Worker, so the faster BYOB read is safe here (see StreamHashOptions.byob).
        byob: true,
        onProgress: (loaded, total) => scope.postMessage({ type: 'progress', loaded, total }),
      });
      scope.postMessage({ type: 'done', md5 });
    } catch (error) {
      scope.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  })();
});
scope.postMessage({ type: 'ready' });
