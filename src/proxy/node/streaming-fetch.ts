/**
 * Upstream calls with a streamed body (uploads) over node:http(s) instead of fetch. Node's fetch
 * passes every chunk of a request body through several async generators and web-stream reads,
 * and the garbage they leave keeps the collector busy: several times the CPU of writing each
 * chunk to the socket as it comes, with backpressure from 'drain', which is what this does.
 * An upload whose browser body toNodeListener reads goes further: its remaining bytes pass from
 * socket to socket through the file scan (scan-pipe.ts), with no stream in between.
 *
 * fetch's contract where the proxy relies on it (StreamingFetch): a redirect is answered, never
 * followed; a body that errors, a network failure or the signal (before or after the answer's
 * headers) reject the call and destroy the upstream request.
 */
import { Agent as HttpAgent, type ClientRequest, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { StreamingFetch } from '../transport.js';
import { takeBody } from './body-stream.js';
import { pipeScanned } from './scan-pipe.js';

/**
 * Connections are kept for the next upload, as fetch's own pool does, and closed after 4 s idle
 * as fetch closes its own: a connection kept longer than the server keeps it (Node's 5 s, a
 * load balancer's minute) may be reused just as the server closes it, and an upload's body
 * cannot be sent again.
 */
export const IDLE_UPSTREAM_MS = 4_000;
const agents = {
  http: new HttpAgent({ keepAlive: true, timeout: IDLE_UPSTREAM_MS }),
  https: new HttpsAgent({ keepAlive: true, timeout: IDLE_UPSTREAM_MS }),
};

/** Writes the body's chunks as they come, waiting for 'drain' whenever the socket is full. */
async function pump(req: ClientRequest, reader: ReadableStreamDefaultReader<Uint8Array>) {
  // One pair of listeners for the whole body, not a pair per full socket.
  let wake: (() => void) | undefined;
  const resume = (): void => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  req.on('drain', resume);
  req.on('close', resume);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (req.destroyed) return;
      if (!req.write(value)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        if (req.destroyed) throw new Error('the upstream connection closed');
      }
    }
    req.end();
  } finally {
    req.off('drain', resume);
    req.off('close', resume);
  }
}

function answerHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i] as string, raw[i + 1] as string);
    } catch {
      // A header fetch could not hold either; the proxy passes on only an allow-list anyway.
    }
  }
  return headers;
}

export const nodeStreamingFetch: StreamingFetch = (url, init) =>
  new Promise<Response>((resolve, reject) => {
    const { signal } = init;
    if (signal.aborted) {
      init.body.cancel(signal.reason).catch(() => undefined);
      reject(signal.reason);
      return;
    }
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const headers: Record<string, string> = {};
    init.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // A declared length spares upstream the chunked framing of every write (and the parsing of it).
    if (init.upload?.length !== undefined) headers['content-length'] = String(init.upload.length);
    const req = (secure ? httpsRequest : httpRequest)(target, {
      method: init.method,
      headers,
      agent: secure ? agents.https : agents.http,
    });
    // An upload of a request toNodeListener read goes from socket to socket (scan-pipe.ts).
    const taken = init.upload && takeBody(init.upload.source);
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    let send: () => Promise<void>;
    if (taken && init.upload) {
      const { scan } = init.upload;
      send = () => pipeScanned(req, taken, scan);
    } else {
      const bodyReader = init.body.getReader();
      reader = bodyReader;
      send = () => pump(req, bodyReader);
    }
    let answered = false;
    const fail = (error: unknown): void => {
      if (!answered) reject(error);
      answered = true;
      req.destroy(error instanceof Error ? error : undefined);
      reader?.cancel(error).catch(() => undefined);
    };
    const onAbort = (): void => fail(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('error', fail);
    req.once('close', () => signal.removeEventListener('abort', onAbort));
    req.once('response', (res) => {
      if (answered) return void res.destroy();
      answered = true;
      const status = res.statusCode ?? 502;
      const empty = status === 204 || status === 304 || init.method === 'HEAD';
      try {
        resolve(
          new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
            status,
            statusText: res.statusMessage ?? '',
            headers: answerHeaders(res.rawHeaders),
          }),
        );
      } catch (error) {
        // A status fetch cannot represent (1xx beyond informational handling).
        reject(error);
        req.destroy();
      }
    });
    send().catch(fail);
  });
