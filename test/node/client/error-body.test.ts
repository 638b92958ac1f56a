import { describe, expect, it } from 'vitest';
import { parseErrorBody } from '../../../src/core/http/error-body.js';
import { errorFromResponse } from '../../../src/core/http/map-error.js';

const noHeaders = () => undefined;

describe("error bodies of every service's shape", () => {
  it('reads Lightfield wrapped and unwrapped, FastAPI detail (text and list) and xAI {code, error}', () => {
    expect(
      parseErrorBody({ error: { type: 'bad_request', message: 'no', code: 'x', param: 'p' } }),
    ).toEqual({ type: 'bad_request', message: 'no', code: 'x', param: 'p' });
    expect(parseErrorBody({ type: 'too_many_requests', message: 'slow' })).toMatchObject({
      type: 'too_many_requests',
    });
    expect(parseErrorBody({ detail: 'File not found' })).toEqual({ message: 'File not found' });
    expect(
      parseErrorBody({ detail: [{ type: 'enum', loc: ['body', 'purpose'], msg: 'bad purpose' }] }),
    ).toEqual({ message: 'bad purpose', param: 'purpose' });
    expect(
      parseErrorBody({ code: 'Client specified an invalid argument', error: 'bad name' }),
    ).toEqual({ message: 'bad name', code: 'Client specified an invalid argument' });
    expect(parseErrorBody('<html>')).toBeUndefined();
    expect(parseErrorBody({ detail: 42 })).toBeUndefined();
  });

  it('maps a LlamaCloud 422 and an xAI 404 by status, with the service’s message', () => {
    const unprocessable = errorFromResponse({
      status: 422,
      body: { detail: [{ type: 'enum', loc: ['query', 'page_size'], msg: 'too big' }] },
      getHeader: noHeaders,
      what: 'GET /api/v1/beta/files',
    });
    expect(unprocessable).toMatchObject({
      code: 'unprocessable_content',
      message: 'too big',
      param: 'page_size',
      retryable: false,
    });
    const missing = errorFromResponse({
      status: 404,
      body: { code: 'Some requested entity was not found', error: 'File f not found.' },
      getHeader: noHeaders,
      what: 'GET /v1/files/f',
    });
    expect(missing).toMatchObject({ code: 'not_found', message: 'File f not found.' });
  });
});
