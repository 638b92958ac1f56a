/**
 * The typed Lightfield Files API client. Every answer is parsed by a schema, every failure is a
 * FiledockError with a stable code, and transient failures are retried the way the official
 * SDKs do it. It sends only what the app gives it: no Authorization unless `headers` supplies one.
 */
import axios, { AxiosHeaders, type AxiosInstance, type Method } from 'axios';
import type { FilesBackend, RequestOptions } from '../backend.js';
import { FiledockError } from '../errors.js';
import { sendAttempt } from './attempt.js';
import { newIdempotencyKey } from './idempotency.js';
import { createLightfieldBackend } from './lightfield-backend.js';
import { badArgument, completeBody, createBody, encodeId, listQuery } from './params.js';
import { parseJsonText, parseWith } from './parse.js';
import { withRetries } from './retry.js';
import {
  DEFAULT_API_VERSION,
  fileCreateResponseSchema,
  fileListResponseSchema,
  fileObjectSchema,
  fileUrlResponseSchema,
  type FileCompleteParams,
  type FileCreateParams,
  type FileCreateResponse,
  type FileListParams,
  type FileListResponse,
  type FileObject,
  type FileUrlResponse,
} from './schemas.js';

export type HeadersOption = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

export interface LightfieldClientOptions {
  /**
   * Where the Files API lives: the API itself, the app's own proxy route (which adds the key), or
   * the reference server. Paths like `/v1/files` are appended to it.
   * @example 'http://127.0.0.1:4010'
   */
  baseURL: string;
  /**
   * Extra headers for every API call (never for the storage PUT), e.g. a session token for the
   * app's proxy. A function is called again for every attempt, so a refreshed token is picked up
   * by a retry.
   * @default undefined
   */
  headers?: HeadersOption;
  /** Sent as `Lightfield-Version`. @default '2026-03-01' */
  apiVersion?: string;
  /** Retries after the first attempt for connection errors, timeouts, 408, 409, 429 and 5xx. @default 2 */
  maxRetries?: number;
  /** Per-attempt limit for API calls, in ms; 0 turns it off. The storage PUT has none. @default 60000 */
  timeoutMs?: number;
  /**
   * First backoff step: retry n waits `retryBaseDelayMs · 2ⁿ` (×0.75–1 jitter, at most 8 s) unless
   * the server sent `Retry-After-Ms` / `Retry-After` (honoured up to 60 s).
   * @default 500
   */
  retryBaseDelayMs?: number;
  /**
   * An axios instance for API calls, to share one with the app. filedock adds no interceptors
   * and changes no defaults on it. The storage PUT always uses filedock's own instance.
   * @default a fresh `axios.create()`
   */
  axios?: AxiosInstance;
}

/** The options as resolved, without `headers` (they may hold secrets). */
export interface ResolvedClientOptions {
  readonly baseURL: string;
  readonly apiVersion: string;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly retryBaseDelayMs: number;
}

export interface LightfieldFiles {
  create(params: FileCreateParams, options?: RequestOptions): Promise<FileCreateResponse>;
  /** Always sends a JSON body: `{}` without an md5. */
  complete(id: string, params?: FileCompleteParams, options?: RequestOptions): Promise<FileObject>;
  cancel(id: string, options?: RequestOptions): Promise<FileObject>;
  retrieve(id: string, options?: RequestOptions): Promise<FileObject>;
  list(params?: FileListParams, options?: RequestOptions): Promise<FileListResponse>;
  url(id: string, options?: RequestOptions): Promise<FileUrlResponse>;
}

export interface LightfieldClient {
  readonly files: LightfieldFiles;
  /** The engine's seam over this client (PUT included). */
  readonly backend: FilesBackend;
  readonly options: ResolvedClientOptions;
}

export function createLightfieldClient(options: LightfieldClientOptions): LightfieldClient {
  const resolved = resolveOptions(options);
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
        const headers = await buildHeaders(options.headers, resolved.apiVersion, serialised !== undefined, idempotencyKey).catch(
          (error: unknown) => {
            throw headersFailed(error);
          },
        );
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
    create: async (params, opts) => call('POST', '/v1/files', fileCreateResponseSchema, createBody(params), opts),
    complete: async (id, params, opts) => {
      const path = `/v1/files/${encodeId(id)}/complete`;
      const body = completeBody(params);
      try {
        return await call('POST', path, fileObjectSchema, body, opts);
      } catch (error) {
        throw refineCompleteError(error, body.md5 !== undefined);
      }
    },
    cancel: async (id, opts) => call('POST', `/v1/files/${encodeId(id)}/cancel`, fileObjectSchema, {}, opts),
    retrieve: async (id, opts) => call('GET', `/v1/files/${encodeId(id)}`, fileObjectSchema, undefined, opts),
    list: async (params, opts) => call('GET', `/v1/files${listQuery(params)}`, fileListResponseSchema, undefined, opts),
    url: async (id, opts) => call('GET', `/v1/files/${encodeId(id)}/url`, fileUrlResponseSchema, undefined, opts),
  };

  return { files, backend: createLightfieldBackend(files), options: resolved };
}

function resolveOptions(options: LightfieldClientOptions): ResolvedClientOptions {
  if (!options || typeof options.baseURL !== 'string' || options.baseURL.trim() === '') {
    throw badArgument('`baseURL` must be a non-empty string.', 'baseURL');
  }
  const resolved = {
    baseURL: options.baseURL,
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    maxRetries: options.maxRetries ?? 2,
    timeoutMs: options.timeoutMs ?? 60_000,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
  };
  for (const key of ['maxRetries', 'timeoutMs', 'retryBaseDelayMs'] as const) {
    const value = resolved[key];
    if (!Number.isFinite(value) || value < 0) throw badArgument(`\`${key}\` must be a number ≥ 0.`, key);
  }
  if (!Number.isInteger(resolved.maxRetries)) throw badArgument('`maxRetries` must be an integer.', 'maxRetries');
  return Object.freeze(resolved);
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
  if (sentMd5 && refusal && (error.param === 'md5' || /md5|checksum|digest|integrity/i.test(said))) {
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
  return new FiledockError({ code: 'network', message: `The headers option failed: ${detail}`, cause: error });
}
