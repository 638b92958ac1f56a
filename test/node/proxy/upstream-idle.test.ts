/**
 * The node:http transport's pooled upstream connections close after a few idle seconds, as
 * fetch's do: one kept until the server closes it could be picked for an upload at that very
 * moment, and an upload's body cannot be sent twice.
 */
import { expect, it } from 'vitest';
import { IDLE_UPSTREAM_MS, nodeStreamingFetch } from '../../../src/proxy/node/streaming-fetch.js';
import { listen } from './listen.js';

it('closes an idle upstream connection itself, long before the server would', async () => {
  const upstream = await listen((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  upstream.server.keepAliveTimeout = 120_000;
  const closed = new Promise<number>((resolve) => {
    upstream.server.on('connection', (socket) => socket.once('close', () => resolve(Date.now())));
  });
  const answer = await nodeStreamingFetch(`${upstream.url}/files`, {
    method: 'POST',
    headers: new Headers({ 'content-type': 'application/octet-stream' }),
    body: new Blob([new Uint8Array(64 * 1024)]).stream(),
    signal: new AbortController().signal,
  });
  expect(await answer.text()).toBe('ok');
  const answeredAt = Date.now();
  const idle = (await closed) - answeredAt;
  expect(idle).toBeGreaterThanOrEqual(IDLE_UPSTREAM_MS - 500);
  expect(idle).toBeLessThan(IDLE_UPSTREAM_MS + 5_000);
}, 20_000);
