/**
 * The engine's retry settings and its wording of the `aborted` error. The waiting itself is the
 * HTTP layer's (`http/backoff.ts`, `http/abort.ts`), used by the lazily loaded pipeline.
 */
import type { FiledockError } from '../errors.js';
import { abortedError } from '../http/abort.js';
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

export const uploadCancelled = (): FiledockError => abortedError('The upload was cancelled.');
