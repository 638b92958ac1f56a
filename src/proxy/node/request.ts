/**
 * An IncomingMessage as a fetch Request. The URL's origin comes from the connection (and the
 * framework's `protocol`, which honours its own trust-proxy setting): the proxy uses it only to
 * recognise same-origin browser requests, never to build the upstream URL.
 *
 * When a body parser ran first (`express.json()`), the stream is already consumed and the parsed
 * value sits on `req.body`; it is serialised again (the proxy re-validates it anyway).
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { bodyStream } from './body-stream.js';

type FrameworkRequest = IncomingMessage & {
  originalUrl?: string;
  protocol?: string;
  body?: unknown;
  _body?: boolean;
};

function originOf(req: FrameworkRequest): string {
  const protocol =
    req.protocol === 'https' || req.protocol === 'http'
      ? req.protocol
      : (req.socket as TLSSocket).encrypted
        ? 'https'
        : 'http';
  const host = req.headers.host ?? req.headers[':authority'] ?? 'localhost';
  return `${protocol}://${Array.isArray(host) ? host[0] : host}`;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    try {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else headers.set(name, value);
    } catch {
      // A header fetch cannot hold (invalid bytes) is dropped; the proxy reads only a few anyway.
    }
  }
  return headers;
}

/** The already-parsed body a framework left on `req.body`, as bytes; undefined when none. */
function parsedBody(req: FrameworkRequest): string | Uint8Array | undefined {
  const consumed = req._body === true || req.readableEnded;
  if (!consumed || req.body === undefined) return undefined;
  if (req.body instanceof Uint8Array || typeof req.body === 'string') return req.body;
  return JSON.stringify(req.body);
}

export function toRequest(req: FrameworkRequest, signal: AbortSignal): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.originalUrl ?? req.url ?? '/', originOf(req));
  const headers = headersOf(req);
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    const parsed = parsedBody(req);
    if (parsed !== undefined) {
      headers.delete('content-length');
      headers.delete('transfer-encoding');
      if (parsed.length > 0)
        init.body = typeof parsed === 'string' ? parsed : new Uint8Array(parsed);
    } else if (!req.readableEnded) {
      init.body = bodyStream(req);
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}
