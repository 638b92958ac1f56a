/**
 * The engine's retry settings and its `aborted` error. The waiting itself is in `backoff.ts`,
 * which only the (lazily loaded) pipeline needs.
 */
import { FiledockError } from '../errors.js';
import type { RetryOptions } from './types.js';

export const DEFAULT_RETRY: Required<RetryOptions> = {
  attempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

export function resolveRetry(options: RetryOptions | undefined): Required<RetryOptions> {
  return {
    attempts: Math.max(1, Math.floor(options?.attempts ?? DEFAULT_RETRY.attempts)),
    baseDelayMs: Math.max(0, options?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: Math.max(0, options?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs),
  };
}

export function abortedError(message = 'The upload was cancelled.'): FiledockError {
  return new FiledockError({ code: 'aborted', message });
}
