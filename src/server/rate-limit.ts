/**
 * Token buckets per (API key, category), as the API documents: 25 requests/s per category by
 * default, every answer carries X-RateLimit-Limit/Remaining/Reset, a refusal carries Retry-After.
 */
import { ApiError } from './errors.js';
import type { RateLimitConfig } from './options.js';

export type RateCategory = 'write' | 'read' | 'search';

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  /** When refused: how long until one token is back, in ms. */
  retryAfterMs?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: () => RateLimitConfig | false,
    private readonly now: () => number,
  ) {}

  /** Takes one token when `consume` is true; otherwise only reports the bucket's state. */
  check(key: string, category: RateCategory, consume = true): RateDecision {
    const config = this.config();
    const nowMs = this.now();
    if (config === false) {
      // Limiting off: still answer the documented headers, with a bucket that never drains.
      return { allowed: true, headers: this.headers(DISABLED_LIMIT, DISABLED_LIMIT, nowMs) };
    }
    const rate = config.perSecond;
    const id = `${category}\n${key}`;
    const bucket = this.buckets.get(id) ?? { tokens: rate, updatedAt: nowMs };
    bucket.tokens = Math.min(rate, bucket.tokens + ((nowMs - bucket.updatedAt) / 1000) * rate);
    bucket.updatedAt = nowMs;
    this.buckets.set(id, bucket);
    if (consume && bucket.tokens < 1) {
      const retryAfterMs = Math.ceil(((1 - bucket.tokens) / rate) * 1000);
      return {
        allowed: false,
        retryAfterMs,
        headers: this.headers(rate, bucket.tokens, nowMs, ((rate - bucket.tokens) / rate) * 1000),
      };
    }
    if (consume) bucket.tokens -= 1;
    return {
      allowed: true,
      headers: this.headers(rate, bucket.tokens, nowMs, ((rate - bucket.tokens) / rate) * 1000),
    };
  }

  reset(): void {
    this.buckets.clear();
  }

  private headers(
    limit: number,
    tokens: number,
    nowMs: number,
    msToFull = 0,
  ): Record<string, string> {
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, Math.floor(tokens))),
      'x-ratelimit-reset': String(Math.ceil((nowMs + msToFull) / 1000)),
    };
  }
}

/** What the headers report while limiting is switched off. */
const DISABLED_LIMIT = 1_000_000;

/**
 * Takes a token for this request: returns the rate-limit headers, or throws a 429 that carries
 * them plus Retry-After (whole seconds, at least 1) and Retry-After-Ms.
 */
export function admit(
  limiter: RateLimiter,
  token: string,
  category: RateCategory,
): Record<string, string> {
  const decision = limiter.check(token, category);
  if (decision.allowed) return decision.headers;
  const ms = decision.retryAfterMs ?? 1000;
  throw new ApiError(
    429,
    'rate_limited',
    `Too many ${category} requests; retry after ${ms} ms.`,
    undefined,
    {
      headers: {
        ...decision.headers,
        'retry-after': String(Math.max(1, Math.ceil(ms / 1000))),
        'retry-after-ms': String(ms),
      },
    },
  );
}
