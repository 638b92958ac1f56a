/**
 * When a signed download URL should be refreshed, and whether it may still be used.
 *
 * A URL is refreshed a little before it expires: 10% of its lifetime, at most 30 s. So a
 * 15-minute URL is refreshed 30 s early and a 2-second test URL 200 ms early. Times are the
 * server's `expiresAt` against the local clock; a badly skewed clock shortens or lengthens the
 * margin, and the expiry check below still hides a URL the local clock thinks is dead.
 */

/** Longest head start taken before `expiresAt`. */
export const URL_REFRESH_MAX_MARGIN_MS = 30_000;
/** Share of the URL's lifetime taken as head start, when that is shorter. */
export const URL_REFRESH_LIFETIME_SHARE = 0.1;

/** How often an overdue URL refresh is tried again. */
export const URL_RETRY_INTERVAL_MS = 1_000;

/** Epoch ms of `expiresAt`, or `undefined` when it does not parse. */
export function expiryTime(expiresAt: string): number | undefined {
  const time = Date.parse(expiresAt);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Epoch ms at which to fetch a fresh URL. `fetchedAt` is when the current one arrived
 * (React Query's `dataUpdatedAt`). `undefined` when the expiry is unknown.
 */
export function urlRefreshAt(expiresAt: string, fetchedAt: number): number | undefined {
  const expiry = expiryTime(expiresAt);
  if (expiry === undefined) return undefined;
  const lifetime = Math.max(0, expiry - fetchedAt);
  return expiry - Math.min(URL_REFRESH_MAX_MARGIN_MS, lifetime * URL_REFRESH_LIFETIME_SHARE);
}

/** A URL whose expiry does not parse is not hidden: the server is the judge then. */
export function isUrlExpired(expiresAt: string, now: number): boolean {
  const expiry = expiryTime(expiresAt);
  return expiry !== undefined && now >= expiry;
}
