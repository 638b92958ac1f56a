import { createHash } from 'node:crypto';
import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { redactCredential } from '../../../src/server/request-log.js';
import { sessionOf } from '../../support/fake-backend.js';
import { createLightfieldClient } from '../../../src/core/lightfield/client.js';
import { AUTH, type Harness, textBlob, startHarnessPerTest } from './harness.js';

let h: Harness;
startHarnessPerTest((started) => {
  h = started;
});

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('the Lightfield client against the reference server', () => {
  it('creates, uploads, completes, retrieves, lists and downloads a file', async () => {
    const client = h.client();
    const text = 'hello filedock\n';
    const session = await client.files.create({
      filename: 'hello.txt',
      mimeType: 'text/plain',
      sizeBytes: text.length,
    });
    expect(session).toMatchObject({
      status: 'PENDING',
      filename: 'hello.txt',
      sizeBytes: text.length,
      completedAt: null,
    });
    expect(session.id).toMatch(/^fil_/);
    expect(session.uploadHeaders['content-type']).toBe('text/plain');

    await sessionOf(client.backend).put(session, textBlob(text));
    const completed = await client.files.complete(session.id, { md5: md5(text) });
    expect(completed).toMatchObject({ id: session.id, status: 'COMPLETED', expiresAt: null });
    expect(completed.completedAt).toEqual(expect.any(String));

    await expect(client.files.retrieve(session.id)).resolves.toEqual(completed);
    const page = await client.files.list();
    expect(page).toMatchObject({ object: 'list', totalCount: 1 });
    expect(page.data.map((f) => f.id)).toEqual([session.id]);

    const link = await client.files.url(session.id);
    expect(Date.parse(link.expiresAt)).toBeGreaterThan(Date.now());
    const download = await fetch(link.url);
    expect(await download.text()).toBe(text);
  });

  it('stamps knowledge filenames and issues if-none-match: *', async () => {
    const session = await h.client().files.create({
      filename: 'playbook.md',
      mimeType: 'text/markdown',
      sizeBytes: 3,
      purpose: 'knowledge_user',
    });
    expect(session.filename).toMatch(/^playbook_\d+\.md$/);
    expect(session.uploadHeaders).toMatchObject({ 'if-none-match': '*' });
  });

  it('cancels a pending session', async () => {
    const client = h.client();
    const session = await client.files.create({
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 4,
    });
    const cancelled = await client.files.cancel(session.id);
    expect(cancelled).toMatchObject({ id: session.id, status: 'CANCELLED', expiresAt: null });
  });

  it('pages with offset and limit, newest first', async () => {
    const client = h.client();
    const ids: string[] = [];
    for (const name of ['1.txt', '2.txt', '3.txt']) {
      ids.push(
        (await client.files.create({ filename: name, mimeType: 'text/plain', sizeBytes: 1 })).id,
      );
    }
    const page = await client.files.list({ offset: 1, limit: 1 });
    expect(page.totalCount).toBe(3);
    expect(page.data.map((f) => f.id)).toEqual([ids[1]]);
    expect(h.apiRequests().at(-1)!.path).toBe('/v1/files?offset=1&limit=1');
  });

  it('sends complete with {} without an md5 and cancel with {}', async () => {
    const client = h.client();
    const session = await client.files.create({
      filename: 'b.txt',
      mimeType: 'text/plain',
      sizeBytes: 2,
    });
    await sessionOf(client.backend).put(session, textBlob('hi'));
    await client.files.complete(session.id);
    const other = await client.files.create({
      filename: 'c.txt',
      mimeType: 'text/plain',
      sizeBytes: 2,
    });
    await client.files.cancel(other.id);
    const bodies = h.exchanges
      .filter((e) => /complete|cancel/.test(e.path))
      .map((e) => e.requestBody);
    expect(bodies).toEqual([{}, {}]);
  });

  it("leaves the app's axios instance as it found it", async () => {
    const instance = axios.create({ headers: { 'X-From-App': 'yes' } });
    const before = JSON.stringify(instance.defaults.headers);
    const client = createLightfieldClient({ baseURL: h.url, headers: AUTH, axios: instance });
    await client.files.list();
    await sessionOf(client.backend).put(
      await client.files.create({ filename: 'i.txt', mimeType: 'text/plain', sizeBytes: 1 }),
      textBlob('i'),
    );
    expect(JSON.stringify(instance.defaults.headers)).toBe(before);
    const handlers = (manager: unknown) =>
      (manager as { handlers: unknown[] }).handlers.filter(Boolean).length;
    expect(handlers(instance.interceptors.request) + handlers(instance.interceptors.response)).toBe(
      0,
    );
    const [list, create, put] = h.server.requests();
    expect([list!.headers['x-from-app'], create!.headers['x-from-app']]).toEqual(['yes', 'yes']);
    // The storage PUT never goes through the app's instance.
    expect(put!.route).toBe('put');
    expect(put!.headers).not.toHaveProperty('x-from-app');
  });

  it('works through its own axios instance too (no axios option)', async () => {
    const client = h.client({ axios: undefined });
    const page = await client.files.list({ limit: 5 });
    expect(page).toEqual({ object: 'list', data: [], totalCount: 0 });
  });

  it('exposes the session steps and offset pages through the backend seam', async () => {
    const { backend } = h.client();
    expect(backend.capabilities).toEqual({
      checksum: 'md5',
      cancel: true,
      delete: false,
      download: 'url',
      paging: 'offset',
      maxPageSize: 25,
    });
    expect(backend.delete).toBeUndefined();
    expect(backend.download).toBeUndefined();
    const transfer = sessionOf(backend);
    const session = await transfer.create({
      filename: 'd.txt',
      mimeType: 'text/plain',
      sizeBytes: 5,
    });
    await transfer.put(session, textBlob('bytes'));
    await expect(transfer.complete(session.id, { md5: md5('bytes') })).resolves.toMatchObject({
      status: 'COMPLETED',
    });
    await expect(backend.list({ offset: 0, limit: 10 })).resolves.toEqual({
      data: [expect.objectContaining({ id: session.id })],
      totalCount: 1,
    });
    await expect(backend.retrieve(session.id)).resolves.toMatchObject({ id: session.id });
    await expect(backend.downloadUrl!(session.id)).resolves.toMatchObject({
      url: expect.any(String),
    });
  });
});

