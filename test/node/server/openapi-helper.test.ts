import { describe, expect, it } from 'vitest';
import { operationIdFor, validateRequestBody, validateResponse } from '../../support/openapi.js';

const file = {
  id: 'fil_1',
  status: 'PENDING',
  filename: 'a.txt',
  mimeType: 'text/plain',
  sizeBytes: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  completedAt: null,
  expiresAt: '2026-01-01T01:00:00.000Z',
};

describe('test/support/openapi', () => {
  it('accepts a valid answer and refuses a mistyped one', () => {
    expect(() => validateResponse('file.retrieve', 200, file)).not.toThrow();
    expect(() => validateResponse('file.retrieve', 200, { ...file, sizeBytes: '1' })).toThrow(
      /sizeBytes/,
    );
    expect(() => validateResponse('file.create', 200, file)).toThrow(/uploadUrl/);
  });

  it('validates errors inside the envelope and requires code on 400', () => {
    expect(() =>
      validateResponse('file.create', 400, {
        error: { type: 'bad_request', message: 'x', code: 'c' },
      }),
    ).not.toThrow();
    expect(() =>
      validateResponse('file.create', 400, { error: { type: 'bad_request', message: 'x' } }),
    ).toThrow(/code/);
    expect(() =>
      validateResponse('file.create', 409, { type: 'bad_request', message: 'x' }),
    ).toThrow();
    expect(() => validateResponse('file.create', 418, {})).toThrow(/not documented/);
  });

  it('validates request bodies by concrete path', () => {
    expect(() =>
      validateRequestBody('/v1/files', 'POST', { filename: 'a', mimeType: 't/p', sizeBytes: 1 }),
    ).not.toThrow();
    expect(() =>
      validateRequestBody('/v1/files', 'POST', {
        filename: 'a',
        mimeType: 't/p',
        sizeBytes: 1,
        x: 1,
      }),
    ).toThrow();
    expect(() => validateRequestBody('/v1/files/fil_1/complete', 'POST', { md5: 'ABC' })).toThrow(
      /pattern/,
    );
    expect(() => validateRequestBody('/v1/files/fil_1/cancel', 'POST', undefined)).not.toThrow();
    expect(operationIdFor('GET', '/v1/files/fil_1/url?x=1')).toBe('file.url');
  });
});
