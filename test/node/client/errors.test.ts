import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOf } from '../../support/fake-backend.js';
import { createLightfieldClient } from '../../../src/core/lightfield/client.js';
import { type Harness, rejection, textBlob, startHarnessPerTest } from './harness.js';

let h: Harness;
startHarnessPerTest((started) => {
  h = started;
});

async function uploaded(text = 'abc') {
  const client = h.client({ maxRetries: 0 });
  const session = await client.files.create({
    filename: 'x.txt',
    mimeType: 'text/plain',
    sizeBytes: text.length,
  });
  await sessionOf(client.backend).put(session, textBlob(text));
  return { client, session };
}

describe('server refusals become typed errors', () => {
  it('a MIME type the purpose forbids', async () => {
    const error = await rejection(
      h.client().files.create({
        filename: 'a.png',
        mimeType: 'image/png',
        sizeBytes: 1,
        purpose: 'knowledge_user',
      }),
    );
    expect(error).toMatchObject({
      code: 'unprocessable_content',
      status: 422,
      serverCode: 'mime_type_not_allowed',
      param: 'mimeType',
      retryable: false,
    });
    expect(h.apiRequests()).toHaveLength(1);
  });

  it('an unknown file id', async () => {
    const error = await rejection(h.client().files.retrieve('fil_missing'));
    expect(error).toMatchObject({
      code: 'not_found',
      status: 404,
      type: 'not_found',
      serverCode: 'file_not_found',
    });
  });

  it('a list limit past 25', async () => {
    const error = await rejection(h.client().files.list({ limit: 26 }));
    expect(error).toMatchObject({
      code: 'bad_request',
      status: 400,
      serverCode: 'invalid_limit',
      param: 'limit',
    });
  });

  it('an md5 that does not match the bytes → checksum-mismatch, file stays PENDING', async () => {
    const { client, session } = await uploaded('abc');
    const wrong = createHash('md5').update('abd').digest('hex');
    const error = await rejection(client.files.complete(session.id, { md5: wrong }));
    expect(error).toMatchObject({
      code: 'checksum-mismatch',
      status: 400,
      serverCode: 'checksum_mismatch',
      param: 'md5',
      retryable: false,
    });
    await expect(client.files.retrieve(session.id)).resolves.toMatchObject({ status: 'PENDING' });
  });

  it('complete before any bytes arrived → conflict', async () => {
    const client = h.client({ maxRetries: 0 });
    const session = await client.files.create({
      filename: 'x.txt',
      mimeType: 'text/plain',
      sizeBytes: 3,
    });
    const error = await rejection(client.files.complete(session.id));
    expect(error).toMatchObject({ code: 'conflict', status: 409, serverCode: 'upload_incomplete' });
  });

  it('complete of an expired session → upload-expired', async () => {
    const client = h.client({ maxRetries: 0 });
    const session = await client.files.create({
      filename: 'x.txt',
      mimeType: 'text/plain',
      sizeBytes: 3,
    });
    h.server.faults.add({ route: 'complete', expire: true });
    const error = await rejection(client.files.complete(session.id));
    expect(error).toMatchObject({
      code: 'upload-expired',
      status: 409,
      serverCode: 'expired',
      retryable: false,
    });
  });

  it('cancel of a completed file → conflict, not retried because the server says x-should-retry: false', async () => {
    const { client, session } = await uploaded();
    await client.files.complete(session.id);
    const retrying = h.client({ maxRetries: 1 });
    const error = await rejection(retrying.files.cancel(session.id));
    expect(error).toMatchObject({
      code: 'conflict',
      status: 409,
      serverCode: 'invalid_status',
      retryable: false,
    });
    expect(h.apiRequests().filter((r) => r.path.endsWith('/cancel'))).toHaveLength(1);
  });

  it('a download URL of a pending file → conflict', async () => {
    const client = h.client({ maxRetries: 0 });
    const session = await client.files.create({
      filename: 'x.txt',
      mimeType: 'text/plain',
      sizeBytes: 3,
    });
    const error = await rejection(client.files.url(session.id));
    expect(error).toMatchObject({ code: 'conflict', serverCode: 'file_not_completed' });
  });
});

