/**
 * The adapters for real: Express 5 (with and without express.json() before the proxy, mounted
 * app-wide and under a path), Fastify, Hono on @hono/node-server, each listening on an ephemeral
 * port and called with fetch; the Next.js handlers called with real Requests.
 */
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { nextRouteHandlers } from '../../../src/proxy/index.js';
import { filesProxyPlugin, toNodeListener } from '../../../src/proxy/node/index.js';
import { apiRequests, BASE, closeAfter, makeProxy, putTo, read, startUpstream } from './helpers.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function serverOf(server: Server): { url: string } {
  const { port } = server.address() as AddressInfo;
  closeAfter({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return { url: `http://127.0.0.1:${port}` };
}

async function listenExpress(app: express.Express): Promise<{ url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return serverOf(server);
}

/** create → PUT (straight to storage) → complete → list → url, all through `base`. */
async function roundTrip(base: string, user = 'alice'): Promise<void> {
  const headers = { 'content-type': 'application/json', 'x-user': user };
  const created = await read(
    await fetch(`${base}/v1/files`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 5 }),
    }),
  );
  expect(created.status).toBe(200);
  expect(await putTo(created.body, 'hello')).toBe(200);
  const done = await read(
    await fetch(`${base}/v1/files/${created.body.id}/complete`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ md5: md5('hello') }),
    }),
  );
  expect(done.status).toBe(200);
  expect(done.body.status).toBe('COMPLETED');
  const cancelBare = await read(
    await fetch(`${base}/v1/files/${created.body.id}/cancel`, {
      method: 'POST',
      headers: { 'x-user': user },
    }),
  );
  expect(cancelBare.status).toBe(409); // completed files cannot be cancelled: upstream's answer, passed through
  const list = await read(await fetch(`${base}/v1/files`, { headers }));
  expect(list.body.data.map((f: { id: string }) => f.id)).toEqual([created.body.id]);
  const url = await read(await fetch(`${base}/v1/files/${created.body.id}/url`, { headers }));
  expect(url.status).toBe(200);
  expect(url.headers.get('cache-control')).toBe('no-store');
  const other = await read(
    await fetch(`${base}/v1/files/${created.body.id}`, { headers: { 'x-user': 'mallory' } }),
  );
  expect(other.status).toBe(404);
}

describe('proxy adapters', () => {
  it('node:http / Express 5 without a body parser', async () => {
    const upstream = await startUpstream();
    const { proxy } = makeProxy(upstream.url);
    const app = express();
    app.use(toNodeListener(proxy));
    app.get('/health', (_req, res) => {
      res.json({ ok: true });
    });
    const { url } = await listenExpress(app);
    await roundTrip(`${url}${BASE}`);
    // Paths outside the base path go on to the app's own routes.
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
  });

  it('Express 5 with express.json() before the proxy (body already consumed)', async () => {
    const upstream = await startUpstream();
    const { proxy } = makeProxy(upstream.url);
    const app = express();
    app.use(express.json());
    app.use(BASE, toNodeListener(proxy)); // mounted under its path: req.url is stripped, originalUrl is not
    const { url } = await listenExpress(app);
    await roundTrip(`${url}${BASE}`);
    // The parsed body is validated again: an unknown field is still refused before upstream.
    const before = apiRequests(upstream).length;
    const bad = await fetch(`${url}${BASE}/v1/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body: JSON.stringify({ filename: 'a', mimeType: 'text/plain', sizeBytes: 1, admin: true }),
    });
    expect(bad.status).toBe(400);
    expect(apiRequests(upstream).length).toBe(before);
  });

  it('Fastify plugin (bodies left raw for the proxy; the app keeps its JSON parser)', async () => {
    const upstream = await startUpstream();
    const { proxy } = makeProxy(upstream.url);
    const app = Fastify();
    await app.register(filesProxyPlugin, { proxy });
    app.post('/echo', async (request) => ({ got: request.body }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    closeAfter({ close: () => app.close() });
    const { port } = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    await roundTrip(`${url}${BASE}`);
    const echo = await fetch(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(await echo.json()).toEqual({ got: { a: 1 } });
  });

  it('Hono through proxy.fetch on @hono/node-server', async () => {
    const upstream = await startUpstream();
    const { proxy } = makeProxy(upstream.url);
    const app = new Hono();
    app.all(`${BASE}/*`, (c) => proxy.fetch(c.req.raw));
    const server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(s as Server),
      );
    });
    const { url } = serverOf(server);
    await roundTrip(`${url}${BASE}`);
  });

  it('Next.js App Router handlers with real Requests', async () => {
    const upstream = await startUpstream();
    const { proxy } = makeProxy(upstream.url);
    const { GET, POST, DELETE, OPTIONS } = nextRouteHandlers(proxy);
    const origin = 'https://app.example.com';
    const created = await read(
      await POST(
        new Request(`${origin}${BASE}/v1/files`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-user': 'alice',
            origin,
            'sec-fetch-site': 'same-origin',
          },
          body: JSON.stringify({ filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 5 }),
        }),
      ),
    );
    expect(created.status).toBe(200);
    const got = await read(
      await GET(
        new Request(`${origin}${BASE}/v1/files/${created.body.id}`, {
          headers: { 'x-user': 'alice' },
        }),
      ),
    );
    expect(got.body.id).toBe(created.body.id);
    const del = await DELETE(
      new Request(`${origin}${BASE}/v1/files/${created.body.id}`, {
        method: 'DELETE',
        headers: { 'x-user': 'alice' },
      }),
    );
    expect(del.status).toBe(404); // Lightfield has no delete route
    const pre = await OPTIONS(
      new Request(`${origin}${BASE}/v1/files`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' },
      }),
    );
    expect(pre.status).toBe(403);
  });
});
