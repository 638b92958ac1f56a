/**
 * How long to wait before trying again: the official SDKs' policy (base · 2ⁿ with jitter, or
 * what the server asked for). Used by the HTTP layer's retries and by the engine's step retries.
 */

/** Longest computed backoff between two attempts. */
export const MAX_BACKOFF_MS = 8_000;
/** Longest wait we accept from a `Retry-After`; past it we still retry, after this long. */
export const MAX_RETRY_AFTER_MS = 60_000;

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

/** The server's wait when it gave one, else the computed backoff; never more than `maxDelayMs`. */
export function retryDelay(
  retryIndex: number,
  retryAfterMs: number | undefined,
  baseDelayMs: number,
  random: () => number = Math.random,
  maxDelayMs: number = MAX_RETRY_AFTER_MS,
): number {
  const delay =
    retryAfterMs !== undefined ? retryAfterMs : backoffDelay(retryIndex, baseDelayMs, random);
  return Math.max(0, Math.min(delay, maxDelayMs));
}
