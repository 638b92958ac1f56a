/**
 * The retry policy of the official Lightfield SDKs: connection errors, 408, 409, 429 and 5xx are
 * retried up to `maxRetries` times, waiting 0.5 s · 2ⁿ with jitter, or what the server asked for.
 */
import { FiledockError } from '../errors.js';

/** Longest computed backoff between two attempts. */
export const MAX_BACKOFF_MS = 8_000;
/** Longest wait we accept from a `Retry-After`; past it we still retry, after this long. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
}

/** Statuses a retry may fix: request timeout, lock/idempotency conflict, rate limit, server side. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The wait before retry number `retryIndex + 1`: `base · 2^retryIndex`, capped, then scaled by a
 * jitter factor in (0.75, 1] so that clients failing together do not come back together.
 * `random` is a seam for tests (defaults to Math.random).
 */
export function backoffDelay(
  retryIndex: number,
  baseDelayMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(baseDelayMs * 2 ** retryIndex, MAX_BACKOFF_MS);
  return exponential * (1 - 0.25 * random());
}

/** The server's wait when it gave one (capped), else the computed backoff. */
export function retryDelay(
  retryIndex: number,
  retryAfterMs: number | undefined,
  baseDelayMs: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  return backoffDelay(retryIndex, baseDelayMs, random);
}

export function abortedError(cause?: unknown): FiledockError {
  return new FiledockError({ code: 'aborted', message: 'The request was aborted.', cause });
}

/** Resolves after `ms`, or rejects with code `aborted` as soon as the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortedError(signal.reason));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, fails for good, or retries run out. Only FiledockErrors with
 * `retryable: true` are retried; an abort (from the signal or the wait) ends it at once.
 */
export async function withRetries<T>(
  attempt: (attemptIndex: number) => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  onRetry?: (error: FiledockError, delayMs: number, retryIndex: number) => void,
): Promise<T> {
  for (let index = 0; ; index++) {
    if (signal?.aborted) throw abortedError(signal.reason);
    try {
      return await attempt(index);
    } catch (error) {
      const failure = error instanceof FiledockError ? error : unexpected(error);
      if (!failure.retryable || failure.code === 'aborted' || index >= policy.maxRetries)
        throw failure;
      const delayMs = retryDelay(index, failure.retryAfterMs, policy.baseDelayMs);
      onRetry?.(failure, delayMs, index);
      await sleep(delayMs, signal);
    }
  }
}

function unexpected(error: unknown): FiledockError {
  const message = error instanceof Error ? error.message : String(error);
  return new FiledockError({ code: 'network', message, cause: error });
}
