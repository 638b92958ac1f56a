/** Building the proxy's answers: refusals in the error envelope, JSON, and passed-through bodies. */
import type { ProxyConfig } from './config.js';
import { corsHeaders } from './cors.js';
import { type Refusal, refusalBody } from './errors.js';
import { answerHeaders } from './headers.js';

/**
 * The text of answers the proxy wrote itself. A Node adapter sends it as it is, with its length,
 * instead of reading it back out of the Response's stream: most answers are a few hundred bytes
 * of JSON, and the stream costs more than the bytes.
 */
const texts = new WeakMap<Response, string>();

export function answerText(response: Response): string | undefined {
  return texts.get(response);
}

function textResponse(text: string, status: number, headers: Headers): Response {
  const response = new Response(text, { status, headers });
  texts.set(response, text);
  return response;
}

function withCors(headers: Headers, config: ProxyConfig, request: Request): Headers {
  for (const [name, value] of Object.entries(corsHeaders(config, request)))
    headers.set(name, value);
  return headers;
}

export function refusalResponse(config: ProxyConfig, request: Request, refusal: Refusal): Response {
  const headers = withCors(answerHeaders(undefined, { json: true }), config, request);
  for (const [name, value] of Object.entries(refusal.headers ?? {})) headers.set(name, value);
  return textResponse(refusalBody(refusal), refusal.status, headers);
}

export function jsonResponse(
  config: ProxyConfig,
  request: Request,
  status: number,
  body: unknown,
  upstream?: Headers,
): Response {
  const headers = withCors(answerHeaders(upstream, { json: true }), config, request);
  return textResponse(JSON.stringify(body), status, headers);
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
  if (!empty && options.text !== undefined)
    return textResponse(options.text, upstream.status, headers);
  return new Response(empty ? null : upstream.body, { status: upstream.status, headers });
}

export function noContent(headers: Record<string, string>): Response {
  return new Response(null, { status: 204, headers });
}
