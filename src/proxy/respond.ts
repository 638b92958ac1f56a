/** Building the proxy's answers: refusals in the error envelope, JSON, and passed-through bodies. */
import type { ProxyConfig } from './config.js';
import { corsHeaders } from './cors.js';
import { type Refusal, refusalBody } from './errors.js';
import { answerHeaders } from './headers.js';

function withCors(headers: Headers, config: ProxyConfig, request: Request): Headers {
  for (const [name, value] of Object.entries(corsHeaders(config, request)))
    headers.set(name, value);
  return headers;
}

export function refusalResponse(config: ProxyConfig, request: Request, refusal: Refusal): Response {
  const headers = withCors(answerHeaders(undefined, { json: true }), config, request);
  for (const [name, value] of Object.entries(refusal.headers ?? {})) headers.set(name, value);
  return new Response(refusalBody(refusal), { status: refusal.status, headers });
}

export function jsonResponse(
  config: ProxyConfig,
  request: Request,
  status: number,
  body: unknown,
  upstream?: Headers,
): Response {
  const headers = withCors(answerHeaders(upstream, { json: true }), config, request);
  return new Response(JSON.stringify(body), { status, headers });
}

/** Upstream's status and body as they are (errors included), with allow-listed headers. */
export function passThrough(
  config: ProxyConfig,
  request: Request,
  upstream: Response,
  options: { text?: string; stream?: boolean } = {},
): Response {
  const headers = withCors(
    answerHeaders(upstream.headers, { stream: options.stream ?? false }),
    config,
    request,
  );
  const empty = upstream.status === 204 || upstream.status === 205 || upstream.status === 304;
  const body = empty ? null : options.text !== undefined ? options.text : upstream.body;
  return new Response(body, { status: upstream.status, headers });
}

export function noContent(headers: Record<string, string>): Response {
  return new Response(null, { status: 204, headers });
}
