import { AxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import {
  codeForStatus,
  errorFromResponse,
  errorFromTransport,
} from '../../../src/core/http/map-error.js';
import { headerGetter } from '../../../src/core/http/retry-after.js';
import { FiledockError } from '../../../src/core/errors.js';

const noHeaders = headerGetter({});
const what = 'POST /v1/files';

describe('codeForStatus', () => {
  it('is rate-limited for 429 whatever the body says', () => {
    expect(codeForStatus(429)).toBe('rate-limited');
    expect(codeForStatus(429, 'bad_request')).toBe('rate-limited');
  });

  it("takes the server's documented type", () => {
    expect(codeForStatus(400, 'not_found')).toBe('not_found');
    expect(codeForStatus(409, 'conflict')).toBe('conflict');
  });

  it('derives the type from the status when the server gave none or an unknown one', () => {
    expect(codeForStatus(404)).toBe('not_found');
    expect(codeForStatus(503, 'something_new')).toBe('service_unavailable');
    expect(codeForStatus(415)).toBe('unsupported_media_type');
  });

  it('falls back to http-<status> for undocumented statuses', () => {
    expect(codeForStatus(418)).toBe('http-418');
    expect(codeForStatus(302)).toBe('http-302');
    expect(codeForStatus(502)).toBe('http-502');
    // 412 is a storage status: from the API it has no filedock code of its own.
    expect(codeForStatus(412)).toBe('http-412');
  });
});

describe('errorFromResponse', () => {
  it('reads the wrapped shape {error:{type,message,code,param}}', () => {
    const error = errorFromResponse({
      status: 400,
      body: {
        error: {
          type: 'bad_request',
          message: 'Unknown field: color',
          code: 'unknown_field',
          param: 'color',
        },
      },
      getHeader: noHeaders,
      what,
    });
    expect(error).toBeInstanceOf(FiledockError);
    expect(error).toMatchObject({
      code: 'bad_request',
      message: 'Unknown field: color',
      status: 400,
      type: 'bad_request',
      serverCode: 'unknown_field',
      param: 'color',
      retryable: false,
    });
  });

  it('reads the unwrapped shape {type,message} and the Retry-After of a 429', () => {
    const error = errorFromResponse({
      status: 429,
      body: { type: 'too_many_requests', message: 'Slow down' },
      getHeader: headerGetter({ 'retry-after': '2' }),
      what,
    });
    expect(error).toMatchObject({
      code: 'rate-limited',
      status: 429,
      type: 'too_many_requests',
      retryable: true,
      retryAfterMs: 2000,
    });
  });

  it('maps an HTML error page by status with a generic message', () => {
    const error = errorFromResponse({
      status: 500,
      body: '<html><body>Oops</body></html>',
      getHeader: noHeaders,
      what,
    });
    expect(error).toMatchObject({
      code: 'internal_server_error',
      status: 500,
      type: undefined,
      retryable: true,
    });
    expect(error.message).toBe('POST /v1/files failed with HTTP 500.');
  });

  it('maps a JSON body that is not the error shape by status', () => {
    const error = errorFromResponse({
      status: 404,
      body: { detail: 'nope' },
      getHeader: noHeaders,
      what,
    });
    expect(error).toMatchObject({ code: 'not_found', status: 404, type: undefined });
  });

  it('marks 408 and 409 retryable but not 403', () => {
    const at = (status: number) =>
      errorFromResponse({ status, body: '', getHeader: noHeaders, what }).retryable;
    expect([at(408), at(409), at(403)]).toEqual([true, true, false]);
  });
});

describe('errorFromTransport', () => {
  it('is aborted (not retryable) when the caller aborted', () => {
    const error = errorFromTransport(new AxiosError('canceled', 'ERR_CANCELED'), 'aborted', what);
    expect(error).toMatchObject({ code: 'aborted', retryable: false });
  });

  it('is timeout (retryable) when our timer fired', () => {
    const error = errorFromTransport(
      new AxiosError('canceled', 'ERR_CANCELED'),
      'timeout',
      what,
      50,
    );
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toContain('50 ms');
  });

  it('is timeout for an adapter timeout too', () => {
    expect(errorFromTransport(new AxiosError('timeout', 'ETIMEDOUT'), undefined, what).code).toBe(
      'timeout',
    );
  });

  it('is network (retryable) for a refused connection', () => {
    const error = errorFromTransport(
      new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED'),
      undefined,
      what,
    );
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('passes FiledockErrors through untouched', () => {
    const original = new FiledockError({ code: 'not_found', message: 'x', status: 404 });
    expect(errorFromTransport(original, undefined, what)).toBe(original);
  });
});