describe('malformed 2xx answers → invalid-response, never retried', () => {
  it.each([
    ['invalid-json', /not JSON/],
    ['missing-fields', /field "status" is missing/],
    ['wrong-types', /field "\w+" should be/],
    ['html', /not JSON \(starts with "</],
    ['text', /not JSON/],
  ] as const)('%s', async (malformed, message) => {
    h.server.faults.add({ route: 'retrieve', malformed });
    const error = await rejection(h.client().files.retrieve('fil_any'));
    h.exchanges.length = 0; // broken on purpose: nothing to validate
    expect(error).toMatchObject({ code: 'invalid-response', status: 200, retryable: false });
    expect(error.message).toMatch(message);
    expect(h.apiRequests()).toHaveLength(1);
  });
});

describe('answers from something that is not the API (a proxy, a gateway)', () => {
  let proxy: Server;
  let base = '';
  const answers: Record<
    string,
    { status: number; type: string; body: string; headers?: Record<string, string> }
  > = {
    '/html/v1/files': {
      status: 500,
      type: 'text/html',
      body: '<html><h1>502 Bad Gateway</h1></html>',
    },
    '/text/v1/files': { status: 503, type: 'text/plain', body: 'upstream unavailable' },
    '/redirect/v1/files': {
      status: 302,
      type: 'text/plain',
      body: '',
      headers: { location: '/login' },
    },
    '/ok-html/v1/files': {
      status: 200,
      type: 'text/html',
      body: '<!doctype html><title>Sign in</title>',
    },
    '/no-content/v1/files': { status: 204, type: 'text/plain', body: '' },
    '/teapot/v1/files': {
      status: 418,
      type: 'application/json',
      body: '{"type":"teapot","message":"short and stout"}',
    },
    // The API does not publish how complete refuses a bad md5 or an expired session: other
    // servers word it differently from the reference server.
    '/strict/v1/files/fil_1/complete': {
      status: 422,
      type: 'application/json',
      body: '{"error":{"type":"unprocessable_content","message":"Content integrity check failed","code":"integrity_error"}}',
    },
    '/strict/v1/files/fil_2/complete': {
      status: 410,
      type: 'application/json',
      body: '{"type":"gone","message":"This upload session has expired."}',
    },
  };
  beforeAll(async () => {
    proxy = createServer((req, res) => {
      const answer = answers[req.url!.split('?')[0]!]!;
      res.writeHead(answer.status, { 'content-type': answer.type, ...answer.headers });
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  const via = (prefix: string) => createLightfieldClient({ baseURL: base + prefix, maxRetries: 0 });

  it('an HTML 500 page maps by status with a generic message', async () => {
    const error = await rejection(via('/html').files.list());
    expect(error).toMatchObject({
      code: 'internal_server_error',
      status: 500,
      type: undefined,
      retryable: true,
    });
    expect(error.message).toBe('GET /v1/files failed with HTTP 500.');
  });

  it('a plain-text 503 maps by status', async () => {
    await expect(via('/text').files.list()).rejects.toMatchObject({
      code: 'service_unavailable',
      status: 503,
    });
  });

  it('a redirect is not followed: http-302', async () => {
    await expect(via('/redirect').files.list()).rejects.toMatchObject({
      code: 'http-302',
      status: 302,
      retryable: false,
    });
  });

  it('an undocumented status with an unknown type → http-<status>, not retried', async () => {
    const error = await rejection(
      createLightfieldClient({ baseURL: `${base}/teapot`, retryBaseDelayMs: 1 }).files.list(),
    );
    expect(error).toMatchObject({
      code: 'http-418',
      status: 418,
      type: 'teapot',
      message: 'short and stout',
      retryable: false,
    });
  });

  it('an HTML 200 (a login page) is invalid-response', async () => {
    await expect(via('/ok-html').files.list()).rejects.toMatchObject({
      code: 'invalid-response',
      status: 200,
    });
  });

  it('reads a differently worded md5 refusal of complete as checksum-mismatch', async () => {
    const error = await rejection(via('/strict').files.complete('fil_1', { md5: 'a'.repeat(32) }));
    expect(error).toMatchObject({
      code: 'checksum-mismatch',
      status: 422,
      serverCode: 'integrity_error',
      retryable: false,
    });
  });

  it('reads an unwrapped 410 "expired" refusal of complete as upload-expired', async () => {
    const error = await rejection(via('/strict').files.complete('fil_2', {}));
    expect(error).toMatchObject({ code: 'upload-expired', status: 410, retryable: false });
  });

  it('a 204 where a body was due is invalid-response', async () => {
    const error = await rejection(via('/no-content').files.list());
    expect(error).toMatchObject({ code: 'invalid-response', status: 204 });
    expect(error.message).toContain('the body is empty');
  });
});

describe('bad input is refused before anything is sent', () => {
  it.each([
    ['an upper-case md5', () => h.client().files.complete('fil_1', { md5: 'A'.repeat(32) }), 'md5'],
    ['a short md5', () => h.client().files.complete('fil_1', { md5: 'abc' }), 'md5'],
    ['an empty id', () => h.client().files.retrieve(''), 'id'],
    ['a negative offset', () => h.client().files.list({ offset: -1 }), 'offset'],
    ['a fractional limit', () => h.client().files.list({ limit: 2.5 }), 'limit'],
    [
      'an empty filename',
      () => h.client().files.create({ filename: '', mimeType: 'text/plain', sizeBytes: 1 }),
      'filename',
    ],
    [
      'a 256-character filename',
      () =>
        h
          .client()
          .files.create({ filename: 'a'.repeat(256), mimeType: 'text/plain', sizeBytes: 1 }),
      'filename',
    ],
    [
      'a size past the API cap',
      () =>
        h.client().files.create({ filename: 'a', mimeType: 'text/plain', sizeBytes: 536_870_913 }),
      'sizeBytes',
    ],
    [
      'a zero size',
      () => h.client().files.create({ filename: 'a', mimeType: 'text/plain', sizeBytes: 0 }),
      'sizeBytes',
    ],
    [
      'an unknown purpose',
      () =>
        h.client().files.create({
          filename: 'a',
          mimeType: 'text/plain',
          sizeBytes: 1,
          purpose: 'x' as never,
        }),
      'purpose',
    ],
  ])('%s', async (_label, run, param) => {
    const error = await rejection(run());
    expect(error).toMatchObject({ code: 'bad_request', param, status: undefined });
    expect(h.server.requests()).toHaveLength(0);
  });

  it('escapes ids so they cannot reach another route', async () => {
    await expect(h.client().files.retrieve('../files?limit=1')).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(h.apiRequests()[0]!.path).toBe('/v1/files/..%2Ffiles%3Flimit%3D1');
  });

  it.each([
    ['no baseURL', { baseURL: '' }],
    ['negative retries', { baseURL: 'http://x', maxRetries: -1 }],
    ['fractional retries', { baseURL: 'http://x', maxRetries: 1.5 }],
    ['NaN timeout', { baseURL: 'http://x', timeoutMs: Number.NaN }],
  ])('refuses options with %s', (_label, options) => {
    expect(() => createLightfieldClient(options)).toThrow(
      expect.objectContaining({ code: 'bad_request' }),
    );
  });

  it('reports a failing headers function without sending anything', async () => {
    const client = h.client({
      headers: () => {
        throw new Error('session expired');
      },
    });
    const error = await rejection(client.files.list());
    expect(error.message).toContain('session expired');
    expect(error.retryable).toBe(false);
    expect(h.server.requests()).toHaveLength(0);
  });
});