describe('headers on API calls', () => {
  it('sends Lightfield-Version, Accept, and on POSTs Content-Type and an Idempotency-Key', async () => {
    const client = h.client();
    const session = await client.files.create({
      filename: 'e.txt',
      mimeType: 'text/plain',
      sizeBytes: 1,
    });
    await client.files.retrieve(session.id);
    const [post, get] = h.apiRequests();
    expect(post!.headers).toMatchObject({
      'lightfield-version': '2026-03-01',
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: redactCredential(AUTH.Authorization),
    });
    expect(post!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(get!.headers).toMatchObject({
      'lightfield-version': '2026-03-01',
      accept: 'application/json',
    });
    expect(get!.headers).not.toHaveProperty('content-type');
    expect(get!.headers).not.toHaveProperty('idempotency-key');
  });

  it('never sends Authorization unless the app supplies it', async () => {
    const client = h.client({ headers: undefined, maxRetries: 0 });
    await expect(client.files.list()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(h.apiRequests()[0]!.headers).not.toHaveProperty('authorization');
  });

  it('calls a headers function for every request and awaits it', async () => {
    let calls = 0;
    const client = h.client({
      headers: async () => ({ Authorization: `Bearer token_${++calls}`, 'X-App': 'demo' }),
      apiVersion: '2026-03-01',
    });
    await client.files.list();
    await client.files.list();
    expect(h.apiRequests().map((r) => [r.headers.authorization, r.headers['x-app']])).toEqual([
      [redactCredential('Bearer token_1'), 'demo'],
      [redactCredential('Bearer token_2'), 'demo'],
    ]);
  });

  it('sends the configured apiVersion', async () => {
    const client = h.client({ apiVersion: '2099-01-01' });
    await client.files.list().catch(() => undefined);
    expect(h.apiRequests()[0]!.headers['lightfield-version']).toBe('2099-01-01');
    h.exchanges.length = 0; // the server may refuse a version the published schema does not list
  });

  it('reports resolved options without the headers', () => {
    const client = h.client({ maxRetries: 1 });
    expect(client.options).toEqual({
      baseURL: h.url,
      apiVersion: '2026-03-01',
      maxRetries: 1,
      timeoutMs: 60_000,
      retryBaseDelayMs: 20,
    });
    expect(Object.isFrozen(client.options)).toBe(true);
  });
});
