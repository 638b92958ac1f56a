/**
 * CORS and CSRF. Off by default: the proxy answers its own origin only. When configured, only
 * exact origins are echoed (never `*`), always with `Vary: Origin`. State-changing requests
 * (POST, DELETE) that a browser marks as coming from another site are refused unless that origin
 * is allowed: the proxy acts with the organisation's key, so a forged form post must not reach it.
 */
import type { ProxyConfig } from './config.js';
import { type Refusal, refuse } from './errors.js';

/** Headers a browser may send to the proxy. Their values are never forwarded (headers are rebuilt). */
const BASE_ALLOW_HEADERS = ['content-type', 'idempotency-key', 'lightfield-version'];

/** Answer headers browsers may let scripts read: the client honours rate limits and Retry-After. */
const EXPOSE_HEADERS = [
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
  'retry-after-ms',
  'x-request-id',
  'content-disposition',
];

export function allowedOrigin(config: ProxyConfig, request: Request): string | undefined {
  const origin = request.headers.get('origin');
  return origin !== null && config.cors?.origins.has(origin) ? origin : undefined;
}

/** CORS headers for an actual (non-preflight) answer. */
export function corsHeaders(config: ProxyConfig, request: Request): Record<string, string> {
  if (!config.cors) return {};
  const origin = allowedOrigin(config, request);
  if (!origin) return { vary: 'Origin' };
  return {
    vary: 'Origin',
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSE_HEADERS.join(', '),
    ...(config.cors.credentials ? { 'access-control-allow-credentials': 'true' } : {}),
  };
}

/** Headers of a successful preflight, or a refusal. The route was matched already. */
export function preflight(
  config: ProxyConfig,
  request: Request,
  method: string,
): Record<string, string> | Refusal {
  const origin = allowedOrigin(config, request);
  if (!config.cors || !origin)
    return refuse(403, 'cors_origin_not_allowed', 'This origin may not call the proxy.', {
      headers: config.cors ? { vary: 'Origin' } : {},
    });
  const allowed = [...BASE_ALLOW_HEADERS, ...config.cors.allowHeaders];
  const asked = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const refused = asked.find((h) => !allowed.includes(h));
  if (refused)
    return refuse(403, 'cors_origin_not_allowed', `Header ${refused} is not allowed.`, {
      headers: { vary: 'Origin' },
    });
  return {
    vary: 'Origin',
    'access-control-allow-origin': origin,
    'access-control-allow-methods': method,
    'access-control-allow-headers': allowed.join(', '),
    'access-control-max-age': String(config.cors.maxAge),
    ...(config.cors.credentials ? { 'access-control-allow-credentials': 'true' } : {}),
  };
}

/**
 * Refuses a state-changing request a browser sent from another site. `Sec-Fetch-Site` (set by
 * browsers, not by scripts) wins when present; otherwise `Origin` must be the request's own.
 * Requests with neither come from no browser (servers, curl) and cannot be forged cross-site.
 */
export function crossSiteRefusal(config: ProxyConfig, request: Request): Refusal | undefined {
  if (request.method !== 'POST' && request.method !== 'DELETE') return undefined;
  if (allowedOrigin(config, request)) return undefined;
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const refusal = refuse(403, 'cross_site_request', 'Cross-site requests are refused.');
  if (site !== null) return site === 'same-origin' ? undefined : refusal;
  if (origin === null) return undefined;
  return origin === new URL(request.url).origin ? undefined : refusal;
}
