import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteFile } from '../../../src/core/backend.js';
import { createXaiBackend } from '../../../src/core/xai/backend.js';
import { createXaiClient } from '../../../src/core/xai/client.js';
import type { XaiFiles } from '../../../src/core/xai/types.js';
import type { DevServer } from '../../../src/server/index.js';
import { directOf } from '../../support/fake-backend.js';
import { AUTH, startService } from '../../support/services.js';
import { rejection } from './harness.js';

const text = (name: string, body = 'hello xai') => new File([body], name, { type: 'text/plain' });
const params = (file: File, purpose?: string) => ({
  filename: file.name,
  mimeType: file.type,
  sizeBytes: file.size,
  ...(purpose ? { purpose } : {}),
});

for (const shape of ['openai', 'management'] as const) {
  describe(`createXaiClient against the ${shape} answer shape`, () => {
    let server: DevServer;
    beforeAll(async () => {
      server = await startService('xai', { xaiShape: shape });
    });
    afterEach(() => server.reset());
    afterAll(() => server.close());
    const client = () =>
      createXaiClient({ baseURL: server.url, headers: AUTH, retryBaseDelayMs: 10 });
    const api = () => server.requests().filter((entry) => entry.path.startsWith('/v1/'));

    it('uploads in one request (fields before the file part) and reads size, type and date', async () => {
      const { backend } = client();
      const file = text('notes.txt');
      const before = Date.now() - 1000;
      const stored = await directOf(backend).upload(file, params(file, 'assistants'));
      expect(stored).toMatchObject({
        filename: 'notes.txt',
        status: 'COMPLETED',
        sizeBytes: file.size,
      });
      expect(Date.parse(stored.createdAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
      const [upload] = api();
      expect(upload).toMatchObject({ method: 'POST', path: '/v1/files', status: 200 });
      expect(upload?.headers).not.toHaveProperty('lightfield-version');
      expect(upload?.headers).not.toHaveProperty('idempotency-key');
      await expect(backend.retrieve(stored.id)).resolves.toEqual(stored);
    });

    it('lists sorted by created_at and follows the token of the shape it was given', async () => {
      const { backend } = client();
      for (const name of ['a.txt', 'b.txt', 'c.txt']) {
        const file = text(name);
        await directOf(backend).upload(file, params(file));
      }
      const first = await backend.list({ limit: 2 });
      expect(first.data).toHaveLength(2);
      expect(first.nextCursor).toBeDefined();
      const second = await backend.list({ limit: 2, cursor: first.nextCursor });
      expect(second).toEqual({ data: [expect.objectContaining({ filename: 'a.txt' })] });
      const lists = api().filter((entry) => entry.method === 'GET');
      const token = shape === 'management' ? 'next_token' : 'pagination_token';
      expect(lists[0]?.path).toBe('/v1/files?sort_by=created_at&limit=2');
      expect(lists[1]?.path).toMatch(
        new RegExp(`^/v1/files\\?sort_by=created_at&limit=2&${token}=`),
      );
    });

    it('downloads the bytes through the API and deletes', async () => {
      const { backend } = client();
      const file = text('bytes.txt', 'the very bytes');
      const stored = await directOf(backend).upload(file, params(file));
      const blob = await backend.download!(stored.id);
      await expect(blob.text()).resolves.toBe('the very bytes');
      expect(backend.downloadUrl).toBeUndefined();
      await backend.delete!(stored.id);
      await expect(rejection(backend.retrieve(stored.id))).resolves.toMatchObject({
        code: 'not_found',
      });
    });
  });
}

describe('createXaiClient without a server', () => {
  it('refuses a filename xAI would refuse, before sending', async () => {
    const { backend } = createXaiClient({ baseURL: 'http://127.0.0.1:9' });
    const file = text('a;b.txt');
    await expect(rejection(directOf(backend).upload(file, params(file)))).resolves.toMatchObject({
      code: 'bad_request',
      param: 'filename',
    });
  });
});

describe('xAI paging ends', () => {
  const row = (id: string): RemoteFile => ({ id, filename: `${id}.txt`, status: 'COMPLETED' });
  const pages = (answers: Record<string, { data: RemoteFile[]; next?: string }>): XaiFiles => ({
    list: async (params) => {
      const answer = answers[params?.token?.value ?? ''];
      if (!answer) throw new Error(`no page ${params?.token?.value}`);
      return answer.next
        ? { data: answer.data, next: { value: answer.next, param: 'next_token' } }
        : { data: answer.data };
    },
    upload: () => Promise.reject(new Error('unused')),
    retrieve: () => Promise.reject(new Error('unused')),
    delete: () => Promise.reject(new Error('unused')),
    content: () => Promise.reject(new Error('unused')),
  });

  it('at a missing token, a short page, or a token seen before', async () => {
    const backend = createXaiBackend(
      pages({
        '': { data: [row('1'), row('2')], next: 't1' },
        t1: { data: [row('3'), row('4')], next: 't2' },
        t2: { data: [row('5'), row('6')], next: 't1' },
      }),
      'xai test',
    );
    const first = await backend.list({ limit: 2 });
    expect(first.nextCursor).toBe('next_token:t1');
    const second = await backend.list({ limit: 2, cursor: first.nextCursor });
    expect(second.nextCursor).toBe('next_token:t2');
    // t2's page names t1 again: a loop, so the walk ends there.
    const third = await backend.list({ limit: 2, cursor: second.nextCursor });
    expect(third).toEqual({ data: [row('5'), row('6')] });
    // Fetching the first page again (a refetch) still names t1.
    await expect(backend.list({ limit: 2 })).resolves.toMatchObject({
      nextCursor: 'next_token:t1',
    });

    const short = createXaiBackend(pages({ '': { data: [row('1')], next: 'more' } }), 'xai short');
    await expect(short.list({ limit: 2 })).resolves.toEqual({ data: [row('1')] });
  });
});
