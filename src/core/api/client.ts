/**
 * The typed Lightfield Files API client. Every answer is parsed by a schema, every failure is a
 * FiledockError with a stable code, and transient failures are retried the way the official
 * SDKs do it. It sends only what the app gives it: no Authorization unless `headers` supplies one.
 *
 * This module is the light half: options, types and a facade. The working half (axios, retries,
 * schemas) is `transport.ts`, loaded with `import()` when the client is created in a browser and
 * awaited by the first call, so it never weighs on an app's initial bundle (bench P7).
 */
import type { AxiosInstance } from 'axios';
import type { FilesBackend, RequestOptions } from '../backend.js';
import { FiledockError } from '../errors.js';
import { lazily } from '../lazy.js';
import { DEFAULT_API_VERSION } from './constants.js';
import { createLightfieldBackend } from './lightfield-backend.js';
import type {
  FileCompleteParams,
  FileCreateParams,
  FileCreateResponse,
  FileListParams,
  FileListResponse,
  FileObject,
  FileUrlResponse,
} from './schemas.js';

export type HeadersOption =
  | Record<string, string>
  | (() => Record<string, string> | Promise<Record<string, string>>);

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
  const transport = lazily(async () =>
    (await import('./transport.js')).createFilesTransport(options, resolved),
  );
  // In a browser, start fetching the working half now, while the page renders, so the first call
  // rarely waits for it. A failure here is retried by that call and must not surface on its own.
  if (typeof window !== 'undefined') transport().catch(() => undefined);

  // Every method is async so that bad input rejects the promise instead of throwing in the caller.
  const files: LightfieldFiles = {
    create: async (params, opts) => (await transport()).create(params, opts),
    complete: async (id, params, opts) => (await transport()).complete(id, params, opts),
    cancel: async (id, opts) => (await transport()).cancel(id, opts),
    retrieve: async (id, opts) => (await transport()).retrieve(id, opts),
    list: async (params, opts) => (await transport()).list(params, opts),
    url: async (id, opts) => (await transport()).url(id, opts),
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
    if (!Number.isFinite(value) || value < 0)
      throw badArgument(`\`${key}\` must be a number ≥ 0.`, key);
  }
  if (!Number.isInteger(resolved.maxRetries))
    throw badArgument('`maxRetries` must be an integer.', 'maxRetries');
  return Object.freeze(resolved);
}

/** As `params.ts` words it, without importing it: that module belongs to the lazily loaded half. */
function badArgument(message: string, param: string): FiledockError {
  return new FiledockError({ code: 'bad_request', message, param, retryable: false });
}
