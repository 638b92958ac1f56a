/**
 * The node:http transport's pooled upstream connections close after a few idle seconds, as
 * fetch's do: one kept until the server closes it could be picked for an upload at that very
 * moment, and an upload's body cannot be sent twice.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { IDLE_UPSTREAM_MS, nodeStreamingFetch } from '../../../src/proxy/node/streaming-fetch.js';

it('closes an idle upstream connection itself, long before the server would', async () => {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  server.keepAliveTimeout = 120_000;
  const closed = new Promise<number>((resolve) => {
    server.on('connection', (socket) => socket.once('close', () => resolve(Date.now())));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const answer = await nodeStreamingFetch(`http://127.0.0.1:${port}/files`, {
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
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}, 20_000);
