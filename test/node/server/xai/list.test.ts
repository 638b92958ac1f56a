import { describe, expect, it } from 'vitest';
import type { XaiShape } from '../../../../src/server/index.js';
import { type Caller, postForm, startApi } from '../multipart-helpers.js';

const FILES = '/v1/files';

async function upload(call: Caller, name: string, size = 1): Promise<string> {
  const answer = await postForm(call, FILES, [
    { name: 'file', filename: name, data: 'x'.repeat(size) },
  ]);
  if (answer.status !== 200) throw new Error(`upload failed: ${answer.status} ${answer.text}`);
  return answer.body.id ?? answer.body.file_id;
}

const KEYS: Record<XaiShape, { items: string; token: string; id: string }> = {
  openai: { items: 'data', token: 'pagination_token', id: 'id' },
  management: { items: 'files', token: 'next_token', id: 'file_id' },
};

/** Follows the shape's continuation token to the end; returns the pages' ids. */
async function pageThrough(call: Caller, shape: XaiShape, query: string): Promise<string[][]> {
  const keys = KEYS[shape];
  const pages: string[][] = [];
  let token: string | undefined;
  for (;;) {
    const tail = token ? `&${keys.token}=${encodeURIComponent(token)}` : '';
    const answer = await call('GET', `${FILES}?${query}${tail}`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).every((k) => k === keys.items || k === keys.token)).toBe(true);
    pages.push(answer.body[keys.items].map((f: Record<string, string>) => f[keys.id]));
    token = answer.body[keys.token];
    if (token === undefined) return pages;
    if (pages.length > 10) throw new Error('paging does not end');
  }
}

describe.each(['openai', 'management'] as const)('xAI list (%s shape)', (shape) => {
  it('pages through 60 files sorted by created_at, both ways', async () => {
    const { call, clock } = await startApi('xai', { xaiShape: shape });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push(await upload(call, `f${i}.txt`));
      clock.advance(1000);
    }
    const up = await pageThrough(call, shape, 'limit=25&sort_by=created_at&order=asc');
    expect(up.map((p) => p.length)).toEqual([25, 25, 10]);
    expect(up.flat()).toEqual(ids);
    const down = await pageThrough(call, shape, 'limit=25&sort_by=created_at&order=desc');
    expect(down.flat()).toEqual([...ids].reverse());
    // Default: 100 a page, newest first.
    const all = await pageThrough(call, shape, 'sort_by=created_at');
    expect(all).toEqual([[...ids].reverse()]);
  });

  it("refuses the other shape's token parameter (422)", async () => {
    const { call } = await startApi('xai', { xaiShape: shape });
    const other = shape === 'openai' ? 'next_token' : 'pagination_token';
    expect((await call('GET', `${FILES}?${other}=abc`)).status).toBe(422);
  });
});

describe('xAI list', () => {
  it('guarantees no order without sort_by: files come in id order, not creation order', async () => {
    const { call } = await startApi('xai');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await upload(call, `f${i}.txt`));
    const listed = (await call('GET', `${FILES}?order=asc`)).body.data.map(
      (f: { id: string }) => f.id,
    );
    expect(listed).toEqual([...ids].sort());
  });

  it('sorts by filename and size', async () => {
    const { call } = await startApi('xai');
    await upload(call, 'b.txt', 3);
    await upload(call, 'c.txt', 1);
    await upload(call, 'a.txt', 2);
    const names = async (query: string) =>
      (await call('GET', `${FILES}?${query}`)).body.data.map(
        (f: { filename: string }) => f.filename,
      );
    expect(await names('sort_by=filename&order=asc')).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(await names('sort_by=size&order=DESCENDING')).toEqual(['b.txt', 'a.txt', 'c.txt']);
  });

  it.each([
    ['limit=101', 400],
    ['limit=0', 400],
    ['order=up', 400],
    ['sort_by=bytes', 400],
    ['filter=bytes%20%3E%201', 400],
    ['filter=size_bytes%20%3E%20big', 400],
    ['filter=name%20~%20x', 400],
    ['pagination_token=forged', 400],
    ['offset=0', 422],
    ['after=file-1', 422],
  ])('answers %s with %i in {code, error}', async (query, status) => {
    const { call } = await startApi('xai');
    await upload(call, 'a.txt');
    const answer = await call('GET', `${FILES}?${query}`);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ code: expect.any(String), error: expect.any(String) });
  });

  it('filters by the documented expressions, joined by AND', async () => {
    const { call, clock } = await startApi('xai');
    await upload(call, 'report-2025.txt', 10);
    clock.advance(86_400_000);
    const big = await upload(call, 'report-2026.txt', 2000);
    await upload(call, 'notes.txt', 3000);
    const names = async (filter: string) =>
      (
        await call(
          'GET',
          `${FILES}?sort_by=filename&order=asc&filter=${encodeURIComponent(filter)}`,
        )
      ).body.data.map((f: { filename: string }) => f.filename);
    expect(await names('name:"report"')).toEqual(['report-2025.txt', 'report-2026.txt']);
    expect(await names('size_bytes > 1000 AND upload_status = "Complete"')).toEqual([
      'notes.txt',
      'report-2026.txt',
    ]);
    expect(await names('file_name:"report" AND size_bytes >= 2000')).toEqual(['report-2026.txt']);
    expect(await names(`file_id = "${big}"`)).toEqual(['report-2026.txt']);
    expect(await names('created_at > "2026-04-08T12:00:00Z"')).toEqual([
      'notes.txt',
      'report-2026.txt',
    ]);
    expect(await names('content_type = "application/octet-stream"')).toHaveLength(3);
  });

  it('refuses a token replayed with another order', async () => {
    const { call } = await startApi('xai');
    for (let i = 0; i < 3; i++) await upload(call, `f${i}.txt`);
    const first = await call('GET', `${FILES}?limit=1&sort_by=created_at`);
    const token = encodeURIComponent(first.body.pagination_token);
    const replay = await call('GET', `${FILES}?limit=1&sort_by=filename&pagination_token=${token}`);
    expect(replay.status).toBe(400);
  });
});
