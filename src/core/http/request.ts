/**
 * The one way every client sends a request: headers built per attempt, one idempotency key per
 * logical POST (where the service takes one), the retry loop, and every answer parsed or refused
 * as `invalid-response`. Loaded with the clients' working halves, never eagerly.
 */
import axios, { AxiosHeaders, type AxiosInstance, type Method } from 'axios';
import type * as z from 'zod/mini';
import type { RequestOptions, TransferProgress } from '../backend.js';
import { FiledockError } from '../errors.js';
import { abortedError } from './abort.js';
import { sendAttempt, type AttemptAnswer } from './attempt.js';
import { newIdempotencyKey } from './idempotency.js';
import type { HttpClientOptions, ResolvedHttpOptions } from './options.js';
import { invalidResponse, parseJsonText, parseWith } from './parse.js';
import { withRetries } from './retry.js';

export interface HttpRequest {
  method: Method;
  /** Appended to the base URL; the query string included. */
  path: string;
  /** A JSON body (serialised once, sent with `Content-Type: application/json`). */
  json?: object;
  /** A multipart body; a function so that every attempt sends a fresh form. */
  form?: () => FormData;
  signal?: AbortSignal;
  /** @default the client's maxRetries */
  maxRetries?: number;
  /** Services that take `Idempotency-Key` get one per logical POST; the caller's when given. */
  idempotencyKey?: string;
  onUploadProgress?: (progress: TransferProgress) => void;
  /** See `AttemptRequest.finishOnceSent`. @default false */
  finishOnceSent?: boolean;
}

/**
 * A request carrying the caller's per-call options: its signal, its retry budget and (where the
 * service takes one) its idempotency key.
 */
export function requestFor(
  method: Method,
  path: string,
  options: RequestOptions | undefined,
  json?: object,
): HttpRequest {
  return {
    method,
    path,
    json,
    signal: options?.signal,
    maxRetries: options?.maxRetries,
    idempotencyKey: options?.idempotencyKey,
  };
}

export interface HttpServiceConfig {
  /** Headers this service requires on every call (e.g. `Lightfield-Version`). @default {} */
  fixedHeaders?: Record<string, string>;
  /** Whether the service takes `Idempotency-Key` on POSTs. @default false */
  idempotencyKeys?: boolean;
}

export interface Http {
  /** A 2xx answer whose JSON body passes `schema`. */
  json<TSchema extends z.ZodMiniType>(
    request: HttpRequest,
    schema: TSchema,
  ): Promise<z.infer<TSchema>>;
  /** A 2xx answer whose body is ignored (e.g. 204 after a delete). */
  empty(request: HttpRequest): Promise<void>;
  /** A 2xx answer's bytes. */
  blob(request: HttpRequest): Promise<Blob>;
}

export function createHttp(
  options: HttpClientOptions,
  resolved: ResolvedHttpOptions,
  service: HttpServiceConfig,
): Http {
  const instance: AxiosInstance = options.axios ?? axios.create();
  const root = resolved.baseURL.replace(/\/+$/, '');

  async function send<T>(
    request: HttpRequest,
    responseType: 'text' | 'arraybuffer',
    read: (answer: AttemptAnswer, what: string) => T,
  ): Promise<T> {
    const what = `${request.method} ${request.path.split('?')[0]}`;
    const { signal } = request;
    // Once per logical call: every retry of this POST carries the same key.
    const idempotencyKey =
      service.idempotencyKeys && request.method === 'POST'
        ? (request.idempotencyKey ?? newIdempotencyKey())
        : undefined;
    const serialised = request.json === undefined ? undefined : JSON.stringify(request.json);
    try {
      return await withRetries(
        async () => {
          const headers = await buildHeaders(options, service, {
            json: serialised !== undefined,
            accept: responseType === 'text' ? 'application/json' : '*/*',
            idempotencyKey,
          });
          const answer = await sendAttempt({
            axios: instance,
            method: request.method,
            url: root + request.path,
            headers,
            body: serialised ?? request.form?.(),
            responseType,
            timeoutMs: resolved.timeoutMs,
            signal,
            what,
            onUploadProgress: request.onUploadProgress,
            finishOnceSent: request.finishOnceSent,
          });
          return read(answer, what);
        },
        {
          maxRetries: request.maxRetries ?? resolved.maxRetries,
          baseDelayMs: resolved.retryBaseDelayMs,
        },
        signal,
      );
    } catch (error) {
      // An upload left to finish after a cancel that then failed anyway: report the cancel.
      if (signal?.aborted && !(error instanceof FiledockError && error.code === 'aborted'))
        throw abortedError(undefined, error);
      throw error;
    }
  }

  return {
    json: (request, schema) =>
      send(request, 'text', (answer, what) => {
        const context = { what, status: answer.status };
        return parseWith(schema, parseJsonText(answer.data, context), context);
      }),
    // No body is expected (e.g. 204 after a delete); a body that is there must still be JSON.
    empty: (request) =>
      send(request, 'text', (answer, what) => {
        const { data } = answer;
        if (typeof data === 'string' && data.trim() !== '')
          parseJsonText(data, { what, status: answer.status });
      }),
    blob: (request) =>
      send(request, 'arraybuffer', (answer, what) => {
        const { data } = answer;
        const type = answer.contentType ?? '';
        if (data instanceof ArrayBuffer || ArrayBuffer.isView(data))
          return new Blob([data as ArrayBuffer], { type });
        if (typeof data === 'string') return new Blob([data], { type });
        if (data instanceof Blob) return data;
        throw invalidResponse('the body is not bytes', { what, status: answer.status });
      }),
  };
}

async function buildHeaders(
  options: HttpClientOptions,
  service: HttpServiceConfig,
  body: { json: boolean; accept: string; idempotencyKey: string | undefined },
): Promise<Record<string, string>> {
  let extra: Record<string, string> | undefined;
  try {
    extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
  } catch (error) {
    throw headersFailed(error);
  }
  // AxiosHeaders merges names case-insensitively, so an app's `accept` cannot duplicate ours.
  const headers = new AxiosHeaders(extra ?? {});
  headers.set('Accept', body.accept);
  for (const [name, value] of Object.entries(service.fixedHeaders ?? {})) headers.set(name, value);
  if (body.json) headers.set('Content-Type', 'application/json');
  if (body.idempotencyKey) headers.set('Idempotency-Key', body.idempotencyKey);
  return headers.toJSON(true) as Record<string, string>;
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
