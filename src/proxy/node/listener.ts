/**
 * `toNodeListener(proxy)`: the proxy as a `node:http` / Express 5 / Connect handler. Requests
 * outside the proxy's base path go to `next()` when there is one (so it can be mounted app-wide),
 * else get a 404. The answer is written with backpressure; a client that leaves aborts upstream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FilesProxy } from '../proxy.js';
import { answerText } from '../respond.js';
import { FETCH_WITH, type Transport } from '../transport.js';
import { toRequest } from './request.js';
import { nodeStreamingFetch } from './streaming-fetch.js';

/** Uploads go upstream over node:http: see streaming-fetch.ts. */
const NODE: Transport = { streamingFetch: nodeStreamingFetch };

export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  const raw = req.originalUrl ?? req.url ?? '/';
  const q = raw.indexOf('?');
  return q === -1 ? raw : raw.slice(0, q);
}

function under(basePath: string, path: string): boolean {
  return path === basePath || path.startsWith(`${basePath}/`) || basePath === '';
}

async function write(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // A body the proxy refused while it was still arriving (an oversized or unauthorised upload)
  // is not drained for keep-alive: the connection closes after the answer. `complete` (the
  // parser has seen the whole request), not `readableEnded`: a GET's empty body is never read,
  // and closing its connection would cost every later call a new one (and a TLS handshake).
  if (!req.complete) headers.connection = 'close';
  const text = answerText(response);
  if (text !== undefined) {
    // The proxy's own text answer: one write with its length, no stream to read it back from.
    headers['content-length'] = String(Buffer.byteLength(text));
    res.writeHead(response.status, headers);
    res.end(text);
    return;
  }
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = (): void => {
            res.off('drain', go);
            res.off('close', go);
            resolve();
          };
          res.once('drain', go);
          res.once('close', go);
        });
        if (res.destroyed) {
          await reader.cancel().catch(() => undefined);
          return;
        }
      }
    }
    res.end();
  } catch {
    res.destroy();
  }
}

export function toNodeListener(proxy: FilesProxy): NodeListener {
  return (req, res, next) => {
    if (next && !under(proxy.basePath, pathOf(req))) {
      next();
      return;
    }
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    let request: Request;
    try {
      request = toRequest(req, controller.signal);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request.');
      return;
    }
    const fetchWith = proxy[FETCH_WITH];
    (fetchWith ? fetchWith(request, NODE) : proxy.fetch(request))
      .then((response) => write(req, res, response))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      })
      .finally(() => {
        // Discard what is still arriving until the socket closes, so the client reads the answer.
        if (!req.readableEnded) req.resume();
      });
  };
}
