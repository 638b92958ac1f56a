/**
 * The HTTP layer's retry loop: connection errors, timeouts, 408, 409, 429 and 5xx are retried up
 * to `maxRetries` times (what the transport marked `retryable`), honouring Retry-After.
 */
import { FiledockError } from '../errors.js';
import { abortedError, sleep } from './abort.js';
import { retryDelay } from './backoff.js';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
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
    if (signal?.aborted) throw abortedError(undefined, signal.reason);
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
