/**
 * Loads a module on first use and keeps it. filedock's network side (axios, the zod schemas, the
 * upload pipeline, MIME sniffing, the MD5 reader) is only needed once there is a request to make,
 * so it is split off with `import()` and an app's first paint ships without it.
 */
import { FiledockError } from './errors.js';

export function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      // A chunk that failed to load (offline, a new deploy) is tried again on the next call.
      pending = undefined;
      const detail = error instanceof Error ? error.message : String(error);
      throw new FiledockError({
        code: 'network',
        message: `Could not load part of filedock: ${detail}`,
        retryable: true,
        cause: error,
      });
    });
    return pending;
  };
}
