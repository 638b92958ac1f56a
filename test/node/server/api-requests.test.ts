import { describe, expect, it } from 'vitest';
import { errorOf, startServer } from './helpers.js';

const valid = { filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: 10 };

describe('request checks', () => {
  it('requires a bearer token, and only the configured keys when given', async () => {
    const { api } = await startServer({ apiKeys: ['sk_good'] });
    const missing = await api('GET', '/v1/files', { token: null });
    expect(missing.status).toBe(401);
    expect(errorOf(missing)).toMatchObject({ type: 'unauthorized', code: 'missing_api_key' });
    const wrong = await api('GET', '/v1/files', { token: 'sk_bad' });
    expect(errorOf(wrong)).toMatchObject({ type: 'unauthorized', code: 'invalid_api_key' });
    const basic = await api('GET', '/v1/files', {
      token: null,
      headers: { authorization: 'Basic abc' },
    });
    expect(errorOf(basic).code).toBe('invalid_api_key');
    expect((await api('GET', '/v1/files', { token: 'sk_good' })).status).toBe(200);
  });

  it('requires a known Lightfield-Version', async () => {
    const { api } = await startServer();
    const missing = await api('GET', '/v1/files', { version: null });
    expect(missing.status).toBe(400);
    expect(errorOf(missing)).toMatchObject({
      type: 'bad_request',
      code: 'version_header',
      param: 'Lightfield-Version',
    });
    expect(errorOf(await api('GET', '/v1/files', { version: '1999-01-01' })).code).toBe(
      'version_header',
    );
  });

  it('answers 415 to a body that is not JSON', async () => {
    const { api } = await startServer();
    const answer = await api('POST', '/v1/files', {
      text: 'filename=a',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(answer.status).toBe(415);
    expect(errorOf(answer)).toMatchObject({
      type: 'unsupported_media_type',
      code: 'unsupported_media_type',
    });
    expect(
      (await api('POST', '/v1/files', { text: JSON.stringify(valid), contentType: null })).status,
    ).toBe(415);
  });

  it('refuses broken JSON and non-object bodies', async () => {
    const { api } = await startServer();
    expect(errorOf(await api('POST', '/v1/files', { text: '{"filename":' })).code).toBe(
      'invalid_json',
    );
    expect(errorOf(await api('POST', '/v1/files', { body: [valid] })).code).toBe('invalid_json');
  });

  it('rejects unknown body keys with the key as param', async () => {
    const { api } = await startServer();
    const answer = await api('POST', '/v1/files', { body: { ...valid, folder: 'x' } });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: 'unknown_field', param: 'folder' });
    const complete = await api('POST', '/v1/files/fil_x/complete', { body: { sha1: 'x' } });
    expect(errorOf(complete)).toMatchObject({ code: 'unknown_field', param: 'sha1' });
    const cancel = await api('POST', '/v1/files/fil_x/cancel', { body: { reason: 'x' } });
    expect(errorOf(cancel)).toMatchObject({ code: 'unknown_field', param: 'reason' });
  });

  it('names missing and mistyped fields', async () => {
    const { api } = await startServer();
    expect(
      errorOf(await api('POST', '/v1/files', { body: { filename: 'a', mimeType: 'text/plain' } })),
    ).toMatchObject({ code: 'missing_field', param: 'sizeBytes' });
    expect(
      errorOf(await api('POST', '/v1/files', { body: { ...valid, sizeBytes: '10' } })),
    ).toMatchObject({ code: 'invalid_type', param: 'sizeBytes' });
    expect(
      errorOf(await api('POST', '/v1/files', { body: { ...valid, filename: 7 } })),
    ).toMatchObject({ code: 'invalid_type', param: 'filename' });
  });

  it.each([
    ['path traversal', '../../etc/passwd'],
    ['a Windows path', '..\\secrets.txt'],
    ['a bare ..', '..'],
    ['a control character', 'evil\u0000.txt'],
    ['a newline', 'a\r\nb.txt'],
    ['an empty name', ''],
    ['256 characters', `${'a'.repeat(252)}.txt`],
  ])('refuses a filename with %s', async (_label, filename) => {
    const { api } = await startServer();
    const answer = await api('POST', '/v1/files', { body: { ...valid, filename } });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({
      type: 'bad_request',
      code: 'invalid_filename',
      param: 'filename',
    });
  });

  it('accepts 255 characters, counted as code points, and dots inside names', async () => {
    const { api } = await startServer();
    expect(
      (await api('POST', '/v1/files', { body: { ...valid, filename: `${'😀'.repeat(251)}.txt` } }))
        .status,
    ).toBe(200);
    expect(
      (await api('POST', '/v1/files', { body: { ...valid, filename: 'v1..2.tar.gz' } })).status,
    ).toBe(200);
  });

  it.each([0, -1, 1.5, 536_870_913])('refuses sizeBytes %s', async (sizeBytes) => {
    const { api } = await startServer();
    expect(
      errorOf(await api('POST', '/v1/files', { body: { ...valid, sizeBytes } })),
    ).toMatchObject({ code: 'invalid_size', param: 'sizeBytes' });
  });

  it('accepts the 512 MiB maximum without a purpose', async () => {
    const { api } = await startServer();
    expect(
      (await api('POST', '/v1/files', { body: { ...valid, sizeBytes: 536_870_912 } })).status,
    ).toBe(200);
  });

  it('checks the purpose enum (400) and the purpose rules (422)', async () => {
    const { api } = await startServer();
    expect(
      errorOf(await api('POST', '/v1/files', { body: { ...valid, purpose: 'avatar' } })),
    ).toMatchObject({ code: 'invalid_purpose', param: 'purpose' });
    const mime = await api('POST', '/v1/files', {
      body: { ...valid, mimeType: 'image/png', purpose: 'meeting_transcript' },
    });
    expect(mime.status).toBe(422);
    expect(errorOf(mime)).toMatchObject({
      type: 'unprocessable_content',
      code: 'mime_type_not_allowed',
      param: 'mimeType',
    });
    const big = await api('POST', '/v1/files', {
      body: { ...valid, sizeBytes: 20 * 1024 * 1024 + 1, purpose: 'email_attachment' },
    });
    expect(big.status).toBe(422);
    expect(errorOf(big)).toMatchObject({ code: 'file_too_large', param: 'sizeBytes' });
    expect(
      (
        await api('POST', '/v1/files', {
          body: { ...valid, mimeType: 'image/png', purpose: 'email_attachment' },
        })
      ).status,
    ).toBe(200);
    expect(
      errorOf(await api('POST', '/v1/files', { body: { ...valid, mimeType: 'not a type' } })).code,
    ).toBe('invalid_mime_type');
  });

  it('answers 404 with an envelope for unknown files', async () => {
    const { api } = await startServer();
    const answer = await api('GET', '/v1/files/fil_missing');
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toMatchObject({ type: 'not_found', code: 'file_not_found' });
  });

  it('puts rate-limit headers on every answer, errors included', async () => {
    const { api } = await startServer({ rateLimit: { perSecond: 25 } });
    for (const answer of [
      await api('GET', '/v1/files'),
      await api('GET', '/v1/files', { token: null }),
      await api('GET', '/v1/files/fil_x'),
    ]) {
      expect(answer.headers.get('x-ratelimit-limit')).toBe('25');
      expect(answer.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(answer.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
    }
  });
});
