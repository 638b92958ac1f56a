/**
 * Helpers for the LlamaCloud and xAI server tests: a server per API on an ephemeral port with an
 * injected clock, a fetch caller that parses JSON (or keeps text), hand-built multipart bodies
 * (part order and Content-Disposition exactly as written), and a streaming upload that never
 * holds the body in memory.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterEach } from 'vitest';
import {
  createDevServer,
  type DevServer,
  type DevServerOptions,
} from '../../../src/server/index.js';
import { type Clock, fakeClock, type Json } from './helpers.js';

export const KEY = 'sk_test_multipart';

const open: DevServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the answer is not JSON (or empty). */
  body: Json;
  text: string;
}

export type Caller = (
  method: string,
  path: string,
  init?: { body?: BodyInit; headers?: Record<string, string>; token?: string | null },
) => Promise<Answer>;

export function callerFor(base: string): Caller {
  return async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token !== null) headers.authorization = `Bearer ${init.token ?? KEY}`;
    const res = await fetch(base + path, {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    const text = await res.text();
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, headers: res.headers, body, text };
  };
}

export async function startApi(
  api: 'llamacloud' | 'xai',
  options: DevServerOptions = {},
): Promise<{ server: DevServer; clock: Clock; call: Caller }> {
  const clock = fakeClock();
  const server = await createDevServer({
    api,
    port: 0,
    rateLimit: false,
    now: clock.now,
    ...options,
  });
  open.push(server);
  return { server, clock, call: callerFor(server.url) };
}

export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; data: Buffer | string; contentType?: string }
  /** A part written exactly as given (for malformed Content-Disposition headers). */
  | { raw: string; data: Buffer | string };

/** A multipart/form-data body with the parts in exactly this order. */
export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----filedock${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('raw' in part) {
      chunks.push(Buffer.from(`${part.raw}\r\n\r\n`), Buffer.from(part.data));
    } else if ('filename' in part) {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
            `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        Buffer.from(part.data),
      );
    } else {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}`),
      );
    }
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** POSTs a hand-built multipart body. */
export function postForm(call: Caller, path: string, parts: Part[], token?: string | null) {
  const { body, contentType } = multipart(parts);
  return call('POST', path, {
    body: new Uint8Array(body),
    headers: { 'content-type': contentType },
    ...(token === undefined ? {} : { token }),
  });
}

export interface StreamedUpload {
  /** Resolves with the answer's status and body text; rejects on a socket error before it. */
  answer: Promise<{ status: number; text: string }>;
  /** How many body bytes the client had handed to the socket when the answer's head arrived. */
  sentWhenAnswered(): number;
  /** Ends the client side (for uploads told to stall). */
  destroy(): void;
}

/** Waits for the answer, then lets the connection go; with how much was sent by then. */
export async function settle(
  upload: StreamedUpload,
): Promise<{ status: number; text: string; sent: number }> {
  try {
    return { ...(await upload.answer), sent: upload.sentWhenAnswered() };
  } finally {
    upload.destroy();
  }
}

/** A temporary data dir, removed after the test. */
export async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'filedock-data-'));
  dirs.push(dir);
  return dir;
}

/**
 * Streams a multipart upload of `fileBytes` generated bytes (64 KiB at a time, with
 * backpressure), `before` fields ahead of the file part and `after` behind it. With `stallAfter`,
 * stops sending after that many file bytes and waits: only a server that judges while streaming
 * can answer then.
 */
export function streamUpload(
  url: string,
  options: {
    fileBytes: number;
    filename?: string;
    before?: Record<string, string>;
    after?: Record<string, string>;
    stallAfter?: number;
    headers?: Record<string, string>;
  },
): StreamedUpload {
  const boundary = `----filedock${randomBytes(8).toString('hex')}`;
  const fields = (entries: Record<string, string> = {}) =>
    Object.entries(entries)
      .map(
        ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      )
      .join('');
  const head = Buffer.from(
    `${fields(options.before)}--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
      `filename="${options.filename ?? 'big.bin'}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n${fields(options.after)}--${boundary}--\r\n`);
  const total = head.length + options.fileBytes + tail.length;
  let sent = 0;
  let sentAtAnswer = -1;
  const req = request(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${KEY}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(options.stallAfter === undefined ? { 'content-length': String(total) } : {}),
      ...options.headers,
    },
  });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      sentAtAnswer = sent;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let fileSent = 0;
  const pump = (): void => {
    while (fileSent < options.fileBytes) {
      if (options.stallAfter !== undefined && fileSent >= options.stallAfter) return;
      if (req.destroyed || sentAtAnswer >= 0) return;
      const n = Math.min(chunk.length, options.fileBytes - fileSent);
      fileSent += n;
      sent += n;
      if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
        req.once('drain', pump);
        return;
      }
    }
    req.end(tail);
  };
  req.write(head);
  sent += head.length;
  pump();
  return { answer, sentWhenAnswered: () => sentAtAnswer, destroy: () => req.destroy() };
}
