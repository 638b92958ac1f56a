/**
 * Headers are rebuilt, never copied. Upstream gets the server's credentials and the few headers
 * the API needs; the browser gets an allow-list of upstream's answer headers. Cookies, hop-by-hop
 * headers, `Host`, `X-Forwarded-*` and framework-internal headers cross in neither direction.
 */
import type { ProxyConfig } from './config.js';

export function upstreamHeaders(
  config: ProxyConfig,
  extra: { contentType?: string; idempotencyKey?: string },
): Headers {
  const headers = new Headers({
    authorization: `Bearer ${config.apiKey}`,
    // An encoded answer would be decoded by fetch while its Content-Length still counted the
    // encoded bytes; asking for none keeps passed-through lengths true.
    'accept-encoding': 'identity',
  });
  if (config.service.api === 'lightfield') headers.set('lightfield-version', config.apiVersion);
  if (extra.contentType) headers.set('content-type', extra.contentType);
  if (extra.idempotencyKey) headers.set('idempotency-key', extra.idempotencyKey);
  return headers;
}

/** Upstream answer headers a browser may see. */
const PASSED = [
  'content-type',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
  'retry-after-ms',
  'x-request-id',
  'request-id',
  'idempotent-replayed',
];
/** Only on streamed bytes (xAI content): the length and the download name. */
const PASSED_ON_STREAMS = ['content-length', 'content-disposition'];

export function answerHeaders(
  upstream: Headers | undefined,
  options: { stream?: boolean; json?: boolean } = {},
): Headers {
  const out = new Headers({
    // Answers hold presigned URLs: no cache (browser, CDN, or shared proxy) may keep them.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Nothing the proxy serves is a page: even an HTML error body cannot run script here.
    'content-security-policy': "default-src 'none'; sandbox",
  });
  if (upstream) {
    const names = options.stream ? [...PASSED, ...PASSED_ON_STREAMS] : PASSED;
    for (const name of names) {
      const value = upstream.get(name);
      if (value !== null && /^[\x20-\x7e\t]*$/.test(value)) out.set(name, value);
    }
    if (options.stream && upstream.get('content-encoding')) out.delete('content-length');
    // A passed-through error page is shown as text, never rendered on the app's origin.
    const type = out.get('content-type');
    if (!options.stream && type !== null && !/^application\/([\w.+-]+\+)?json\b/i.test(type))
      out.set('content-type', 'text/plain; charset=utf-8');
    if (options.stream && !out.has('content-disposition'))
      out.set('content-disposition', 'attachment');
  }
  if (options.json) out.set('content-type', 'application/json; charset=utf-8');
  return out;
}
