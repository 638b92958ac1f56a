/**
 * Backoff for transient failures, and abortable waits. The engine retries per step (the client
 * already retries API calls internally; the PUT to storage is only retried here).
 */
import { isFiledockError } from '../errors.js';
import { abortedError } from './retry.js';
import type { RetryOptions } from './types.js';

/** Network, timeout, 408, 429 and 5xx: whatever the transport marked retryable. */
export function isTransient(error: unknown): boolean {
  return isFiledockError(error) && error.retryable;
}

/**
 * The wait before retry `n` (0-based): the server's Retry-After when it sent one, else
 * `baseDelayMs · 2ⁿ` plus up to 25 % jitter (never less, so a test can bound it), capped.
 */
export function backoffDelay(
  n: number,
  error: unknown,
  retry: Required<RetryOptions>,
  random: () => number = Math.random,
): number {
  const asked = isFiledockError(error) ? error.retryAfterMs : undefined;
  const delay = asked !== undefined ? asked : retry.baseDelayMs * 2 ** n * (1 + 0.25 * random());
  return Math.min(Math.max(0, delay), retry.maxDelayMs);
}

/** Resolves after `ms`, or rejects with `aborted` as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortedError());
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits for `promise`, or rejects with `aborted` as soon as `signal` aborts. */
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
