/** Small helpers for node:http answers and bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteResult } from './context.js';
import { ApiError, type ErrorRenderer, renderLightfieldError } from './errors.js';

/** JSON bodies of the API are tiny; anything larger is a client bug or an attack. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** A handler's answer: JSON, or no body at all for a 204. */
export function sendResult(
  res: ServerResponse,
  result: RouteResult,
  headers: Record<string, string> = {},
): void {
  if (result.status !== 204) sendJson(res, result.status, result.body, headers);
  else if (!res.headersSent && !res.destroyed) {
    res.writeHead(204, headers);
    res.end();
  }
}

export function sendError(
  res: ServerResponse,
  error: ApiError,
  headers: Record<string, string> = {},
  render: ErrorRenderer = renderLightfieldError,
): void {
  // A 409 about the file's state will never succeed as sent; say so, as the official SDKs'
  // servers do, so clients that retry 409s (for idempotency races) skip it.
  const noRetry: Record<string, string> =
    error.status === 409 && error.code !== 'idempotency_conflict'
      ? { 'x-should-retry': 'false' }
      : {};
  sendJson(res, error.status, render(error), {
    ...noRetry,
    ...headers,
    ...error.extra.headers,
  });
}

/** Reads the whole body up to `limit` bytes; beyond it, stops reading and refuses with 413. */
export function readBody(req: IncomingMessage, limit = MAX_JSON_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(new ApiError(413, 'body_too_large', `The request body exceeds ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new ApiError(400, 'invalid_json', 'The request body was cut off.'));
    });
  });
}

/** `application/json`, optionally with parameters such as `; charset=utf-8`. */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = (value.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** First value of a header, lower-cased name. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Resolves after `ms`, or early (with `false`) when the request's socket goes away. */
export function waitUnlessClosed(req: IncomingMessage, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (req.socket.destroyed) return resolve(false);
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      req.socket.off('close', onClose);
      resolve(true);
    }, ms);
    req.socket.once('close', onClose);
  });
}
