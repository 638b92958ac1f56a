import { describe, expect, it } from 'vitest';
import { headerGetter } from '../../../src/core/http/retry-after.js';
import { storageHeaders } from '../../../src/core/transfer/put.js';
import { mapStorageError } from '../../../src/core/transfer/storage-error.js';

const NOW = Date.parse('2026-04-08T12:00:00.000Z');
const answer = (
  status: number,
  bodyText = '',
  extra: { expiresAt?: string; headers?: Record<string, string> } = {},
) =>
  mapStorageError({
    status,
    bodyText,
    getHeader: headerGetter(extra.headers ?? {}),
    expiresAt: extra.expiresAt,
    now: NOW,
  });

describe('mapStorageError', () => {
  it('maps a 403 to storage-rejected, not retryable', () => {
    const error = answer(403, '<Error><Code>SignatureDoesNotMatch</Code></Error>');
    expect(error).toMatchObject({ code: 'storage-rejected', status: 403, retryable: false });
  });

  it('keeps the server type and code of a JSON 403', () => {
    const error = answer(
      403,
      JSON.stringify({
        error: { type: 'forbidden', message: 'header mismatch', code: 'signature' },
      }),
    );
    expect(error).toMatchObject({
      code: 'storage-rejected',
      type: 'forbidden',
      serverCode: 'signature',
    });
    expect(error.message).toContain('header mismatch');
  });

  it('maps a 403 whose body says expired to upload-expired', () => {
    const s3 = '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    expect(answer(403, s3).code).toBe('upload-expired');
  });

  it('maps a 403 after the session deadline to upload-expired', () => {
    expect(answer(403, '', { expiresAt: '2026-04-08T11:59:59.000Z' }).code).toBe('upload-expired');
    expect(answer(403, '', { expiresAt: '2026-04-08T12:00:01.000Z' }).code).toBe(
      'storage-rejected',
    );
  });

  it('maps 412 to conflict', () => {
    expect(answer(412)).toMatchObject({ code: 'conflict', status: 412, retryable: false });
  });

  it('maps 5xx like the API: retryable, with the server wait', () => {
    expect(answer(503, 'busy', { headers: { 'retry-after': '1' } })).toMatchObject({
      code: 'service_unavailable',
      retryable: true,
      retryAfterMs: 1000,
    });
  });
});

describe('storageHeaders', () => {
  it('sends exactly the issued headers and suppresses the ones axios would add', () => {
    const headers = storageHeaders({ 'content-type': 'text/markdown', 'if-none-match': '*' });
    expect(headers.toJSON()).toEqual({ 'content-type': 'text/markdown', 'if-none-match': '*' });
    // `false` (not absent) is what stops axios' own Accept / Blob-derived Content-Type.
    expect(headers.get('accept')).toBe(false);
  });

  it('suppresses Content-Type when storage issued none', () => {
    const headers = storageHeaders({ 'x-amz-acl': 'private' });
    expect(headers.get('content-type')).toBe(false);
    expect(headers.toJSON()).toEqual({ 'x-amz-acl': 'private' });
  });
});
