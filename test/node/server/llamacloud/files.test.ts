import { describe, expect, it } from 'vitest';
import { redactCredential } from '../../../../src/server/request-log.js';
import { preflight, raw } from '../helpers.js';
import { type Caller, postForm, startApi } from '../multipart-helpers.js';

const FILES = '/api/v1/beta/files';
const BYTES = Buffer.from([0, 1, 2, 250, 251, 252, 13, 10, 0x25]);

async function upload(call: Caller, name = 'data.bin'): Promise<{ id: string }> {
  const answer = await postForm(call, FILES, [
    { name: 'purpose', value: 'user_data' },
    { name: 'file', filename: name, data: BYTES, contentType: 'application/x-thing' },
  ]);
  if (answer.status !== 200) throw new Error(`upload failed: ${answer.status} ${answer.text}`);
  return answer.body;
}

describe('LlamaCloud files', () => {
  it('retrieves a file, and answers 404 {detail} for an unknown one, 422 for a malformed id', async () => {
    const { call } = await startApi('llamacloud');
    const file = await upload(call);
    const got = await call('GET', `${FILES}/${file.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(file);
    const missing = await call('GET', `${FILES}/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'File not found' });
    const malformed = await call('GET', `${FILES}/fil_123`);
    expect(malformed.status).toBe(422);
    expect(malformed.body.detail[0].loc).toEqual(['path', 'file_id']);
    expect((await call('GET', `${FILES}/${file.id}?expand=all`)).status).toBe(422);
  });

  it('hides a file from another project', async () => {
    const { call } = await startApi('llamacloud');
    const file = await upload(call);
    const other = '99999999-9999-4999-8999-999999999999';
    expect((await call('GET', `${FILES}/${file.id}?project_id=${other}`)).status).toBe(404);
    expect((await call('DELETE', `${FILES}/${file.id}?project_id=${other}`)).status).toBe(404);
    expect((await call('GET', `${FILES}/${file.id}`)).status).toBe(200);
  });

  it('deletes with 204 and no body; the file is gone everywhere afterwards', async () => {
    const { call, server } = await startApi('llamacloud');
    const file = await upload(call);
    const { url } = (await call('GET', `${FILES}/${file.id}/content`)).body;
    const deleted = await call('DELETE', `${FILES}/${file.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await call('GET', `${FILES}/${file.id}`)).status).toBe(404);
    expect((await call('DELETE', `${FILES}/${file.id}`)).status).toBe(404);
    expect((await call('GET', `${FILES}/${file.id}/content`)).status).toBe(404);
    expect((await call('GET', FILES)).body.items).toEqual([]);
    expect((await raw(url)).status).toBe(404);
    expect(server.requests().map((r) => `${r.method} ${r.route} ${r.status}`)).toContain(
      'DELETE delete 204',
    );
  });

  it('hands out a signed download URL served by the server itself: bytes round trip', async () => {
    const { call, server } = await startApi('llamacloud');
    const file = await upload(call, 'päper draft.bin');
    const content = await call('GET', `${FILES}/${file.id}/content`);
    expect(content.status).toBe(200);
    expect(Object.keys(content.body).sort()).toEqual(['expires_at', 'url']);
    expect(content.body.url.startsWith(`${server.url}/_storage/download/`)).toBe(true);
    // Default lifetime: 15 minutes from the injected clock.
    expect(content.body.expires_at).toBe('2026-04-08T12:15:00.000Z');
    const res = await fetch(content.body.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BYTES);
    expect(res.headers.get('content-type')).toBe('application/x-thing');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''p%C3%A4per");
    // No API key on the download: the signature is the credential.
    const log = server.requests().at(-1)!;
    expect(log).toMatchObject({ route: 'download', status: 200 });
    expect(log.headers).not.toHaveProperty('authorization');
  });

  it('honours expires_at_seconds, refuses expired or forged URLs', async () => {
    const { call, clock } = await startApi('llamacloud');
    const file = await upload(call);
    const content = await call('GET', `${FILES}/${file.id}/content?expires_at_seconds=60`);
    expect(content.body.expires_at).toBe('2026-04-08T12:01:00.000Z');
    const forged = await raw(content.body.url.replace(/token=[^&]+/, 'token=AAAA'));
    expect(forged.status).toBe(403);
    const retargeted = await raw(content.body.url.replace(file.id, (await upload(call)).id));
    expect(retargeted.status).toBe(403);
    clock.advance(59_999);
    expect((await raw(content.body.url)).text).toBe(BYTES.toString());
    clock.advance(1);
    expect((await raw(content.body.url)).status).toBe(403);
    for (const bad of ['0', '604801', 'soon'])
      expect(
        (await call('GET', `${FILES}/${file.id}/content?expires_at_seconds=${bad}`)).status,
      ).toBe(422);
  });

  it('logs every request without the key or the URL signature', async () => {
    const { call, server } = await startApi('llamacloud');
    const file = await upload(call);
    const { url } = (await call('GET', `${FILES}/${file.id}/content`)).body;
    await raw(url);
    await call('GET', '/v1/files');
    const log = server.requests();
    expect(log.map((r) => [r.method, r.route, r.status])).toEqual([
      ['POST', 'upload', 200],
      ['GET', 'content', 200],
      ['GET', 'download', 200],
      ['GET', null, 404],
    ]);
    expect(log[0]!.headers.authorization).toBe(redactCredential('Bearer sk_test_multipart'));
    expect(log[2]!.path).toMatch(/token=\[redacted\]$/);
    expect(JSON.stringify(log)).not.toContain('sk_test_multipart');
    expect(JSON.stringify(log)).not.toContain(new URL(url).searchParams.get('token'));
  });
});

describe('LlamaCloud auth, CORS and rate limits', () => {
  it('answers 401 {detail} without a bearer key, and checks apiKeys when given', async () => {
    const { call } = await startApi('llamacloud', { apiKeys: ['sk_test_multipart'] });
    const none = await call('GET', FILES, { token: null });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ detail: expect.stringMatching(/Authorization/) });
    expect((await call('GET', FILES, { token: 'sk_wrong' })).status).toBe(401);
    expect((await call('GET', FILES)).status).toBe(200);
  });

  it('allows Authorization and Content-Type on a preflight, never Lightfield-Version', async () => {
    const { server } = await startApi('llamacloud');
    const answer = await preflight(
      `${server.url}${FILES}`,
      'http://app.test',
      'POST',
      'authorization,content-type,lightfield-version',
    );
    expect(answer.status).toBe(204);
    const allowed = String(answer.headers['access-control-allow-headers']).split(/,\s*/);
    expect(allowed.sort()).toEqual(['authorization', 'content-type']);
    expect(String(answer.headers['access-control-allow-methods'])).toContain('DELETE');
  });

  it('answers 429 with Retry-After in its own format once the bucket is empty', async () => {
    const { call, clock } = await startApi('llamacloud', { rateLimit: { perSecond: 2 } });
    expect((await call('GET', FILES)).status).toBe(200);
    expect((await call('GET', FILES)).status).toBe(200);
    const limited = await call('GET', FILES);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body).toEqual({ detail: expect.stringMatching(/retry after 500 ms/) });
    clock.advance(500);
    expect((await call('GET', FILES)).status).toBe(200);
  });
});
