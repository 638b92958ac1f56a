import { describe, expect, it } from 'vitest';
import { redactCredential } from '../../../src/server/request-log.js';
import { createSession, type Json, md5, preflight, putBytes, raw, startServer } from './helpers.js';

async function control(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}/_control/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, body: await res.json() };
}

describe('the control endpoint', () => {
  it('is not served unless enabled', async () => {
    const { server } = await startServer();
    const answer = await raw(`${server.url}/_control/requests`);
    expect(answer.status).toBe(404);
  });

  it('adds, lists and clears faults, refusing bad specs', async () => {
    const { server, api } = await startServer({ control: true });
    const added = await control(server.url, 'POST', 'faults', {
      faults: [{ route: 'list', status: 503, retryAfter: 1 }],
    });
    expect(added).toEqual({
      status: 200,
      body: { faults: [{ route: 'list', status: 503, retryAfter: 1 }] },
    });
    const bad = await control(server.url, 'POST', 'faults', {
      faults: [{ route: 'list', malformed: 'xml' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_fault' });
    expect((await api('GET', '/v1/files')).status).toBe(503);
    await control(server.url, 'POST', 'faults', { faults: [{ route: 'list', status: 500 }] });
    expect((await control(server.url, 'DELETE', 'faults')).body).toEqual({ faults: [] });
    expect((await api('GET', '/v1/files')).status).toBe(200);
  });

  it('logs API and storage requests with lower-case headers, route and file id', async () => {
    const { server, api } = await startServer({ control: true });
    const session = await createSession(api);
    await putBytes(session, 'hello world');
    await api('POST', `/v1/files/${session.id}/complete`, { body: { md5: md5('hello world') } });
    const { body } = await control(server.url, 'GET', 'requests');
    expect(
      body.requests.map((r: { method: string; route: string; status: number }) => [
        r.method,
        r.route,
        r.status,
      ]),
    ).toEqual([
      ['POST', 'create', 200],
      ['PUT', 'put', 200],
      ['POST', 'complete', 200],
    ]);
    const put = body.requests[1];
    expect(put.fileId).toBe(session.id);
    expect(put.headers['content-type']).toBe('text/plain');
    expect(put.headers).not.toHaveProperty('authorization');
    expect(body.requests[0].headers.authorization).toBe(redactCredential('Bearer sk_lf_test'));
    expect(JSON.stringify(body)).not.toContain('sk_lf_test');
    expect(Date.parse(put.endedAt)).toBeGreaterThanOrEqual(Date.parse(put.startedAt));
    expect(server.requests()).toEqual(body.requests);
    await control(server.url, 'DELETE', 'requests');
    expect((await control(server.url, 'GET', 'requests')).body.requests).toEqual([]);
  });

  it('shows internal file detail', async () => {
    const { server, api } = await startServer({ control: true });
    const session = await createSession(api, {
      filename: 'k.md',
      mimeType: 'text/markdown',
      purpose: 'knowledge_user',
    });
    await putBytes(session, 'hello world');
    const { body } = await control(server.url, 'GET', 'files');
    expect(body.files).toEqual([
      expect.objectContaining({
        id: session.id,
        purpose: 'knowledge_user',
        originalFilename: 'k.md',
        md5: md5('hello world'),
        receivedBytes: 11,
        status: 'PENDING',
      }),
    ]);
  });

  it('changes config for new sessions and refuses bad values', async () => {
    const { server, api } = await startServer({ control: true });
    const changed = await control(server.url, 'POST', 'config', {
      sessionTtlMs: 5000,
      rateLimit: { perSecond: 1 },
    });
    expect(changed.body.config).toMatchObject({ sessionTtlMs: 5000, rateLimit: { perSecond: 1 } });
    const session = await createSession(api);
    expect(Date.parse(session.expiresAt) - Date.parse(session.createdAt)).toBe(5000);
    expect(
      (
        await api('POST', '/v1/files', {
          body: { filename: 'b', mimeType: 'text/plain', sizeBytes: 1 },
        })
      ).status,
    ).toBe(429);
    const bad = await control(server.url, 'POST', 'config', { sessionTtlMs: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_config');
  });

  it('resets files, faults, log and config', async () => {
    const { server, api } = await startServer({ control: true, sessionTtlMs: 7000 });
    await createSession(api);
    await control(server.url, 'POST', 'config', { sessionTtlMs: 1000 });
    await control(server.url, 'POST', 'faults', { faults: [{ route: 'create', status: 500 }] });
    expect((await control(server.url, 'POST', 'reset')).body).toEqual({ ok: true });
    expect((await control(server.url, 'GET', 'files')).body.files).toEqual([]);
    expect(server.requests()).toEqual([]);
    const fresh = await createSession(api);
    expect(Date.parse(fresh.expiresAt) - Date.parse(fresh.createdAt)).toBe(7000);
  });

  it('answers CORS preflights', async () => {
    const { server } = await startServer({ control: true });
    const answer = await preflight(
      `${server.url}/_control/faults`,
      'http://localhost:63315',
      'POST',
      'content-type',
    );
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });
});
