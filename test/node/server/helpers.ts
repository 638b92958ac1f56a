/**
 * Test helpers: a server on an ephemeral port with an injected clock, an API caller that checks
 * every JSON answer against the published OpenAPI schemas, and a raw node:http client for the
 * cases fetch cannot express (forged headers, wrong Content-Length, chunked bodies).
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterEach } from 'vitest';
import {
  createDevServer,
  type DevServer,
  type DevServerOptions,
} from '../../../src/server/index.js';
import { validateResponse } from '../../support/openapi.js';

/** A parsed JSON answer: tests assert its shape, so its type is loose on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by assertions, not by types
export type Json = any;

export const VERSION = '2026-03-01';
export const TOKEN = 'sk_lf_test';
export const START = Date.parse('2026-04-08T12:00:00.000Z');

export interface Clock {
  now: () => number;
  advance(ms: number): void;
}

export function fakeClock(start = START): Clock {
  let t = start;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
  };
}

const open: DevServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Starts a server closed automatically after the test. Rate limiting is off unless asked for. */
export async function startServer(
  options: DevServerOptions = {},
): Promise<{ server: DevServer; clock: Clock; api: Api }> {
  const clock = fakeClock();
  const server = await createDevServer({ port: 0, rateLimit: false, now: clock.now, ...options });
  open.push(server);
  return { server, clock, api: apiFor(server.url) };
}

export interface ApiAnswer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text (sent as is). */
  text?: string;
  headers?: Record<string, string>;
  /** `null` sends no Authorization header. */
  token?: string | null;
  /** `null` sends no Lightfield-Version header. */
  version?: string | null;
  contentType?: string | null;
}

export type Api = (method: string, path: string, options?: CallOptions) => Promise<ApiAnswer>;

/** Calls the API with fetch and validates the JSON answer against the OpenAPI document. */
export function apiFor(base: string): Api {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== null) headers.authorization = `Bearer ${options.token ?? TOKEN}`;
    if (options.version !== null) headers['lightfield-version'] = options.version ?? VERSION;
    const payload =
      options.text ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined && options.contentType !== null)
      headers['content-type'] = options.contentType ?? 'application/json';
    const res = await fetch(base + path, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
    const text = await res.text();
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    validateResponse({ path, method: method as 'GET' }, res.status, body);
    return { status: res.status, headers: res.headers, body };
  };
}

/** The object inside `{error: …}`, asserting the envelope has one. */
export function errorOf(answer: ApiAnswer): {
  type: string;
  message: string;
  code: string;
  param?: string;
} {
  if (!answer.body?.error)
    throw new Error(`expected an error envelope, got ${JSON.stringify(answer.body)}`);
  return answer.body.error;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): Json;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  /** A Buffer/string is sent with its Content-Length unless headers say otherwise; an array is sent chunked. */
  body?: Buffer | string | Buffer[];
}

/** A node:http request that sends exactly the headers given. Rejects on a socket error. */
export function raw(url: string, init: RawRequest = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(init.body);
    const headers = { ...init.headers };
    if (
      !chunked &&
      init.body !== undefined &&
      !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')
    ) {
      headers['content-length'] = String(Buffer.byteLength(init.body as Buffer | string));
    }
    const req = request(url, { method: init.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json: () => JSON.parse(text),
        });
      });
    });
    req.on('error', reject);
    if (chunked) for (const chunk of init.body as Buffer[]) req.write(chunk);
    else if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** A CORS preflight as a browser sends it. */
export function preflight(url: string, origin: string, method: string, headers: string) {
  return raw(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  });
}

export const md5 = (data: Buffer | string): string => createHash('md5').update(data).digest('hex');

/** Creates a file session and returns the create answer's body. */
export async function createSession(
  api: Api,
  params: Record<string, unknown> = {},
  token?: string,
): Promise<Json> {
  const answer = await api('POST', '/v1/files', {
    body: { filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: 11, ...params },
    ...(token ? { token } : {}),
  });
  if (answer.status !== 200)
    throw new Error(`create failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** PUTs bytes to an upload URL with exactly the issued headers (plus any extra). */
export function putBytes(
  session: { uploadUrl: string; uploadHeaders: Record<string, string> },
  data: Buffer | string,
  extra: Record<string, string> = {},
): Promise<RawAnswer> {
  return raw(session.uploadUrl, {
    method: 'PUT',
    headers: { ...session.uploadHeaders, ...extra },
    body: data,
  });
}

/** create → PUT → complete, returning the completed file. */
export async function uploadFile(
  api: Api,
  data: Buffer | string,
  params: Record<string, unknown> = {},
): Promise<Json> {
  const session = await createSession(api, { sizeBytes: Buffer.byteLength(data), ...params });
  const put = await putBytes(session, data);
  if (put.status !== 200) throw new Error(`put failed: ${put.status} ${put.text}`);
  const done = await api('POST', `/v1/files/${session.id}/complete`, { body: { md5: md5(data) } });
  if (done.status !== 200) throw new Error(`complete failed: ${done.status}`);
  return done.body;
}
