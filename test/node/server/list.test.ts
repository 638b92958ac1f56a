import { describe, expect, it } from 'vitest';
import { createSession, errorOf, startServer } from './helpers.js';

describe('list', () => {
  it('pages newest first with offset and limit, without upload fields', async () => {
    const { api, clock } = await startServer();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push((await createSession(api, { filename: `f${i}.txt` })).id);
      if (i % 2) clock.advance(1); // some share a millisecond: creation order still decides
    }
    const newest = ids.slice().reverse();
    const first = await api('GET', '/v1/files');
    expect(first.body.object).toBe('list');
    expect(first.body.totalCount).toBe(30);
    expect(first.body.data.map((f: { id: string }) => f.id)).toEqual(newest.slice(0, 25));
    expect(first.body.data[0]).not.toHaveProperty('uploadUrl');
    expect(first.body.data[0]).not.toHaveProperty('uploadHeaders');
    const second = await api('GET', '/v1/files?offset=25&limit=25');
    expect(second.body.data.map((f: { id: string }) => f.id)).toEqual(newest.slice(25));
    const middle = await api('GET', '/v1/files?offset=3&limit=2');
    expect(middle.body.data.map((f: { id: string }) => f.id)).toEqual(newest.slice(3, 5));
    expect((await api('GET', '/v1/files?offset=100')).body).toEqual({
      object: 'list',
      data: [],
      totalCount: 30,
    });
    expect((await api('GET', '/v1/files?offset=&limit=')).body.data).toHaveLength(25);
  });

  it.each([
    ['limit=26', 'invalid_limit', 'limit'],
    ['limit=0', 'invalid_limit', 'limit'],
    ['limit=abc', 'invalid_limit', 'limit'],
    ['limit=2.5', 'invalid_limit', 'limit'],
    ['offset=-1', 'invalid_offset', 'offset'],
    ['page=2', 'unknown_parameter', 'page'],
  ])('refuses %s with 400', async (query, code, param) => {
    const { api } = await startServer();
    const answer = await api('GET', `/v1/files?${query}`);
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ type: 'bad_request', code, param });
  });
});
