/**
 * Uploads through toNodeListener, which sends them upstream over node:http instead of fetch:
 * the same answers as through fetch for what the proxy relies on — bytes intact, an oversized
 * file cut (413), a dropped connection (502), a slow answer (504), a redirect refused (502), a
 * browser that leaves aborting upstream — and an app's own `fetch` still used when it gave one.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { toNodeListener } from '../../../src/proxy/node/index.js';
import { makeProxy, read, startUpstream } from './helpers.js';
import { listen } from './listen.js';
import { form } from './multipart.js';

const LC = '/api/llamacloud';
const PATH = `${LC}/api/v1/beta/files`;

/** Deterministic bytes no multipart delimiter can appear in by chance. */
function fileBytes(size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 7 + (i >> 11)) & 0x7f;
  return out;
}

async function viaListener(options: Parameters<typeof makeProxy>[1] = {}, upstreamUrl?: string) {
  const upstream = await startUpstream({ api: 'llamacloud' });
  const { proxy } = makeProxy(upstreamUrl ?? upstream.url, {
    api: 'llamacloud',
    basePath: LC,
    ...options,
  });
  const { url } = await listen(toNodeListener(proxy));
  return { upstream, url };
}

const post = (url: string, body: BodyInit, init: RequestInit = {}) =>
  fetch(`${url}${PATH}`, { method: 'POST', headers: { 'x-user': 'alice' }, body, ...init });

describe('uploads through toNodeListener', () => {
  it('arrive byte for byte, several chunks long', async () => {
    const { url } = await viaListener();
    const data = fileBytes(3 * 1024 * 1024 + 17);
    const up = await read(await post(url, form({ purpose: 'user_data' }, { name: 'a.bin', data })));
    expect(up.status).toBe(200);
    const content = await read(
      await fetch(`${url}${LC}/api/v1/beta/files/${up.body.id}/content`, {
        headers: { 'x-user': 'alice' },
      }),
    );
    const stored = new Uint8Array(await (await fetch(content.body.url)).arrayBuffer());
    expect(stored.byteLength).toBe(data.byteLength);
    expect(Buffer.from(stored).equals(Buffer.from(data))).toBe(true);
  });

  it('are cut at the cap: 413, and upstream keeps nothing', async () => {
    const { url, upstream } = await viaListener({ maxUploadBytes: 1024 * 1024 });
    const data = fileBytes(3 * 1024 * 1024);
    const answer = await read(
      await post(url, form({ purpose: 'user_data' }, { name: 'big.bin', data })),
    );
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('body_too_large');
    const list = await read(
      await fetch(`${url}${LC}/api/v1/beta/files`, {
        headers: { 'x-user': 'root', 'x-admin': '1' },
      }),
    );
    expect(list.body.items ?? list.body.data ?? []).toHaveLength(0);
    expect(
      upstream.requests().filter((r) => r.route === 'upload' && r.status === 200),
    ).toHaveLength(0);
  });

  it('answer 502 when upstream drops the connection mid-body', async () => {
    const { url, upstream } = await viaListener();
    upstream.faults.add({ route: 'upload', dropAfterBytes: 64 * 1024 });
    const data = fileBytes(2 * 1024 * 1024);
    const answer = await read(
      await post(url, form({ purpose: 'user_data' }, { name: 'a.bin', data })),
    );
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('upstream_unreachable');
  });

  it('answer 504 when upstream does not answer in time', async () => {
    const { url, upstream } = await viaListener({ uploadTimeoutMs: 200 });
    upstream.faults.add({ route: 'upload', delayMs: 5_000 });
    const answer = await read(
      await post(url, form({ purpose: 'user_data' }, { name: 'a.txt', data: 'alpha' })),
    );
    expect(answer.status).toBe(504);
    expect(answer.body.error.code).toBe('upstream_timeout');
  });

  it('refuse an upstream redirect (502) and do not follow it', async () => {
    let followed = false;
    const redirecting = await listen((req, res) => {
      if (req.url?.startsWith('/elsewhere')) followed = true;
      req.resume();
      req.once('end', () => res.writeHead(307, { location: '/elsewhere' }).end());
    });
    const { url } = await viaListener({}, redirecting.url);
    const answer = await read(
      await post(url, form({ purpose: 'user_data' }, { name: 'a.txt', data: 'alpha' })),
    );
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('upstream_redirect');
    expect(followed).toBe(false);
  });

  it('abort upstream when the browser leaves mid-upload', async () => {
    let arrived!: (req: IncomingMessage) => void;
    const upstreamRequest = new Promise<IncomingMessage>((resolve) => {
      arrived = resolve;
    });
    const sink = await listen((req) => arrived(req));
    const { url } = await viaListener({}, sink.url);
    const head = `--b\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nuser_data\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const browser = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(head));
        controller.enqueue(fileBytes(64 * 1024));
        // ...and nothing more until the browser leaves.
      },
    });
    const answer = post(url, body, {
      headers: { 'x-user': 'alice', 'content-type': 'multipart/form-data; boundary=b' },
      signal: browser.signal,
      duplex: 'half',
    } as RequestInit).catch((error: unknown) => error);
    const req = await upstreamRequest;
    const gone = new Promise<void>((resolve) => req.once('close', () => resolve()));
    req.resume();
    browser.abort();
    await gone;
    expect(req.complete).toBe(false);
    expect(await answer).toBeInstanceOf(Error);
  });

  it('still go through the fetch an app gave', async () => {
    const appFetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
      globalThis.fetch(input, init),
    );
    const { url } = await viaListener({ fetch: appFetch as typeof fetch });
    const answer = await read(
      await post(url, form({ purpose: 'user_data' }, { name: 'a.txt', data: 'alpha' })),
    );
    expect(answer.status).toBe(200);
    expect(appFetch).toHaveBeenCalledTimes(1);
    expect(appFetch.mock.calls[0]?.[1]?.body).toBeInstanceOf(ReadableStream);
  });
});
