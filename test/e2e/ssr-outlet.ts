/**
 * A Vite plugin for the SSR test: `POST /__ssr/<key>` stores markup rendered in Node, and
 * `GET /ssr.html?…&ssr=<key>` answers ssr.html with that markup in place of `<!--ssr-outlet-->`,
 * run through Vite's own HTML transform. The page thus comes from the same loopback server as
 * every other test page, the way an SSR server would send it.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Plugin } from 'vite';

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function ssrOutlet(root: string): Plugin {
  const markup = new Map<string, string>();
  return {
    name: 'filedock-e2e:ssr-outlet',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://e2e.invalid');
        if (req.method === 'POST' && url.pathname.startsWith('/__ssr/')) {
          const key = url.pathname.slice('/__ssr/'.length);
          body(req).then(
            (html) => {
              markup.set(key, html);
              res.statusCode = 204;
              res.end();
            },
            (error: unknown) => next(error),
          );
          return;
        }
        const key = url.searchParams.get('ssr');
        if (req.method !== 'GET' || url.pathname !== '/ssr.html' || key === null) return next();
        const html = markup.get(key);
        if (html === undefined) {
          res.statusCode = 404;
          res.end(`no SSR markup stored under ${key}`);
          return;
        }
        readFile(join(root, 'ssr.html'), 'utf8')
          .then((page) =>
            server.transformIndexHtml(
              req.url ?? '/ssr.html',
              page.replace('<!--ssr-outlet-->', html),
            ),
          )
          .then(
            (page) => {
              res.setHeader('content-type', 'text/html; charset=utf-8');
              res.end(page);
            },
            (error: unknown) => next(error),
          );
      });
    },
  };
}
