/**
 * The storage PUT: the bytes go to the presigned `uploadUrl` with exactly the issued headers.
 *
 * Storage signs the headers it issued; one added or dropped header breaks the signature (403).
 * So this uses its own axios instance (no app interceptors can reach it), strips axios' default
 * `Accept`, forbids the `Content-Type` axios would derive from the Blob, never sends the XSRF
 * cookie header, and sends no API headers at all. Browsers still add their own standard headers
 * (Origin, User-Agent, …), which signatures do not cover. One attempt only: the engine decides
 * whether to repeat a failed PUT.
 */
import axios, { AxiosHeaders, type AxiosInstance } from 'axios';
import type { TransferProgress } from '../backend.js';
import { errorFromTransport, type EarlyEnd } from '../http/map-error.js';
import { headerGetter } from '../http/retry-after.js';
import { mapStorageError } from './storage-error.js';

export interface PutToStorageOptions {
  url: string;
  /** The session's `uploadHeaders`, sent verbatim and alone. */
  headers: Readonly<Record<string, string>>;
  /** Streamed from the Blob/File; never read into memory first. */
  body: Blob;
  /** The session's `expiresAt`: a 403 after it maps to `upload-expired`. @default undefined */
  expiresAt?: string;
  signal?: AbortSignal;
  /** Called as bytes leave (axios throttles to a few events per second, plus a final one). */
  onProgress?: (progress: TransferProgress) => void;
  /** No limit by default: a large file on a slow link may take long. Abort with `signal`. @default undefined */
  timeoutMs?: number;
}

let storageAxios: AxiosInstance | undefined;

/** Created on first use, never shared with the app, never given interceptors. */
function instance(): AxiosInstance {
  if (!storageAxios) {
    storageAxios = axios.create();
    // Axios puts `Accept: application/json, text/plain, */*` on every request by default.
    delete storageAxios.defaults.headers.common.Accept;
  }
  return storageAxios;
}

/** The exact header set: the issued headers, and `false` for those axios would otherwise add. */
export function storageHeaders(issued: Readonly<Record<string, string>>): AxiosHeaders {
  const headers = new AxiosHeaders();
  for (const [name, value] of Object.entries(issued)) headers.set(name, value);
  // `false` tells axios to leave a header out rather than fill in its own value.
  if (!headers.has('Content-Type')) headers.set('Content-Type', false);
  if (!headers.has('Accept')) headers.set('Accept', false);
  return headers;
}

/**
 * The Blob's own type leaks into the request: browsers send it as Content-Type when none is set
 * explicitly, and Node's axios adapter overwrites Content-Type with it. So the Blob must carry
 * the issued type, or no type at all when storage issued none (an unsigned Content-Type may be
 * refused). Neither copies bytes: a Blob made from a Blob, or a slice, references the same data.
 */
export function typedBody(body: Blob, issued: Readonly<Record<string, string>>): Blob {
  const name = Object.keys(issued).find((key) => key.toLowerCase() === 'content-type');
  const type = name === undefined ? '' : (issued[name] ?? '');
  if (body.type === type) return body;
  return type === '' ? body.slice(0, body.size, '') : new Blob([body], { type });
}

export async function putToStorage(options: PutToStorageOptions): Promise<void> {
  const { signal, onProgress, timeoutMs } = options;
  const body = typedBody(options.body, options.headers);
  const what = 'PUT to storage';
  const controller = new AbortController();
  let ended: EarlyEnd;
  const onCallerAbort = () => {
    ended ??= 'aborted';
    controller.abort();
  };
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (signal?.aborted) onCallerAbort();
  const timer = timeoutMs
    ? setTimeout(() => {
        ended ??= 'timeout';
        controller.abort();
      }, timeoutMs)
    : undefined;

  try {
    const response = await instance().request({
      method: 'PUT',
      url: options.url,
      headers: storageHeaders(options.headers),
      data: body,
      signal: controller.signal,
      responseType: 'text',
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      withXSRFToken: false,
      withCredentials: false,
      maxRedirects: 0,
      maxBodyLength: Infinity,
      maxContentLength: Infinity,
      onUploadProgress: onProgress
        ? (event) => onProgress({ loaded: event.loaded, total: event.total ?? body.size })
        : undefined,
    });
    if (response.status >= 200 && response.status < 300) return;
    throw mapStorageError({
      status: response.status,
      bodyText: typeof response.data === 'string' ? response.data : '',
      getHeader: headerGetter(response.headers),
      expiresAt: options.expiresAt,
    });
  } catch (error) {
    throw errorFromTransport(error, ended, what, timeoutMs);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}
