import { describe, expect, it } from 'vitest';
import { parseJsonText, parseWith } from '../../../src/core/http/parse.js';
import {
  fileCreateResponseSchema,
  fileListResponseSchema,
  fileObjectSchema,
  fileUrlResponseSchema,
} from '../../../src/core/lightfield/schemas.js';
import type { FiledockError } from '../../../src/core/errors.js';

const context = { what: 'GET /v1/files/fil_1', status: 200 };
const file = {
  id: 'fil_1',
  status: 'PENDING',
  filename: 'notes.md',
  mimeType: 'text/markdown',
  sizeBytes: 12,
  createdAt: '2026-04-08T12:00:00.000Z',
  completedAt: null,
  expiresAt: '2026-04-08T13:00:00.000Z',
};

function failure(run: () => unknown): FiledockError {
  try {
    run();
  } catch (error) {
    return error as FiledockError;
  }
  throw new Error('expected a failure');
}

describe('parseWith', () => {
  it('returns a valid File and tolerates unknown extra keys', () => {
    const parsed = parseWith(fileObjectSchema, { ...file, futureField: { nested: true } }, context);
    expect(parsed).toMatchObject(file);
  });

  it('names a missing field', () => {
    const { sizeBytes: _dropped, ...rest } = file;
    const error = failure(() => parseWith(fileObjectSchema, rest, context));
    expect(error).toMatchObject({ code: 'invalid-response', retryable: false, status: 200 });
    expect(error.message).toBe(
      'Invalid response from GET /v1/files/fil_1: field "sizeBytes" is missing.',
    );
  });

  it('names a mistyped field and what it got', () => {
    const error = failure(() => parseWith(fileObjectSchema, { ...file, sizeBytes: '12' }, context));
    expect(error.message).toContain('field "sizeBytes" should be number, got string');
  });

  it('names a missing enum field as missing', () => {
    const { status: _dropped, ...rest } = file;
    expect(failure(() => parseWith(fileObjectSchema, rest, context)).message).toContain(
      'field "status" is missing',
    );
  });

  it('refuses an unknown status value', () => {
    const error = failure(() => parseWith(fileObjectSchema, { ...file, status: 'DONE' }, context));
    expect(error.code).toBe('invalid-response');
    expect(error.message).toContain('field "status"');
  });

  it('refuses null where a nullable key must be present', () => {
    const { completedAt: _dropped, ...rest } = file;
    expect(failure(() => parseWith(fileObjectSchema, rest, context)).message).toContain(
      '"completedAt" is missing',
    );
  });

  it('names the path inside a list', () => {
    const body = { object: 'list', totalCount: 2, data: [file, { ...file, id: 42 }] };
    expect(failure(() => parseWith(fileListResponseSchema, body, context)).message).toContain(
      'field "data.1.id"',
    );
  });

  it('refuses a list whose object is not "list"', () => {
    const body = { object: 'file', totalCount: 0, data: [] };
    expect(failure(() => parseWith(fileListResponseSchema, body, context)).message).toContain(
      'field "object"',
    );
  });

  it('needs uploadUrl and string uploadHeaders on a create answer', () => {
    const noUrl = failure(() =>
      parseWith(fileCreateResponseSchema, { ...file, uploadHeaders: {} }, context),
    );
    expect(noUrl.message).toContain('"uploadUrl" is missing');
    const badHeaders = { ...file, uploadUrl: 'http://x/u', uploadHeaders: { 'content-type': 7 } };
    expect(
      failure(() => parseWith(fileCreateResponseSchema, badHeaders, context)).message,
    ).toContain('field "uploadHeaders.content-type"');
  });

  it('refuses a body that is not an object', () => {
    expect(failure(() => parseWith(fileUrlResponseSchema, [], context)).message).toContain(
      'the body should be object',
    );
  });
});

describe('parseJsonText', () => {
  it('parses JSON text', () => {
    expect(parseJsonText('{"a":1}', context)).toEqual({ a: 1 });
  });

  it.each([
    ['HTML', '<!doctype html><p>hi</p>'],
    ['plain text', 'OK'],
    ['broken JSON', '{"id": "fil_1", "status": '],
    ['an empty body', ''],
  ])('refuses %s as invalid-response', (_label, text) => {
    expect(failure(() => parseJsonText(text, context))).toMatchObject({
      code: 'invalid-response',
      retryable: false,
    });
  });
});
