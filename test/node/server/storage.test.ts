import { request } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { createSession, type Json, putBytes, raw, startServer } from './helpers.js';

const DATA = 'hello world'; // 11 bytes, the default session size

function storageError(answer: { status: number; json(): Json }): { type: string; code: string } {
  return answer.json().error;
}

describe('the storage PUT refuses', () => {
  it.each([
    ['authorization', 'Bearer sk_lf_test'],
    ['lightfield-version', '2026-03-01'],
  ])('an API header (%s) leaked to storage', async (name, value) => {
    const { api } = await startServer();
    const session = await createSession(api);
    const answer = await putBytes(session, DATA, { [name]: value });
    expect(answer.status).toBe(403);
    expect(storageError(answer)).toMatchObject({ type: 'forbidden', code: 'forbidden_header' });
  });

  it('a missing or different issued content-type', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    const missing = await raw(session.uploadUrl, { method: 'PUT', body: DATA });
    expect(missing.status).toBe(403);
    expect(storageError(missing).code).toBe('signed_header_mismatch');
    const other = await putBytes(session, DATA, { 'content-type': 'application/octet-stream' });
    expect(storageError(other).code).toBe('signed_header_mismatch');
  });

  it('a knowledge PUT without if-none-match', async () => {
    const { api } = await startServer();
    const session = await createSession(api, {
      filename: 'a.md',
      mimeType: 'text/markdown',
      purpose: 'knowledge_user',
    });
    const answer = await raw(session.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'text/markdown' },
      body: DATA,
    });
    expect(answer.status).toBe(403);
    expect(storageError(answer).code).toBe('signed_header_mismatch');
  });

  it('a forged token, and a token moved to another file', async () => {
    const { api } = await startServer();
    const a = await createSession(api);
    const b = await createSession(api);
    const forged = a.uploadUrl.replace(
      /token=[^&]+/,
      'token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    const answer = await raw(forged, { method: 'PUT', headers: a.uploadHeaders, body: DATA });
    expect(answer.status).toBe(403);
    expect(storageError(answer).code).toBe('invalid_signature');
    const moved = a.uploadUrl.replace(a.id, b.id);
    expect(
      storageError(await raw(moved, { method: 'PUT', headers: a.uploadHeaders, body: DATA })).code,
    ).toBe('invalid_signature');
    const extended = a.uploadUrl.replace(
      /expires=(\d+)/,
      (_: string, n: string) => `expires=${Number(n) + 1000}`,
    );
    expect(
      storageError(await raw(extended, { method: 'PUT', headers: a.uploadHeaders, body: DATA }))
        .code,
    ).toBe('invalid_signature');
  });

  it('an expired upload URL', async () => {
    const { api, clock } = await startServer({ sessionTtlMs: 60_000 });
    const session = await createSession(api);
    clock.advance(60_000);
    const answer = await putBytes(session, DATA);
    expect(answer.status).toBe(403);
    expect(storageError(answer).code).toBe('url_expired');
  });

  it('a session that is no longer PENDING', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    await api('POST', `/v1/files/${session.id}/cancel`, {});
    const answer = await putBytes(session, DATA);
    expect(answer.status).toBe(403);
    expect(storageError(answer).code).toBe('session_not_pending');
  });

  it('a Content-Length that differs from sizeBytes, without storing anything', async () => {
    const { api, server } = await startServer({ control: true });
    const session = await createSession(api);
    const shorter = await putBytes(session, 'hello');
    expect(shorter.status).toBe(400);
    expect(storageError(shorter)).toMatchObject({ type: 'bad_request', code: 'size_mismatch' });
    const longer = await putBytes(session, `${DATA}!!`);
    expect(storageError(longer).code).toBe('size_mismatch');
    const files = await (await fetch(`${server.url}/_control/files`)).json();
    expect(files.files[0]).toMatchObject({ receivedBytes: 0, md5: null });
  });

  it('a chunked body that runs past sizeBytes, and one that stops short', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    const long = await raw(session.uploadUrl, {
      method: 'PUT',
      headers: session.uploadHeaders,
      body: [Buffer.from('hello '), Buffer.from('world, and more')],
    });
    expect(long.status).toBe(400);
    expect(storageError(long).code).toBe('size_mismatch');
    const short = await raw(session.uploadUrl, {
      method: 'PUT',
      headers: session.uploadHeaders,
      body: [Buffer.from('hello')],
    });
    expect(storageError(short).code).toBe('size_mismatch');
    const exact = await raw(session.uploadUrl, {
      method: 'PUT',
      headers: session.uploadHeaders,
      body: [Buffer.from('hello '), Buffer.from('world')],
    });
    expect(exact.status).toBe(200);
  });
});

describe('the storage PUT accepts', () => {
  it('standard headers browsers add, beside the issued ones', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    const answer = await putBytes(session, DATA, {
      origin: 'http://localhost:5173',
      'user-agent': 'Mozilla/5.0',
      accept: '*/*',
      'accept-language': 'en',
      referer: 'http://localhost:5173/',
      'sec-fetch-mode': 'cors',
    });
    expect(answer.status).toBe(200);
  });

  it('a content-type that differs only in case', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    expect((await putBytes(session, DATA, { 'content-type': 'Text/Plain' })).status).toBe(200);
  });
});

describe('a PUT the client abandons', () => {
  it('stores nothing and frees the knowledge name for the next attempt', async () => {
    const { api, server } = await startServer({ control: true });
    const session = await createSession(api, {
      filename: 'k.md',
      mimeType: 'text/markdown',
      purpose: 'knowledge_user',
    });
    const req = request(session.uploadUrl, {
      method: 'PUT',
      headers: { ...session.uploadHeaders, 'content-length': '11' },
    });
    req.on('error', () => undefined); // the abort below is the point of the test
    req.write('hello');
    await vi.waitFor(() => expect(server.requests().at(-1)?.route).toBe('put'), { interval: 5 });
    req.destroy();
    await vi.waitFor(() => expect(server.requests().at(-1)?.endedAt).not.toBeNull(), {
      interval: 5,
    });
    const files = await (await fetch(`${server.url}/_control/files`)).json();
    expect(files.files[0]).toMatchObject({ receivedBytes: 0, md5: null, status: 'PENDING' });
    // The name is released when the server notices the abort; a refused attempt stores nothing.
    await vi.waitFor(async () => expect((await putBytes(session, DATA)).status).toBe(200), {
      interval: 10,
    });
  });
});

describe('the download URL', () => {
  it('refuses a forged or expired token', async () => {
    const { api, clock } = await startServer({ downloadTtlMs: 1000 });
    const session = await createSession(api);
    await putBytes(session, DATA);
    await api('POST', `/v1/files/${session.id}/complete`, {});
    const { url } = (await api('GET', `/v1/files/${session.id}/url`)).body;
    const forged = await raw(url.replace(/token=[^&]+/, 'token=x'));
    expect(forged.status).toBe(403);
    expect(storageError(forged).code).toBe('invalid_signature');
    clock.advance(1000);
    const expired = await raw(url);
    expect(expired.status).toBe(403);
    expect(storageError(expired).code).toBe('url_expired');
  });
});
