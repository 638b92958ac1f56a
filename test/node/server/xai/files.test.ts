import { describe, expect, it } from 'vitest';
import { redactCredential } from '../../../../src/server/request-log.js';
import { preflight } from '../helpers.js';
import { type Caller, postForm, startApi } from '../multipart-helpers.js';

const FILES = '/v1/files';
const BYTES = Buffer.from([0, 255, 1, 254, 13, 10, 0x22, 0x3b]);

async function upload(call: Caller, extra: { name: string; value: string }[] = []) {
  const answer = await postForm(call, FILES, [
    ...extra,
    { name: 'file', filename: 'blob.bin', data: BYTES, contentType: 'application/x-blob' },
  ]);
  if (answer.status !== 200) throw new Error(`upload failed: ${answer.status} ${answer.text}`);
  return answer.body;
}

describe('xAI files', () => {
  it('retrieves a file in either shape, and answers 404 {code, error} for an unknown one', async () => {
    const { call } = await startApi('xai');
    const file = await upload(call);
    expect((await call('GET', `${FILES}/${file.id}`)).body).toEqual(file);
    const missing = await call('GET', `${FILES}/file-nope`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      code: 'Some requested entity was not found',
      error: 'File file-nope not found.',
    });
    expect((await call('GET', `${FILES}/${file.id}?team_id=t1`)).status).toBe(200);
    expect((await call('GET', `${FILES}/${file.id}?include=all`)).status).toBe(422);

    const management = await startApi('xai', { xaiShape: 'management' });
    const other = await upload(management.call);
    const got = await management.call('GET', `${FILES}/${other.file_id}`);
    expect(got.body).toMatchObject({ file_id: other.file_id, size_bytes: String(BYTES.length) });
  });

  it('streams the bytes from /content: a byte-exact round trip', async () => {
    const { call, server } = await startApi('xai');
    const file = await upload(call);
    const res = await fetch(`${server.url}${FILES}/${file.id}/content`, {
      headers: { authorization: 'Bearer sk_test_multipart' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-blob');
    expect(res.headers.get('content-length')).toBe(String(BYTES.length));
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BYTES);
    const head = await call('HEAD', `${FILES}/${file.id}/content`);
    expect([head.status, head.headers.get('content-length'), head.text]).toEqual([
      200,
      String(BYTES.length),
      '',
    ]);
    // The content needs the key like every other endpoint.
    expect((await call('GET', `${FILES}/${file.id}/content`, { token: null })).status).toBe(401);
  });

  it('deletes with {id, deleted: true}; the file is then gone (404) everywhere', async () => {
    const { call } = await startApi('xai');
    const file = await upload(call);
    const deleted = await call('DELETE', `${FILES}/${file.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: file.id, object: 'file', deleted: true });
    expect((await call('GET', `${FILES}/${file.id}`)).status).toBe(404);
    expect((await call('GET', `${FILES}/${file.id}/content`)).status).toBe(404);
    expect((await call('DELETE', `${FILES}/${file.id}`)).status).toBe(404);
    expect((await call('GET', FILES)).body.data).toEqual([]);
  });

  it('answers {id, deleted: true} in the management shape too', async () => {
    const { call } = await startApi('xai', { xaiShape: 'management' });
    const file = await upload(call);
    expect((await call('DELETE', `${FILES}/${file.file_id}`)).body).toEqual({
      id: file.file_id,
      deleted: true,
    });
  });

  it('treats a file past expires_after as gone', async () => {
    const { call, clock } = await startApi('xai');
    const file = await upload(call, [{ name: 'expires_after', value: '3600' }]);
    clock.advance(3_599_999);
    expect((await call('GET', `${FILES}/${file.id}`)).status).toBe(200);
    clock.advance(1);
    expect((await call('GET', `${FILES}/${file.id}`)).status).toBe(404);
    expect((await call('GET', `${FILES}/${file.id}/content`)).status).toBe(404);
    expect((await call('GET', FILES)).body.data).toEqual([]);
  });

  it('logs every request with method and path, without the key', async () => {
    const { call, server } = await startApi('xai');
    const file = await upload(call);
    await call('GET', `${FILES}/${file.id}/content`);
    await call('DELETE', `${FILES}/${file.id}`);
    const log = server.requests();
    expect(log.map((r) => `${r.method} ${r.path} ${r.route} ${r.status}`)).toEqual([
      'POST /v1/files upload 200',
      `GET /v1/files/${file.id}/content content 200`,
      `DELETE /v1/files/${file.id} delete 200`,
    ]);
    expect(
      log.every((r) => r.headers.authorization === redactCredential('Bearer sk_test_multipart')),
    ).toBe(true);
  });
});

describe('xAI auth, CORS and rate limits', () => {
  it('answers 401 without a bearer key, and checks apiKeys when given', async () => {
    const { call } = await startApi('xai', { apiKeys: ['sk_test_multipart'] });
    const none = await call('GET', FILES, { token: null });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({
      code: 'The request does not have valid authentication credentials',
      error: expect.stringMatching(/Authorization/),
    });
    expect((await call('GET', FILES, { token: 'xai-wrong' })).status).toBe(401);
  });

  it('allows Authorization and Content-Type on a preflight, never Lightfield-Version', async () => {
    const { server } = await startApi('xai', { corsOrigins: ['http://app.test'] });
    const answer = await preflight(
      `${server.url}${FILES}`,
      'http://app.test',
      'POST',
      'authorization,lightfield-version',
    );
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('http://app.test');
    expect(String(answer.headers['access-control-allow-headers']).split(/,\s*/).sort()).toEqual([
      'authorization',
      'content-type',
    ]);
  });

  it('answers 429 with Retry-After once the bucket is empty', async () => {
    const { call } = await startApi('xai', { rateLimit: { perSecond: 1 } });
    expect((await call('GET', FILES)).status).toBe(200);
    const limited = await call('GET', FILES);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.body).toEqual({
      code: 'Some resource has been exhausted',
      error: expect.stringMatching(/retry after/),
    });
    // Other categories keep their own bucket.
    expect((await call('GET', `${FILES}/file-x`)).status).toBe(404);
  });
});
