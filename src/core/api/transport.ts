/**
 * The Lightfield client's working half: axios, the retry loop and the zod schemas. It is loaded
 * with `import()` (see `createLightfieldClient`: fetched as a client is made in a browser, awaited
 * by the first call), so none of it is in an app's initial bundle. Every answer is parsed by a schema, every failure is a FiledockError with a
 * stable code, and transient failures are retried the way the official SDKs do it.
 */
import axios, { AxiosHeaders, type Method } from 'axios';
import type { RequestOptions } from '../backend.js';
import { FiledockError } from '../errors.js';
import { sendAttempt } from './attempt.js';
import type {
  HeadersOption,
  LightfieldClientOptions,
  LightfieldFiles,
  ResolvedClientOptions,
} from './client.js';
import { newIdempotencyKey } from './idempotency.js';
import { completeBody, createBody, encodeId, listQuery } from './params.js';
import { parseJsonText, parseWith } from './parse.js';
import { withRetries } from './retry.js';
import {
  fileCreateResponseSchema,
  fileListResponseSchema,
  fileObjectSchema,
  fileUrlResponseSchema,
} from './schemas.js';

export function createFilesTransport(
  options: LightfieldClientOptions,
  resolved: ResolvedClientOptions,
): LightfieldFiles {
  const instance = options.axios ?? axios.create();
  const root = resolved.baseURL.replace(/\/+$/, '');

  async function call<TSchema extends Parameters<typeof parseWith>[0]>(
    method: Method,
    path: string,
    schema: TSchema,
    body: object | undefined,
    requestOptions: RequestOptions | undefined,
  ) {
    const what = `${method} ${path}`;
    const signal = requestOptions?.signal;
    // Generated once per logical call: every retry of this POST carries the same key.
    const idempotencyKey = method === 'POST' ? newIdempotencyKey() : undefined;
    const serialised = body === undefined ? undefined : JSON.stringify(body);
    return withRetries(
      async () => {
        const headers = await buildHeaders(
          options.headers,
          resolved.apiVersion,
          serialised !== undefined,
          idempotencyKey,
        ).catch((error: unknown) => {
          throw headersFailed(error);
        });
        const answer = await sendAttempt({
          axios: instance,
          method,
          url: root + path,
          headers,
          body: serialised,
          timeoutMs: resolved.timeoutMs,
          signal,
          what,
        });
        const context = { what, status: answer.status };
        return parseWith(schema, parseJsonText(answer.data, context), context);
      },
      { maxRetries: resolved.maxRetries, baseDelayMs: resolved.retryBaseDelayMs },
      signal,
    );
  }

  // Every method is async so that bad input rejects the promise instead of throwing in the caller.
  const files: LightfieldFiles = {
    create: async (params, opts) =>
      call('POST', '/v1/files', fileCreateResponseSchema, createBody(params), opts),
    complete: async (id, params, opts) => {
      const path = `/v1/files/${encodeId(id)}/complete`;
      const body = completeBody(params);
      try {
        return await call('POST', path, fileObjectSchema, body, opts);
      } catch (error) {
        throw refineCompleteError(error, body.md5 !== undefined);
      }
    },
    cancel: async (id, opts) =>
      call('POST', `/v1/files/${encodeId(id)}/cancel`, fileObjectSchema, {}, opts),
    retrieve: async (id, opts) =>
      call('GET', `/v1/files/${encodeId(id)}`, fileObjectSchema, undefined, opts),
    list: async (params, opts) =>
      call('GET', `/v1/files${listQuery(params)}`, fileListResponseSchema, undefined, opts),
    url: async (id, opts) =>
      call('GET', `/v1/files/${encodeId(id)}/url`, fileUrlResponseSchema, undefined, opts),
  };

  return files;
}

async function buildHeaders(
  option: HeadersOption | undefined,
  apiVersion: string,
  hasBody: boolean,
  idempotencyKey: string | undefined,
): Promise<Record<string, string>> {
  const extra = typeof option === 'function' ? await option() : option;
  // AxiosHeaders merges names case-insensitively, so an app's `accept` cannot duplicate ours.
  const headers = new AxiosHeaders(extra ?? {});
  headers.set('Accept', 'application/json');
  headers.set('Lightfield-Version', apiVersion);
  if (hasBody) headers.set('Content-Type', 'application/json');
  if (idempotencyKey) headers.set('Idempotency-Key', idempotencyKey);
  return headers.toJSON(true) as Record<string, string>;
}

/**
 * Two refusals of complete that the engine acts on: the md5 disagreeing (a 400 blaming the md5)
 * and the session having expired (create a new one). The API does not publish their exact codes,
 * so this reads `param` and the server code loosely.
 */
function refineCompleteError(error: unknown, sentMd5: boolean): unknown {
  if (!(error instanceof FiledockError) || error.status === undefined) return error;
  // Servers differ in status (400, 409, 422, 410) and wording; the message counts as much as the
  // code. A malformed md5 cannot be the cause: the client refuses one before sending.
  const said = `${error.serverCode ?? ''} ${error.message}`;
  const refusal = error.status >= 400 && error.status < 500 && error.status !== 429;
  let code: 'checksum-mismatch' | 'upload-expired' | undefined;
  if (
    sentMd5 &&
    refusal &&
    (error.param === 'md5' || /md5|checksum|digest|integrity/i.test(said))
  ) {
    code = 'checksum-mismatch';
  } else if (refusal && /expired/i.test(said)) {
    code = 'upload-expired';
  }
  if (code === undefined) return error;
  return new FiledockError({
    code,
    message: error.message,
    status: error.status,
    type: error.type,
    serverCode: error.serverCode,
    param: error.param,
    retryable: false,
    cause: error,
  });
}

/** The app's `headers()` threw (e.g. its session expired): nothing was sent, so no retry. */
function headersFailed(error: unknown): FiledockError {
  const detail = error instanceof Error ? error.message : String(error);
  return new FiledockError({
    code: 'network',
    message: `The headers option failed: ${detail}`,
    cause: error,
  });
}
