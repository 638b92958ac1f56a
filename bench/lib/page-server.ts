/**
 * The bench page's origin: its static files, and filedock/proxy for each service at
 * `/api/<service>`, as an app serves its page and mounts the proxy beside it. Used in the
 * driver's process (harness.ts) and in a process of its own (process-stack.ts).
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { createFilesProxy } from '../../src/proxy/index.js';
import { toNodeListener } from '../../src/proxy/node/index.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export type Service = 'lightfield' | 'llamacloud' | 'xai';

/** filedock/proxy for `service` at `/api/<service>`, as the bench's one admin user. */
export function benchProxy(service: Service, upstream: string) {
  return toNodeListener(
    createFilesProxy({
      api: service,
      apiKey: 'bench',
      basePath: `/api/${service}`,
      upstream,
      authorize: () => ({ id: 'bench', admin: true }),
      rateLimit: false,
    }),
  );
}

/** Serves `root`'s files, and `/api/...` through the proxies (each hands on what is not its). */
export function pageAndProxies(
  root: string,
  proxies: ReturnType<typeof benchProxy>[],
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/api/')) {
      const chain = (i: number): void =>
        i < proxies.length
          ? proxies[i]!(req, res, () => chain(i + 1))
          : void res.writeHead(404).end();
      return chain(0);
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root)) return void res.writeHead(404).end();
    const stream = createReadStream(file);
    stream.once('open', () => {
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      stream.pipe(res);
    });
    stream.once('error', () => res.writeHead(404).end());
  };
}
