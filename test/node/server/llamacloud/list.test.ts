import { describe, expect, it } from 'vitest';
import { type Caller, postForm, startApi } from '../multipart-helpers.js';

const FILES = '/api/v1/beta/files';

async function upload(
  call: Caller,
  name: string,
  extra: Record<string, string> = {},
): Promise<{ id: string; name: string }> {
  const answer = await postForm(call, FILES, [
    { name: 'purpose', value: 'user_data' },
    ...Object.entries(extra).map(([k, v]) => ({ name: k, value: v })),
    { name: 'file', filename: name, data: name },
  ]);
  if (answer.status !== 200) throw new Error(`upload failed: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** Follows next_page_token to the end; returns the pages' ids. */
async function pageThrough(call: Caller, query: string): Promise<string[][]> {
  const pages: string[][] = [];
  let token: string | undefined;
  for (;;) {
    const sep = query === '' ? '' : '&';
    const path = `${FILES}?${query}${token ? `${sep}page_token=${encodeURIComponent(token)}` : ''}`;
    const answer = await call('GET', path);
    expect(answer.status).toBe(200);
    pages.push(answer.body.items.map((f: { id: string }) => f.id));
    token = answer.body.next_page_token;
    if (token === undefined) return pages;
    if (pages.length > 10) throw new Error('paging does not end');
  }
}

describe('LlamaCloud list', () => {
  it('pages through 60 files by cursor, oldest first and newest first', async () => {
    const { call, clock } = await startApi('llamacloud');
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push((await upload(call, `f${String(i).padStart(2, '0')}.txt`)).id);
      clock.advance(1000);
    }
    const up = await pageThrough(call, 'page_size=25');
    expect(up.map((p) => p.length)).toEqual([25, 25, 10]);
    expect(up.flat()).toEqual(ids);
    const down = await pageThrough(call, 'page_size=25&order_by=created_at%20desc');
    expect(down.map((p) => p.length)).toEqual([25, 25, 10]);
    expect(down.flat()).toEqual([...ids].reverse());
    // Default page size 50.
    expect((await pageThrough(call, '')).map((p) => p.length)).toEqual([50, 10]);
  });

  it('answers items without size or creation time, and no token on the last page', async () => {
    const { call } = await startApi('llamacloud');
    await upload(call, 'a.txt');
    const answer = await call('GET', FILES);
    expect(answer.body).toEqual({ items: [expect.any(Object)] });
    expect(answer.body.items[0]).not.toHaveProperty('file_size');
    expect(answer.body.items[0]).not.toHaveProperty('created_at');
  });

  it('neither repeats nor skips a file when one is deleted between pages', async () => {
    const { call } = await startApi('llamacloud');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await upload(call, `f${i}.txt`)).id);
    const first = await call('GET', `${FILES}?page_size=3`);
    expect(first.body.items.map((f: { id: string }) => f.id)).toEqual(ids.slice(0, 3));
    await call('DELETE', `${FILES}/${ids[2]}`);
    await call('DELETE', `${FILES}/${ids[3]}`);
    const second = await call(
      'GET',
      `${FILES}?page_size=3&page_token=${encodeURIComponent(first.body.next_page_token)}`,
    );
    expect(second.body.items.map((f: { id: string }) => f.id)).toEqual(ids.slice(4));
    expect(second.body).not.toHaveProperty('next_page_token');
  });

  it('orders by name or id, and filters by file_name, file_ids and external_file_id', async () => {
    const { call } = await startApi('llamacloud');
    const c = await upload(call, 'c.txt', { external_file_id: 'ext-c' });
    const a = await upload(call, 'a.txt');
    const b = await upload(call, 'b.txt', { external_file_id: 'ext-b' });
    const names = async (query: string) =>
      (await call('GET', `${FILES}?${query}`)).body.items.map((f: { name: string }) => f.name);
    expect(await names('order_by=name')).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(await names('order_by=name%20desc')).toEqual(['c.txt', 'b.txt', 'a.txt']);
    const byId = [a, b, c].sort((x, y) => (x.id < y.id ? -1 : 1)).map((f) => f.name);
    expect(await names('order_by=id')).toEqual(byId);
    expect(await names('file_name=b.txt')).toEqual(['b.txt']);
    expect(await names(`file_ids=${a.id}&file_ids=${c.id}`)).toEqual(['c.txt', 'a.txt']);
    expect(await names(`file_ids=${a.id},${b.id}`)).toEqual(['a.txt', 'b.txt']);
    expect(await names('external_file_id=ext-c')).toEqual(['c.txt']);
  });

  it.each([
    ['page_size=0', ['query', 'page_size']],
    ['page_size=1001', ['query', 'page_size']],
    ['page_size=ten', ['query', 'page_size']],
    ['order_by=size', ['query', 'order_by']],
    ['order_by=name%20sideways', ['query', 'order_by']],
    ['file_ids=not-a-uuid', ['query', 'file_ids']],
    ['limit=10', ['query', 'limit']],
    ['offset=0', ['query', 'offset']],
  ])('answers 422 for %s', async (query, loc) => {
    const { call } = await startApi('llamacloud');
    const answer = await call('GET', `${FILES}?${query}`);
    expect(answer.status).toBe(422);
    expect(answer.body.detail[0].loc).toEqual(loc);
  });

  it('accepts page_size 1000 and refuses a forged token or one from another query', async () => {
    const { call } = await startApi('llamacloud');
    for (let i = 0; i < 3; i++) await upload(call, `f${i}.txt`);
    expect((await call('GET', `${FILES}?page_size=1000`)).status).toBe(200);
    const first = await call('GET', `${FILES}?page_size=1`);
    const token = encodeURIComponent(first.body.next_page_token);
    const forged = await call('GET', `${FILES}?page_token=bm9wZQ`);
    expect(forged.status).toBe(400);
    expect(forged.body).toEqual({ detail: expect.stringMatching(/page_token/) });
    const other = await call('GET', `${FILES}?order_by=name&page_token=${token}`);
    expect(other.status).toBe(400);
    // The same query with another page size is the same list: the token still works.
    expect((await call('GET', `${FILES}?page_size=2&page_token=${token}`)).body.items).toHaveLength(
      2,
    );
  });
});
