import { describe, expect, it } from 'vitest';
import { errorOf, startServer } from './helpers.js';

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a category bucket is empty, and refills over time', async () => {
    const { api, clock } = await startServer({ rateLimit: { perSecond: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('GET', '/v1/files/fil_x')).status);
    expect(statuses).toEqual([404, 404, 404]);
    const limited = await api('GET', '/v1/files/fil_x');
    expect(limited.status).toBe(429);
    expect(errorOf(limited)).toMatchObject({ type: 'too_many_requests', code: 'rate_limited' });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('retry-after-ms')).toBe('334');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    // Other categories have their own buckets.
    expect((await api('GET', '/v1/files')).status).toBe(200);
    // One token back after a third of a second.
    clock.advance(334);
    expect((await api('GET', '/v1/files/fil_x')).status).toBe(404);
    expect((await api('GET', '/v1/files/fil_x')).status).toBe(429);
  });

  it('counts each API key separately', async () => {
    const { api } = await startServer({ rateLimit: { perSecond: 1 } });
    expect((await api('GET', '/v1/files', { token: 'a' })).status).toBe(200);
    expect((await api('GET', '/v1/files', { token: 'a' })).status).toBe(429);
    expect((await api('GET', '/v1/files', { token: 'b' })).status).toBe(200);
  });

  it('reports the remaining budget in the headers', async () => {
    const { api } = await startServer({ rateLimit: { perSecond: 5 } });
    const answer = await api('GET', '/v1/files');
    expect(answer.headers.get('x-ratelimit-limit')).toBe('5');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('never limits when switched off, at run time too', async () => {
    const { api, server } = await startServer({ rateLimit: { perSecond: 1 } });
    await api('GET', '/v1/files');
    expect((await api('GET', '/v1/files')).status).toBe(429);
    server.setConfig({ rateLimit: false });
    for (let i = 0; i < 30; i++) expect((await api('GET', '/v1/files')).status).toBe(200);
  });
});
