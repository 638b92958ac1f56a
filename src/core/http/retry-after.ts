/**
 * How long a server asked us to wait before trying again.
 *
 * `Retry-After-Ms` (milliseconds, a Lightfield/Stainless extension) is more precise than
 * `Retry-After` (whole seconds or an HTTP-date, RFC 9110 §10.2.3), so it wins when both are sent.
 */

/** Reads one response header by (case-insensitive) name. */
export type HeaderGetter = (name: string) => string | undefined;

/**
 * Milliseconds to wait, or `undefined` when neither header is present or parseable.
 * A date in the past reads as 0 (retry now), never as a negative wait.
 */
export function parseRetryAfter(
  getHeader: HeaderGetter,
  now: number = Date.now(),
): number | undefined {
  const ms = parseNonNegativeNumber(getHeader('retry-after-ms'));
  if (ms !== undefined) return ms;

  const raw = getHeader('retry-after')?.trim();
  if (!raw) return undefined;
  const seconds = parseNonNegativeNumber(raw);
  if (seconds !== undefined) return seconds * 1000;
  // An HTTP-date always names a weekday and a month, so plain numbers never reach Date.parse
  // (which would read "12" as a year).
  if (!/[a-z]/i.test(raw)) return undefined;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function parseNonNegativeNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Builds a getter over axios' response headers (an AxiosHeaders or a plain object). */
export function headerGetter(headers: unknown): HeaderGetter {
  if (!headers || typeof headers !== 'object') return () => undefined;
  const get = (headers as { get?: (name: string) => unknown }).get;
  if (typeof get === 'function') {
    return (name) => stringOf(get.call(headers, name));
  }
  const record = headers as Record<string, unknown>;
  const byLower = new Map(Object.keys(record).map((key) => [key.toLowerCase(), record[key]]));
  return (name) => stringOf(byLower.get(name.toLowerCase()));
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}
