/**
 * Each user's share of the organisation's rate limit: a token bucket per (user, category), in
 * this process. Upstream counts 25 requests/s per organisation and category, so one user's burst
 * would otherwise starve everyone; the proxy answers 429 with Retry-After before upstream sees it.
 * Several instances each keep their own buckets (a user's share is then per instance).
 */
import type { RateCategory } from './services/types.js';

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateShare {
  /** Takes a token; returns the wait in ms when there is none. */
  take(userId: string, category: RateCategory): number | undefined;
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
    take(userId, category) {
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
      bucket.tokens -= 1;
      buckets.set(key, bucket);
      return undefined;
    },
  };
}
