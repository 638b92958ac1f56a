import { describe, expect, it } from 'vitest';
import { createSession, errorOf, md5, putBytes, raw, startServer, START } from './helpers.js';

describe('the upload flow', () => {
  it('creates, uploads, completes, retrieves, lists and downloads the same bytes', async () => {
    const { api, server } = await startServer();
    const data = Buffer.from('hello world');
    const created = await api('POST', '/v1/files', {
      body: { filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: data.length },
    });
    expect(created.status).toBe(200);
    const session = created.body;
    expect(session).toMatchObject({
      status: 'PENDING',
      filename: 'notes.txt',
      mimeType: 'text/plain',
      sizeBytes: 11,
      completedAt: null,
    });
    expect(session.id).toMatch(/^fil_[A-Za-z0-9_-]{8,}$/);
    expect(session.createdAt).toBe(new Date(START).toISOString());
    expect(session.expiresAt).toBe(new Date(START + 3_600_000).toISOString());
    expect(session.uploadUrl.startsWith(`${server.url}/_storage/upload/${session.id}?`)).toBe(true);
    expect(session.uploadHeaders).toEqual({ 'content-type': 'text/plain' });

    const put = await putBytes(session, data);
    expect(put.status).toBe(200);
    expect(put.headers.etag).toBe(`"${md5(data)}"`);

    const completed = await api('POST', `/v1/files/${session.id}/complete`, {
      body: { md5: md5(data) },
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({
      id: session.id,
      status: 'COMPLETED',
      expiresAt: null,
      completedAt: new Date(START).toISOString(),
    });

    const retrieved = await api('GET', `/v1/files/${session.id}`);
    expect(retrieved.body).toEqual(completed.body);

    const list = await api('GET', '/v1/files');
    expect(list.body).toEqual({ object: 'list', data: [completed.body], totalCount: 1 });

    const link = await api('GET', `/v1/files/${session.id}/url`);
    expect(link.status).toBe(200);
    expect(link.body.expiresAt).toBe(new Date(START + 900_000).toISOString());
    const download = await fetch(link.body.url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(data);
    expect(download.headers.get('content-type')).toBe('text/plain');
    expect(download.headers.get('content-length')).toBe('11');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="notes.txt"; filename*=UTF-8''notes.txt`,
    );
  });

  it('completes without an md5 too', async () => {
    const { api } = await startServer();
    const session = await createSession(api, { sizeBytes: 3 });
    await putBytes(session, 'abc');
    const done = await api('POST', `/v1/files/${session.id}/complete`, { body: {} });
    expect(done.body.status).toBe('COMPLETED');
  });

  it('serves odd filenames with a safe Content-Disposition', async () => {
    const { api } = await startServer();
    const name = 'ré"sumé; x=1 \u2013 ✓.txt';
    const session = await createSession(api, { filename: name, sizeBytes: 2 });
    await putBytes(session, 'ok');
    await api('POST', `/v1/files/${session.id}/complete`, { body: {} });
    const link = await api('GET', `/v1/files/${session.id}/url`);
    const download = await raw(link.body.url);
    const header = download.headers['content-disposition'] as string;
    expect(header).toBe(
      `attachment; filename="r__sum_; x=1 _ _.txt"; filename*=UTF-8''r%C3%A9%22sum%C3%A9%3B%20x%3D1%20%E2%80%93%20%E2%9C%93.txt`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1]!;
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});

describe('knowledge purposes', () => {
  it('stamps the stored filename and asks for if-none-match', async () => {
    const { api } = await startServer();
    const session = await createSession(api, {
      filename: 'playbook.md',
      mimeType: 'text/markdown',
      purpose: 'knowledge_user',
    });
    expect(session.filename).toBe(`playbook_${START}.md`);
    expect(session.uploadHeaders).toEqual({
      'content-type': 'text/markdown',
      'if-none-match': '*',
    });
    const noExt = await createSession(api, {
      filename: 'README',
      mimeType: 'text/plain',
      purpose: 'knowledge_workspace',
    });
    expect(noExt.filename).toBe(`README_${START}`);
  });

  it('answers 412 when the same name was already uploaded, and keeps purposes apart', async () => {
    const { api } = await startServer();
    const params = {
      filename: 'playbook.md',
      mimeType: 'text/markdown',
      sizeBytes: 5,
      purpose: 'knowledge_user',
    };
    const first = await createSession(api, params);
    const second = await createSession(api, params);
    const other = await createSession(api, { ...params, purpose: 'knowledge_workspace' });
    expect((await putBytes(first, 'one!!')).status).toBe(200);
    const clash = await putBytes(second, 'two!!');
    expect(clash.status).toBe(412);
    expect(clash.json().error).toMatchObject({
      type: 'precondition_failed',
      code: 'name_collision',
    });
    expect((await putBytes(other, 'three')).status).toBe(200);
    // if-none-match: * also refuses overwriting the same session's bytes.
    expect((await putBytes(first, 'again')).status).toBe(412);
  });

  it('lets a name be reused once the earlier session was cancelled', async () => {
    const { api } = await startServer();
    const params = {
      filename: 'p.md',
      mimeType: 'text/markdown',
      sizeBytes: 2,
      purpose: 'knowledge_user',
    };
    const first = await createSession(api, params);
    await putBytes(first, 'ab');
    await api('POST', `/v1/files/${first.id}/cancel`, {});
    const second = await createSession(api, params);
    expect((await putBytes(second, 'cd')).status).toBe(200);
  });

  it('keeps knowledge_workspace for admins', async () => {
    const { api } = await startServer({ adminTokens: ['sk_admin'] });
    const params = {
      body: {
        filename: 'a.md',
        mimeType: 'text/markdown',
        sizeBytes: 1,
        purpose: 'knowledge_workspace',
      },
    };
    const refused = await api('POST', '/v1/files', params);
    expect(refused.status).toBe(403);
    expect(errorOf(refused)).toMatchObject({ type: 'forbidden', code: 'admin_only' });
    expect((await api('POST', '/v1/files', { ...params, token: 'sk_admin' })).status).toBe(200);
  });
});
