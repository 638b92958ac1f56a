/**
 * The chaos run's fault script, spread over each route's request stream with seeded gaps so that
 * about one request in five is hit: 5xx, 429 with Retry-After: 1, PUTs dropped mid-body,
 * throttled PUTs, and sessions forced to EXPIRED at PUT or complete time.
 */
import { prng } from './sources.js';

type Fault = Record<string, unknown> & { route: string };

/** `count` faults of one kind on `route`, the k-th armed to hit roughly request k·spacing. */
function spread(
  route: string,
  count: number,
  spacing: number,
  make: (i: number) => Record<string, unknown>,
  random: () => number,
): Fault[] {
  return Array.from({ length: count }, (_, i) => ({
    route,
    after: Math.floor(i * spacing + random() * spacing),
    ...make(i),
  }));
}

export function buildChaosFaults(seed: number): Fault[] {
  const random = prng(seed);
  return [
    ...spread('create', 24, 8, () => ({ status: 503 }), random),
    ...spread('create', 8, 24, () => ({ status: 429, retryAfter: 1 }), random),
    ...spread('create', 6, 30, () => ({ status: 500 }), random),
    ...spread('put', 18, 12, () => ({ status: 503 }), random),
    ...spread('put', 26, 9, (i) => ({ dropAfterBytes: 1 + (i % 4) * 40_000 }), random),
    ...spread('put', 8, 25, () => ({ throttleBytesPerSecond: 4 * 1024 * 1024 }), random),
    ...spread('put', 10, 20, () => ({ expire: true }), random),
    ...spread('put', 5, 40, () => ({ status: 429, retryAfter: 1 }), random),
    ...spread('complete', 18, 11, () => ({ status: 502 }), random),
    ...spread('complete', 5, 40, () => ({ status: 429, retryAfter: 1 }), random),
    ...spread('complete', 6, 33, () => ({ expire: true }), random),
    // Refusals no retry can fix: these uploads must end visibly failed with their session CANCELLED.
    ...spread('put', 4, 60, () => ({ status: 403 }), random),
    ...spread('cancel', 3, 2, () => ({ status: 503 }), random),
  ];
}
