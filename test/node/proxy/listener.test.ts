/**
 * toNodeListener's connection handling: calls whose request arrived whole keep their connection
 * (a browser's next call reuses it), and the proxy's JSON answers go out with their length; an
 * upload refused while its body is still arriving is answered with `Connection: close`, so the
 * rest of it is not read.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { toNodeListener } from '../../../src/proxy/node/index.js';
import { BASE, createBody, makeProxy, startUpstream } from './helpers.js';
import { listen } from './listen.js';

interface Sent {
  status: number;
  connection: string | undefined;
  length: string | undefined;
  socket: Socket;
  body: string;
}

function send(
  agent: Agent,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array },
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, method: init.method ?? 'GET', headers: init.headers });
    req.once('error', reject);
    req.once('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          length: res.headers['content-length'],
          socket: req.socket as Socket,
          body,
        }),
      );
    });
    req.end(init.body);
  });
}

describe('toNodeListener connections', () => {
  it('keeps the connection of a GET, a JSON POST and a refused GET alive', async () => {
    const upstream = await startUpstream();
    const { proxy } = makeProxy(upstream.url);
    const { url } = await listen(toNodeListener(proxy));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const user = { 'x-user': 'alice' };
      const created = await send(agent, `${url}${BASE}/v1/files`, {
        method: 'POST',
        headers: { ...user, 'content-type': 'application/json' },
        body: JSON.stringify(createBody()),
      });
      expect(created.status).toBe(200);
      const listed = await send(agent, `${url}${BASE}/v1/files`, { headers: user });
      const retrieved = await send(agent, `${url}${BASE}/v1/files/${JSON.parse(created.body).id}`, {
        headers: user,
      });
      const refused = await send(agent, `${url}${BASE}/v1/files`, {});
      expect([listed.status, retrieved.status, refused.status]).toEqual([200, 200, 401]);
      for (const answer of [created, listed, retrieved, refused]) {
        expect(answer.connection).toBe('keep-alive');
        // The proxy's own JSON answers go out whole, with their length.
        expect(answer.length).toBe(String(Buffer.byteLength(answer.body)));
      }
      // One socket served all four calls.
      expect(new Set([created, listed, retrieved, refused].map((a) => a.socket)).size).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  it('closes the connection after refusing an upload whose body is still arriving', async () => {
    const upstream = await startUpstream({ api: 'llamacloud' });
    const { proxy } = makeProxy(upstream.url, {
      api: 'llamacloud',
      basePath: '/api/llamacloud',
    });
    const { url } = await listen(toNodeListener(proxy));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // No user: refused (401) after the multipart head, with most of the 8 MiB still unsent.
      const boundary = 'b0undary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nuser_data\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      const body = new Uint8Array(8 * 1024 * 1024 + head.length);
      body.set(new TextEncoder().encode(head));
      const answer = await send(agent, `${url}/api/llamacloud/api/v1/beta/files`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
      });
      expect(answer.status).toBe(401);
      expect(answer.connection).toBe('close');
    } finally {
      agent.destroy();
    }
  });
});
