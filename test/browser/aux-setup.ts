/**
 * A second, deliberately misbehaving origin for the bad-input suite (`inject('auxUrl')`), and
 * the URL of a port nothing listens on (`inject('closedUrl')`). Each path prefix is one kind of
 * wrong answer a Files API (or the storage behind it) can give:
 *   /teapot   → 418 with an error envelope        /text500  → 500 with a plain-text body
 *   /redirect → 302 to /landing (an HTML page)     /negative → a create answer with sizeBytes -5
 *   /nocors   → a valid create answer whose uploadUrl is /nocors-storage/…, which sends no CORS headers
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    auxUrl: string;
    closedUrl: string;
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
  res.setHeader(
    'access-control-allow-headers',
    req.headers['access-control-request-headers'] ?? '*',
  );
  res.setHeader('access-control-expose-headers', '*');
}

function session(base: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    id: 'fil_aux000000000000000',
    status: 'PENDING',
    filename: 'aux.txt',
    mimeType: 'text/plain',
    sizeBytes: 5,
    createdAt: new Date(now).toISOString(),
    completedAt: null,
    expiresAt: new Date(now + 3_600_000).toISOString(),
    uploadUrl: `${base}/nocors-storage/fil_aux000000000000000?token=t`,
    uploadHeaders: { 'content-type': 'text/plain' },
    ...overrides,
  };
}

function handler(base: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const prefix = path.split('/')[1] ?? '';
    req.resume(); // bodies are irrelevant here; drain them
    if (prefix !== 'nocors-storage') cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    switch (prefix) {
      case 'teapot':
        json(418, { error: { type: 'teapot', message: 'I am a teapot.', code: 'teapot' } });
        return;
      case 'text500':
        res.writeHead(500, { 'content-type': 'text/plain' }).end('upstream exploded');
        return;
      case 'redirect':
        res.writeHead(302, { location: `${base()}/landing` }).end();
        return;
      case 'landing':
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><title>Sign in</title><h1>Sign in</h1>');
        return;
      case 'negative':
        json(200, session(base(), { sizeBytes: -5 }));
        return;
      case 'nocors':
        json(200, session(base()));
        return;
      case 'nocors-storage':
        res.writeHead(200).end();
        return;
      default:
        json(404, { error: { type: 'not_found', message: `No aux route ${path}.` } });
    }
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let url = '';
  const server = createServer(handler(() => url));
  url = `http://127.0.0.1:${await listen(server)}`;
  // A port that was free a moment ago and is closed now: connections to it are refused.
  const probe = createServer();
  const closedPort = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  project.provide('auxUrl', url);
  project.provide('closedUrl', `http://127.0.0.1:${closedPort}`);
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}
