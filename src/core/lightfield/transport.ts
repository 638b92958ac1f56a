/**
 * The Lightfield client's working half: the shared HTTP layer with Lightfield's headers and
 * idempotency keys, its request checks and its zod schemas. Loaded with `import()` (see
 * `createLightfieldClient`), so none of it is in an app's initial bundle.
 */
import { FiledockError } from '../errors.js';
import { createHttp, requestFor } from '../http/request.js';
import { completeBody, createBody, encodeId, listQuery } from './params.js';
import {
  fileCreateResponseSchema,
  fileListResponseSchema,
  fileObjectSchema,
  fileUrlResponseSchema,
} from './schemas.js';
import type { LightfieldClientOptions, LightfieldFiles, ResolvedClientOptions } from './types.js';

export function createFilesTransport(
  options: LightfieldClientOptions,
  resolved: ResolvedClientOptions,
): LightfieldFiles {
  const http = createHttp(options, resolved, {
    fixedHeaders: { 'Lightfield-Version': resolved.apiVersion },
    idempotencyKeys: true,
  });

  // Every method is async so that bad input rejects the promise instead of throwing in the caller.
  return {
    create: async (params, opts) =>
      http.json(
        requestFor('POST', '/v1/files', opts, createBody(params)),
        fileCreateResponseSchema,
      ),
    complete: async (id, params, opts) => {
      const path = `/v1/files/${encodeId(id)}/complete`;
      const body = completeBody(params);
      try {
        return await http.json(requestFor('POST', path, opts, body), fileObjectSchema);
      } catch (error) {
        throw refineCompleteError(error, body.md5 !== undefined);
      }
    },
    cancel: async (id, opts) =>
      http.json(requestFor('POST', `/v1/files/${encodeId(id)}/cancel`, opts, {}), fileObjectSchema),
    retrieve: async (id, opts) =>
      http.json(requestFor('GET', `/v1/files/${encodeId(id)}`, opts), fileObjectSchema),
    list: async (params, opts) =>
      http.json(requestFor('GET', `/v1/files${listQuery(params)}`, opts), fileListResponseSchema),
    url: async (id, opts) =>
      http.json(requestFor('GET', `/v1/files/${encodeId(id)}/url`, opts), fileUrlResponseSchema),
  };
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
