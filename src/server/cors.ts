/**
 * CORS for browsers calling the API, the storage URLs and the control endpoint directly.
 * Preflights allow exactly the headers the contract uses, including those issued in
 * `uploadHeaders`, so a leaked header reaches the server and is refused there with a clear 403
 * instead of dying as an opaque CORS failure.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { header } from './http.js';

/** Lightfield's: its API headers plus those issued in `uploadHeaders`. */
export const LIGHTFIELD_CORS_HEADERS = [
  'authorization',
  'lightfield-version',
  'content-type',
  'idempotency-key',
  'if-none-match',
];
/** LlamaCloud's and xAI's: the key and the multipart body's type, nothing else. */
export const BEARER_CORS_HEADERS = ['authorization', 'content-type'];
export const EXPOSED_HEADERS = [
  'retry-after',
  'retry-after-ms',
  'x-should-retry',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'etag',
  'content-disposition',
  'content-length',
  'idempotent-replayed',
];
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, DELETE, OPTIONS';

/** The Access-Control-Allow-Origin value for this request, or undefined when not allowed. */
export function allowedOrigin(
  origins: string[] | '*',
  origin: string | undefined,
): string | undefined {
  if (origins === '*') return '*';
  return origin !== undefined && origins.includes(origin) ? origin : undefined;
}

/** Sets the CORS headers every answer carries. */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  origins: string[] | '*',
): void {
  if (origins !== '*') res.setHeader('vary', 'Origin');
  const allow = allowedOrigin(origins, header(req, 'origin'));
  if (!allow) return;
  res.setHeader('access-control-allow-origin', allow);
  res.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
}

export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && header(req, 'access-control-request-method') !== undefined;
}

/**
 * Answers a preflight: 204, with the allow-lists only when the origin is allowed. The header
 * list is the API's own, so a client sending another service's header fails the preflight.
 */
export function answerPreflight(
  req: IncomingMessage,
  res: ServerResponse,
  origins: string[] | '*',
  allowHeaders: readonly string[] = LIGHTFIELD_CORS_HEADERS,
): void {
  applyCors(req, res, origins);
  if (allowedOrigin(origins, header(req, 'origin'))) {
    res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
    res.setHeader('access-control-allow-headers', allowHeaders.join(', '));
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(204, { 'content-length': '0' });
  res.end();
}
