import { describe, expect, it } from 'vitest';
import { createSession, preflight, startServer } from './helpers.js';

describe('CORS', () => {
  it('allows the API headers on a preflight for any origin by default', async () => {
    const { server } = await startServer();
    const answer = await preflight(
      `${server.url}/v1/files`,
      'http://localhost:5173',
      'POST',
      'authorization,lightfield-version,content-type,idempotency-key',
    );
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    const allowed = String(answer.headers['access-control-allow-headers']).split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining([
        'authorization',
        'lightfield-version',
        'content-type',
        'idempotency-key',
      ]),
    );
    expect(String(answer.headers['access-control-allow-methods'])).toContain('POST');
  });

  it('allows the issued upload headers on a storage preflight', async () => {
    const { server, api } = await startServer();
    const session = await createSession(api, {
      filename: 'a.md',
      mimeType: 'text/markdown',
      purpose: 'knowledge_user',
    });
    const answer = await preflight(
      session.uploadUrl,
      'http://localhost:5173',
      'PUT',
      'content-type,if-none-match',
    );
    expect(answer.status).toBe(204);
    expect(String(answer.headers['access-control-allow-methods'])).toContain('PUT');
    expect(String(answer.headers['access-control-allow-headers']).split(/,\s*/)).toEqual(
      expect.arrayContaining(['content-type', 'if-none-match']),
    );
    expect(server.requests().at(-1)).toMatchObject({
      method: 'OPTIONS',
      route: 'put',
      fileId: session.id,
    });
  });

  it('exposes Retry-After and the rate-limit headers on answers', async () => {
    const { server } = await startServer();
    const answer = await fetch(`${server.url}/v1/files`, {
      headers: {
        origin: 'http://app.test',
        authorization: 'Bearer x',
        'lightfield-version': '2026-03-01',
      },
    });
    const exposed = (answer.headers.get('access-control-expose-headers') ?? '').split(/,\s*/);
    expect(exposed).toEqual(
      expect.arrayContaining([
        'retry-after',
        'retry-after-ms',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
      ]),
    );
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('echoes only configured origins', async () => {
    const { server } = await startServer({ corsOrigins: ['http://good.test'] });
    const good = await preflight(
      `${server.url}/v1/files`,
      'http://good.test',
      'GET',
      'authorization',
    );
    expect(good.headers['access-control-allow-origin']).toBe('http://good.test');
    expect(good.headers.vary).toContain('Origin');
    const bad = await preflight(
      `${server.url}/v1/files`,
      'http://evil.test',
      'GET',
      'authorization',
    );
    expect(bad.headers['access-control-allow-origin']).toBeUndefined();
    expect(bad.headers['access-control-allow-headers']).toBeUndefined();
  });
});
