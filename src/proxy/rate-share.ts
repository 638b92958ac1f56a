/**
 * Each user's share of the organisation's rate limit: a token bucket per (user, category), in
 * this process. Upstream counts 25 requests/s per organisation and category, so one user's burst
 * would otherwise starve everyone; the proxy answers 429 with Retry-After before upstream sees it.
 * Several instances each keep their own buckets (a user's share is then per instance).
 */
import { type Refusal, refuse } from './errors.js';
import type { RateCategory } from './services/types.js';

/** The 429 for a wait, with Retry-After in seconds (and milliseconds, which the SDKs read). */
export function rateLimited(waitMs: number): Refusal {
  return refuse(429, 'rate_limited', 'Too many requests; slow down.', {
    headers: {
      'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
      'retry-after-ms': String(waitMs),
    },
  });
}

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateShare {
  /**
   * Takes `cost` tokens when at least one is there (the bucket may go into debt, so a costly
   * call is allowed once and then paid for by waiting); returns the wait in ms when none is.
   */
  take(userId: string, category: RateCategory, cost?: number): number | undefined;
}

export function createRateShare(
  config: { perSecond: number; burst: number } | false,
  now: () => number = Date.now,
): RateShare {
  if (config === false) return { take: () => undefined };
  const buckets = new Map<string, Bucket>();
  const { perSecond, burst } = config;
  /** Drops buckets that have refilled: an idle user costs no memory. */
  const sweep = (t: number): void => {
    for (const [key, b] of buckets)
      if (b.tokens + ((t - b.at) / 1000) * perSecond >= burst) buckets.delete(key);
  };
  return {
    take(userId, category, cost = 1) {
      const key = `${category}\n${userId}`;
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: t };
      bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
      bucket.at = t;
      if (buckets.size > 10_000) sweep(t);
      if (bucket.tokens < 1) {
        buckets.set(key, bucket);
        return Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
      }
      bucket.tokens -= cost;
      buckets.set(key, bucket);
      return undefined;
    },
  };
}
