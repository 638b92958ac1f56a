/**
 * `authorize` runs inside the proxy for every request, whatever framework is in front, and sees
 * the operation, the checked file id and the validated body (or an upload's leading fields).
 */
import { describe, expect, it } from 'vitest';
import type { AuthorizeInput } from '../../../src/proxy/index.js';
import { call, createBody, makeProxy, putTo, startUpstream } from './helpers.js';
import { form } from './multipart.js';

describe('authorize', () => {
  it('sees every Lightfield operation with its file id and body', async () => {
    const upstream = await startUpstream();
    const seen: Array<Omit<AuthorizeInput, 'request'>> = [];
    const { proxy } = makeProxy(upstream.url, {
      authorize: ({ operation, fileId, body }) => {
        seen.push({ operation, ...(fileId ? { fileId } : {}), ...(body ? { body } : {}) });
        return { id: 'alice' };
      },
    });
    const created = await call(proxy, 'POST', '/v1/files', { body: createBody({ sizeBytes: 5 }) });
    const id = created.body.id as string;
    await putTo(created.body, 'hello');
    await call(proxy, 'POST', `/v1/files/${id}/complete`, { body: {} });
    await call(proxy, 'GET', `/v1/files/${id}`);
    await call(proxy, 'GET', `/v1/files/${id}/url`);
    await call(proxy, 'GET', '/v1/files?limit=5');
    await call(proxy, 'POST', `/v1/files/${id}/cancel`);
    expect(seen).toEqual([
      { operation: 'create', body: createBody({ sizeBytes: 5 }) },
      { operation: 'complete', fileId: id, body: {} },
      { operation: 'retrieve', fileId: id },
      { operation: 'url', fileId: id },
      { operation: 'list' },
      { operation: 'cancel', fileId: id, body: {} },
    ]);
  });

  it("sees an upload's leading fields and filename, never the file", async () => {
    const upstream = await startUpstream({ api: 'llamacloud' });
    const seen: AuthorizeInput['body'][] = [];
    const { proxy } = makeProxy(upstream.url, {
      api: 'llamacloud',
      basePath: '/api/llamacloud',
      authorize: ({ body }) => {
        seen.push(body);
        return { id: 'alice' };
      },
    });
    const answer = await call(proxy, 'POST', '/api/v1/beta/files', {
      base: '/api/llamacloud',
      raw: form({ purpose: 'parse', external_file_id: 'ext-1' }, { name: 'r.pdf', data: '%PDF' }),
    });
    expect(answer.status).toBe(200);
    expect(seen).toEqual([{ purpose: 'parse', external_file_id: 'ext-1', filename: 'r.pdf' }]);
  });

  it('a refusal a browser on an allowed origin can read: CORS headers on 401 and 429', async () => {
    const upstream = await startUpstream();
    const origin = 'https://app.example.com';
    const { proxy } = makeProxy(upstream.url, {
      cors: { origins: [origin], allowHeaders: ['authorization'], credentials: true },
      rateLimit: { perSecond: 1, burst: 1 },
    });
    const denied = await call(proxy, 'GET', '/v1/files', { user: null, headers: { origin } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe(origin);
    await call(proxy, 'GET', '/v1/files', { headers: { origin } });
    const limited = await call(proxy, 'GET', '/v1/files', { headers: { origin } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-allow-origin')).toBe(origin);
    expect(limited.headers.get('access-control-allow-credentials')).toBe('true');
    expect(limited.headers.get('access-control-expose-headers')).toContain('retry-after');
    const pre = await call(proxy, 'OPTIONS', '/v1/files', {
      user: null,
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});
