import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf } from '../../support/fake-backend.js';
import { FiledockError } from '../../../src/core/errors.js';
import { createMemoryClient } from '../../../src/testing/index.js';

const T0 = Date.parse('2026-11-01T12:00:00.000Z');
const md5Of = (text: string): string => createHash('md5').update(text).digest('hex');

async function errorOf(promise: Promise<unknown>): Promise<FiledockError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FiledockError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

async function upload(
  client: ReturnType<typeof createMemoryClient>,
  text: string,
  purpose?: 'knowledge_user',
) {
  const body = new Blob([text], { type: 'text/plain' });
  const session = await sessionOf(client.backend).create({
    filename: 'a.txt',
    mimeType: 'text/plain',
    sizeBytes: body.size,
    ...(purpose ? { purpose } : {}),
  });
  await sessionOf(client.backend).put(session, body);
  return {
    session,
    file: await sessionOf(client.backend).complete(session.id, { md5: md5Of(text) }),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createMemoryClient', () => {
  it('runs create → put → complete and stores the bytes', async () => {
    const client = createMemoryClient({ now: () => T0 });
    const { session, file } = await upload(client, 'hello');
    expect(session.status).toBe('PENDING');
    expect(session.uploadHeaders).toEqual({ 'content-type': 'text/plain' });
    expect(file.status).toBe('COMPLETED');
    expect(file.completedAt).toBe('2026-11-01T12:00:00.000Z');
    expect(await client.control.read(file.id)?.text()).toBe('hello');
    expect(client.control.calls.map((c) => c.route)).toEqual(['create', 'put', 'complete']);
  });

  it('stamps knowledge filenames and signs if-none-match', async () => {
    const client = createMemoryClient({ now: () => T0 });
    const { session } = await upload(client, 'notes', 'knowledge_user');
    expect(session.filename).toBe(`a_${T0}.txt`);
    expect(session.uploadHeaders['if-none-match']).toBe('*');
  });

  it('rejects a wrong MD5 with checksum-mismatch', async () => {
    const client = createMemoryClient();
    const session = await client.files.create({
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 2,
    });
    await sessionOf(client.backend).put(session, new Blob(['hi']));
    const error = await errorOf(client.files.complete(session.id, { md5: md5Of('ho') }));
    expect(error.code).toBe('checksum-mismatch');
  });

  it('maps injected statuses like the real client, once per armed time', async () => {
    const client = createMemoryClient({
      faults: [
        { route: 'create', status: 429, retryAfterSeconds: 2 },
        { route: 'put', status: 403 },
        { route: 'list', status: 503, times: 2 },
      ],
    });
    const limited = await errorOf(
      client.files.create({ filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 1 }),
    );
    expect({
      code: limited.code,
      retryable: limited.retryable,
      retryAfterMs: limited.retryAfterMs,
    }).toEqual({
      code: 'rate-limited',
      retryable: true,
      retryAfterMs: 2000,
    });
    const session = await client.files.create({
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 1,
    });
    expect((await errorOf(sessionOf(client.backend).put(session, new Blob(['x'])))).code).toBe(
      'storage-rejected',
    );
    expect((await errorOf(client.files.list())).code).toBe('service_unavailable');
    expect((await errorOf(client.files.list())).retryable).toBe(true);
    await expect(client.files.list()).resolves.toMatchObject({ object: 'list', totalCount: 1 });
  });

  it('raises malformed, drop and filename-scoped faults with their codes', async () => {
    const client = createMemoryClient({ files: [{ filename: 'x.pdf' }] });
    client.control.addFault({ route: 'retrieve', kind: 'malformed' });
    client.control.addFault({ route: 'create', kind: 'drop', filename: 'b.txt' });
    const [seeded] = client.control.list();
    expect((await errorOf(client.files.retrieve(seeded!.id))).code).toBe('invalid-response');
    await expect(
      client.files.create({ filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 1 }),
    ).resolves.toMatchObject({ filename: 'a.txt' });
    const dropped = await errorOf(
      client.files.create({ filename: 'b.txt', mimeType: 'text/plain', sizeBytes: 1 }),
    );
    expect([dropped.code, dropped.retryable]).toEqual(['network', true]);
  });

  it('expires the session on an expire fault so a fresh session is needed', async () => {
    const client = createMemoryClient({ faults: [{ route: 'put', kind: 'expire' }] });
    const session = await client.files.create({
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 1,
    });
    expect((await errorOf(sessionOf(client.backend).put(session, new Blob(['x'])))).code).toBe(
      'upload-expired',
    );
    expect((await client.files.retrieve(session.id)).status).toBe('EXPIRED');
    expect((await errorOf(sessionOf(client.backend).put(session, new Blob(['x'])))).code).toBe(
      'upload-expired',
    );
  });

  it('expires PENDING sessions when the clock passes expiresAt', async () => {
    let now = T0;
    const client = createMemoryClient({ now: () => now, sessionTtlMs: 1000 });
    const session = await client.files.create({
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 1,
    });
    now += 1000;
    expect((await client.files.retrieve(session.id)).status).toBe('EXPIRED');
  });

  it('reports PUT progress at bytesPerSecond on timers and aborts mid-way', async () => {
    vi.useFakeTimers();
    const client = createMemoryClient({ bytesPerSecond: 100, progressIntervalMs: 100 });
    const session = await client.files.create({
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 50,
    });
    const seen: number[] = [];
    const controller = new AbortController();
    const done = sessionOf(client.backend).put(session, new Blob(['x'.repeat(50)]), {
      signal: controller.signal,
      onProgress: ({ loaded }) => seen.push(loaded),
    });
    await vi.advanceTimersByTimeAsync(300);
    expect(seen).toEqual([0, 10, 20, 30]);
    controller.abort();
    expect((await errorOf(done)).code).toBe('aborted');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds an upload at a percent until released', async () => {
    const client = createMemoryClient({ pauseAt: { phase: 'uploading', percent: 40 } });
    const session = await client.files.create({
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 10,
    });
    const seen: number[] = [];
    let settled = false;
    const done = sessionOf(client.backend)
      .put(session, new Blob(['0123456789']), { onProgress: ({ loaded }) => seen.push(loaded) })
      .then(() => (settled = true));
    await vi.waitFor(() => expect(seen).toEqual([0, 4]));
    await Promise.resolve();
    expect(settled).toBe(false);
    client.control.setPaused(false);
    await done;
    expect(seen).toEqual([0, 4, 10]);
  });

  it('holds at a percent that falls between two bytes without spinning', async () => {
    const client = createMemoryClient({ pauseAt: { phase: 'uploading', percent: 50 } });
    const session = await client.files.create({
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 11,
    });
    const seen: number[] = [];
    const done = sessionOf(client.backend).put(session, new Blob(['hello world']), {
      onProgress: ({ loaded }) => seen.push(loaded),
    });
    await vi.waitFor(() => expect(seen).toEqual([0, 5]));
    client.control.setPaused(false);
    await done;
    expect(seen).toEqual([0, 5, 11]);
  });

  it('holds create and complete phases, and a held call rejects with aborted', async () => {
    const client = createMemoryClient({ pauseAt: { phase: 'creating' } });
    const controller = new AbortController();
    const held = client.files.create(
      { filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 1 },
      { signal: controller.signal },
    );
    await vi.waitFor(() => expect(client.control.calls).toHaveLength(1));
    controller.abort();
    expect((await errorOf(held)).code).toBe('aborted');
  });

  it('pages newest first and refuses URLs of unfinished files', async () => {
    const client = createMemoryClient();
    const seeded = client.control.seed(
      Array.from({ length: 30 }, (_, i) => ({
        filename: `f${i}.pdf`,
        createdAt: new Date(T0 + i * 1000).toISOString(),
      })),
    );
    const page2 = await client.files.list({ offset: 25, limit: 25 });
    expect(page2.totalCount).toBe(30);
    expect(page2.data.map((f) => f.filename)).toEqual([
      'f4.pdf',
      'f3.pdf',
      'f2.pdf',
      'f1.pdf',
      'f0.pdf',
    ]);
    expect((await errorOf(client.files.list({ limit: 26 }))).code).toBe('bad_request');
    const [pending] = client.control.seed([{ filename: 'p.pdf', status: 'PENDING' }]);
    expect((await errorOf(client.files.url(pending!.id))).code).toBe('conflict');
    await expect(client.files.url(seeded[0]!.id)).resolves.toMatchObject({
      url: expect.stringContaining(seeded[0]!.id),
    });
  });

  it('validates create like the API', async () => {
    const client = createMemoryClient();
    const error = await errorOf(
      client.files.create({
        filename: 'a.exe',
        mimeType: 'application/x-msdownload',
        sizeBytes: 1,
        purpose: 'knowledge_user',
      }),
    );
    expect([error.code, error.param]).toEqual(['bad_request', 'mimeType']);
    expect(
      (await errorOf(client.files.create({ filename: '', mimeType: 'text/plain', sizeBytes: 1 })))
        .param,
    ).toBe('filename');
  });
});
