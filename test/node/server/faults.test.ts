import { describe, expect, it } from 'vitest';
import { FaultController } from '../../../src/server/index.js';
import { createSession, errorOf, putBytes, raw, startServer } from './helpers.js';

const DATA = 'hello world';

describe('fault injection', () => {
  it('answers a scripted status with an envelope and Retry-After', async () => {
    const { api, server } = await startServer();
    server.faults.add({ route: 'retrieve', status: 503, retryAfter: 2 });
    const answer = await api('GET', '/v1/files/fil_x');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('2');
    expect(errorOf(answer)).toMatchObject({ type: 'service_unavailable', code: 'injected_fault' });
    expect((await api('GET', '/v1/files/fil_x')).status).toBe(404);
  });

  it('honours after and times, and only hits its own route', async () => {
    const { api, server } = await startServer({
      faults: [{ route: 'list', status: 500, after: 1, times: 2 }],
    });
    expect((await api('GET', '/v1/files/fil_x')).status).toBe(404);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api('GET', '/v1/files')).status);
    expect(statuses).toEqual([200, 500, 500, 200]);
    expect(server.faults.list()).toEqual([]);
  });

  it('a fault naming a fileId hits only requests about that file', async () => {
    const { api, server } = await startServer();
    server.faults.add({ route: 'retrieve', status: 503, fileId: 'fil_mine' });
    expect((await api('GET', '/v1/files/fil_other')).status).toBe(404);
    expect(server.faults.list()).toHaveLength(1);
    expect((await api('GET', '/v1/files/fil_mine')).status).toBe(503);
    expect(server.faults.list()).toEqual([]);
  });

  it('delays an answer', async () => {
    const { api, server } = await startServer();
    server.faults.add({ route: 'list', delayMs: 150 });
    const started = performance.now();
    expect((await api('GET', '/v1/files')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it.each([
    ['invalid-json', 'application/json', (t: string) => expect(() => JSON.parse(t)).toThrow()],
    [
      'missing-fields',
      'application/json',
      (t: string) => expect(JSON.parse(t)).not.toHaveProperty('status'),
    ],
    [
      'wrong-types',
      'application/json',
      (t: string) => expect(typeof JSON.parse(t).id).toBe('number'),
    ],
    ['html', 'text/html; charset=utf-8', (t: string) => expect(t).toMatch(/^<!doctype html>/)],
    ['text', 'text/plain; charset=utf-8', (t: string) => expect(t.length).toBeGreaterThan(0)],
  ] as const)('answers 200 with a %s body', async (kind, contentType, check) => {
    const { server } = await startServer();
    server.faults.add({ route: 'retrieve', malformed: kind });
    const answer = await raw(`${server.url}/v1/files/fil_x`, {
      headers: { authorization: 'Bearer t', 'lightfield-version': '2026-03-01' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(contentType);
    check(answer.text);
  });

  it('drops a PUT connection after N bytes and stores nothing', async () => {
    const { api, server } = await startServer({ control: true });
    const session = await createSession(api);
    server.faults.add({ route: 'put', dropAfterBytes: 5 });
    await expect(putBytes(session, DATA)).rejects.toThrow(/socket hang up|ECONNRESET|EPIPE/);
    const files = await (await fetch(`${server.url}/_control/files`)).json();
    expect(files.files[0]).toMatchObject({ status: 'PENDING', receivedBytes: 0, md5: null });
    expect((await putBytes(session, DATA)).status).toBe(200);
  });

  it('throttles a PUT to the given pace', async () => {
    const { api, server } = await startServer();
    const data = Buffer.alloc(2000, 1);
    const session = await createSession(api, {
      sizeBytes: data.length,
      mimeType: 'application/octet-stream',
    });
    server.faults.add({ route: 'put', throttleBytesPerSecond: 4000 });
    const started = performance.now();
    expect((await putBytes(session, data)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('expires the session before a PUT or a complete', async () => {
    const { api, server } = await startServer();
    const a = await createSession(api);
    server.faults.add({ route: 'put', expire: true });
    const put = await putBytes(a, DATA);
    expect(put.status).toBe(403);
    expect(put.json().error.code).toBe('url_expired');
    expect((await api('GET', `/v1/files/${a.id}`)).body).toMatchObject({
      status: 'EXPIRED',
      expiresAt: null,
    });

    const b = await createSession(api);
    await putBytes(b, DATA);
    server.faults.add({ route: 'complete', expire: true });
    const complete = await api('POST', `/v1/files/${b.id}/complete`, { body: {} });
    expect(complete.status).toBe(409);
    expect(errorOf(complete).code).toBe('expired');
  });

  it('fails a download on request', async () => {
    const { api, server } = await startServer();
    const session = await createSession(api);
    await putBytes(session, DATA);
    await api('POST', `/v1/files/${session.id}/complete`);
    const { url } = (await api('GET', `/v1/files/${session.id}/url`)).body;
    server.faults.add({ route: 'download', status: 500 });
    expect((await raw(url)).status).toBe(500);
    expect((await raw(url)).text).toBe(DATA);
  });

  it('drops the connection without an answer', async () => {
    const { api, server } = await startServer();
    server.faults.add({ route: 'list', drop: true });
    await expect(api('GET', '/v1/files')).rejects.toThrow(/fetch failed/);
    expect(server.requests().at(-1)).toMatchObject({ route: 'list', status: 0 });
    expect((await api('GET', '/v1/files')).status).toBe(200);
  });

  it('completes, then fails the answer (afterEffect); the same Idempotency-Key replays the result', async () => {
    const { api, server } = await startServer();
    const session = await createSession(api);
    await putBytes(session, DATA);
    server.faults.add({ route: 'complete', status: 503, afterEffect: true });
    const headers = { 'idempotency-key': 'complete-1' };
    const failed = await api('POST', `/v1/files/${session.id}/complete`, { body: {}, headers });
    expect(failed.status).toBe(503);
    expect((await api('GET', `/v1/files/${session.id}`)).body.status).toBe('COMPLETED');
    const replay = await api('POST', `/v1/files/${session.id}/complete`, { body: {}, headers });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('stores PUT bytes, then drops the connection (afterEffect)', async () => {
    const { api, server } = await startServer({ control: true });
    const session = await createSession(api);
    server.faults.add({ route: 'put', drop: true, afterEffect: true });
    await expect(putBytes(session, DATA)).rejects.toThrow(/socket hang up|ECONNRESET/);
    const done = await api('POST', `/v1/files/${session.id}/complete`, { body: {} });
    expect(done.body.status).toBe('COMPLETED');
  });

  it('refuses malformed fault specs with a clear message', () => {
    const faults = new FaultController();
    expect(() => faults.add({ route: 'nope' } as never)).toThrow(/route must be one of/);
    expect(() => faults.add({ route: 'list', dropAfterBytes: 3 })).toThrow(/apply to route put/);
    expect(() => faults.add({ route: 'list', expire: true })).toThrow(/expire applies/);
    expect(() => faults.add({ route: 'list', status: 200 })).toThrow(/400 to 599/);
    expect(() => faults.add({ route: 'list', times: 0 })).toThrow(/times/);
    expect(() => faults.add({ route: 'list', afterEffect: true })).toThrow(/needs status/);
    expect(() => faults.add({ route: 'download', afterEffect: true, status: 500 })).toThrow(
      /does not apply to routes download/,
    );
    expect(() => faults.add({ route: 'upload' } as never)).toThrow(/route must be one of/);
    expect(() => faults.add({ route: 'list', surprise: 1 } as never)).toThrow(
      /unknown fault key surprise/,
    );
    expect(faults.list()).toEqual([]);
  });
});
