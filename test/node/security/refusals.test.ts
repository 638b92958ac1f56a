/**
 * What the reference server refuses, seen as an attacker would try it. Forged and expired
 * upload tokens, a Content-Length lie and a chunked body past sizeBytes are proven in
 * test/node/server/storage.test.ts; this file adds the rest of the list.
 */
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  createSession,
  errorOf,
  putBytes,
  raw,
  startServer,
  TOKEN,
  uploadFile,
  VERSION,
} from '../server/helpers.js';

const apiHeaders = { authorization: `Bearer ${TOKEN}`, 'lightfield-version': VERSION };
const codeOf = (answer: { text: string }): string | undefined =>
  (JSON.parse(answer.text) as { error?: { code?: string } }).error?.code;

describe('tokens', () => {
  it('an upload URL used again after completion is refused, and the stored bytes stay', async () => {
    const { api, server } = await startServer();
    const session = await createSession(api, { sizeBytes: 14 });
    const put = await putBytes(session, 'original bytes');
    expect(put.status).toBe(200);
    await api('POST', `/v1/files/${session.id}/complete`, {});
    const again = await putBytes(session, 'replaced bytes');
    expect(again.status).toBe(403);
    expect(codeOf(again)).toBe('session_not_pending');
    const url = (await api('GET', `/v1/files/${session.id}/url`)).body.url as string;
    expect((await raw(url)).text).toBe('original bytes');
    expect((await api('GET', `/v1/files/${session.id}`)).body.status).toBe('COMPLETED');
    expect(
      server
        .requests()
        .filter((r) => r.route === 'put')
        .map((r) => r.status),
    ).toEqual([200, 403]);
  });

  it('a download token does not open the upload door, nor the other way round', async () => {
    const { api } = await startServer();
    const session = await createSession(api, { sizeBytes: 5 });
    expect((await putBytes(session, 'hello')).status).toBe(200);
    await api('POST', `/v1/files/${session.id}/complete`, {});
    const download = new URL((await api('GET', `/v1/files/${session.id}/url`)).body.url as string);
    const asUpload = new URL(session.uploadUrl as string);
    asUpload.search = download.search;
    const put = await raw(asUpload.toString(), {
      method: 'PUT',
      headers: session.uploadHeaders,
      body: 'hello',
    });
    expect([put.status, codeOf(put)]).toEqual([403, 'invalid_signature']);
    const asDownload = new URL(download);
    asDownload.search = new URL(session.uploadUrl as string).search;
    const get = await raw(asDownload.toString());
    expect([get.status, codeOf(get)]).toEqual([403, 'invalid_signature']);
  });

  it('storage refuses a request carrying the API key, whatever the signature', async () => {
    const { api } = await startServer();
    const session = await createSession(api, { sizeBytes: 5 });
    const extras: Array<Record<string, string>> = [
      { authorization: `Bearer ${TOKEN}` },
      { 'lightfield-version': VERSION },
    ];
    for (const extra of extras) {
      const answer = await putBytes(session, 'hello', extra);
      expect([answer.status, codeOf(answer)]).toEqual([403, 'forbidden_header']);
    }
  });
});

describe('oversized bodies', () => {
  it('a JSON body over 1 MiB is refused with 413 before it is parsed', async () => {
    const { server } = await startServer();
    const body = JSON.stringify({
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 1,
      pad: 'x'.repeat(1024 * 1024),
    });
    const answer = await raw(`${server.url}/v1/files`, {
      method: 'POST',
      headers: { ...apiHeaders, 'content-type': 'application/json' },
      body,
    });
    expect([answer.status, codeOf(answer)]).toEqual([413, 'body_too_large']);
  });

  it('a PUT longer than sizeBytes stores nothing', async () => {
    const { api, server } = await startServer();
    const session = await createSession(api, { sizeBytes: 5 });
    const answer = await putBytes(session, 'x'.repeat(64 * 1024), {
      'content-length': String(64 * 1024),
    });
    expect([answer.status, codeOf(answer)]).toEqual([400, 'size_mismatch']);
    const stored = await readdir(server.dataDir, { recursive: true });
    // Only the session's metadata exists: no blob, no partial file.
    expect(
      stored.filter((name) => name.includes(session.id as string) && !name.endsWith('.json')),
    ).toEqual([]);
    expect((await api('GET', `/v1/files/${session.id}`)).body.status).toBe('PENDING');
  });
});

describe('traversal', () => {
  const names = ['../../etc/passwd', '..\\..\\windows\\win.ini', '..', 'a/../../b.txt'];
  it.each(names)('the filename %j is refused at create', async (filename) => {
    const { api } = await startServer();
    const answer = await api('POST', '/v1/files', {
      body: { filename, mimeType: 'text/plain', sizeBytes: 1 },
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).param).toBe('filename');
  });

  const paths = [
    '/v1/files/..%2F..%2Fetc%2Fpasswd',
    '/v1/files/%2e%2e/complete',
    '/v1/files/..%5C..%5Cwin.ini/url',
    '/v1/files/../../etc/passwd',
  ];
  it.each(paths)('the API path %s finds nothing', async (path) => {
    const { server } = await startServer();
    const method = path.endsWith('/complete') ? 'POST' : 'GET';
    const answer = await raw(`${server.url}${path}`, {
      method,
      headers: {
        ...apiHeaders,
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    expect(answer.status).toBe(404);
    expect(codeOf(answer)).toMatch(/not_found/);
  });

  const storage = [
    '/_storage/download/..%2F..%2Fsecret?expires=9999999999999&token=x',
    '/_storage/upload/..%2Fmeta.json?expires=9999999999999&token=x',
    '/_storage/download/%2e%2e?token=x',
  ];
  it.each(storage)('the storage path %s is refused without touching the disk', async (path) => {
    const { server } = await startServer();
    const answer = await raw(`${server.url}${path}`, {
      method: path.includes('/upload/') ? 'PUT' : 'GET',
      headers: { 'content-type': 'text/plain' },
      ...(path.includes('/upload/') ? { body: 'x' } : {}),
    });
    expect([403, 404]).toContain(answer.status);
    expect(answer.text).not.toMatch(/secret|"files"/);
  });
});

describe('downloads cannot be turned into header injection or markup', () => {
  it.each(['a\r\nSet-Cookie: pwned=1.txt', 'line\nbreak.txt'])(
    'a filename with CR/LF (%j) is refused at create',
    async (filename) => {
      const { api } = await startServer();
      const answer = await api('POST', '/v1/files', {
        body: { filename, mimeType: 'text/plain', sizeBytes: 1 },
      });
      expect(answer.status).toBe(400);
    },
  );

  it('a stored name with quotes, markup and unicode is served as an attachment, quoted safely, with nosniff', async () => {
    const { api } = await startServer();
    const filename = `q"uote's <img src=x onerror=alert(1)> ünï 📄.html`;
    const file = await uploadFile(api, '<script>alert(1)</script>', {
      filename,
      mimeType: 'text/html',
    });
    const url = (await api('GET', `/v1/files/${file.id}/url`)).body.url as string;
    const answer = await raw(url);
    const disposition = String(answer.headers['content-disposition']);
    expect(disposition).toMatch(
      /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+,;=:@-]+$/,
    );
    expect(disposition.match(/filename="([^"]*)"/)![1]).not.toMatch(/["\\]/);
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe(filename);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['set-cookie']).toBeUndefined();
  });
});
