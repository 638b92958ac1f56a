/**
 * Abortable waiting, shared by the HTTP layer, the upload engine and the MD5 reader: one `aborted`
 * error, one `sleep`, one way to stop waiting on a promise. No axios, no zod: the engine's eager
 * half imports it.
 */
import { FiledockError } from '../errors.js';

export function abortedError(message = 'The request was aborted.', cause?: unknown): FiledockError {
  return new FiledockError({ code: 'aborted', message, cause });
}

/** Resolves after `ms`, or rejects with code `aborted` as soon as the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortedError(undefined, signal.reason));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError(undefined, signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits for `promise`, or rejects with code `aborted` as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
