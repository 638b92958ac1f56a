/**
 * One attempt of one API call: the request goes out with our own AbortController so that a
 * caller abort and our timeout are told apart (axios reports both as a cancel).
 */
import { AxiosHeaders, type AxiosInstance, type Method } from 'axios';
import type { TransferProgress } from '../backend.js';
import type { FiledockError } from '../errors.js';
import {
  errorFromResponse,
  errorFromTransport,
  parseMaybeJson,
  type EarlyEnd,
} from './map-error.js';
import { headerGetter } from './retry-after.js';

export interface AttemptRequest {
  axios: AxiosInstance;
  method: Method;
  url: string;
  headers: Record<string, string>;
  /** Serialised JSON (sent as is), or a multipart form (axios sets its boundary). */
  body?: string | FormData;
  /** `arraybuffer` for content downloads; errors are decoded as text either way. @default 'text' */
  responseType?: 'text' | 'arraybuffer';
  /** No timer when undefined or 0. */
  timeoutMs?: number;
  signal?: AbortSignal;
  what: string;
  /** Upload progress of the request body (multipart uploads). */
  onUploadProgress?: (progress: TransferProgress) => void;
  /**
   * For uploads: a caller abort that comes after the last byte has left does not abort the
   * request (the server may be storing the file); it is left to answer, within `timeoutMs`.
   * @default false
   */
  finishOnceSent?: boolean;
}

export interface AttemptAnswer {
  status: number;
  /** The raw body: text, or an ArrayBuffer for `arraybuffer` (a caller's axios may hand back parsed data). */
  data: unknown;
  /** The answer's Content-Type, when it sent one. */
  contentType: string | undefined;
}

/** Resolves with any 2xx answer; rejects with a FiledockError otherwise. */
export async function sendAttempt(request: AttemptRequest): Promise<AttemptAnswer> {
  const controller = new AbortController();
  let ended: EarlyEnd;
  let sent = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const startTimer = (): void => {
    if (!request.timeoutMs || timer !== undefined) return;
    timer = setTimeout(() => {
      ended ??= 'timeout';
      controller.abort();
    }, request.timeoutMs);
  };
  const onCallerAbort = (): void => {
    if (request.finishOnceSent && sent) {
      startTimer();
      return;
    }
    ended ??= 'aborted';
    controller.abort();
  };
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  // An upload's body may take long on a slow link: its timer runs only once a cancel waits on it.
  if (!request.finishOnceSent) startTimer();
  if (request.signal?.aborted) onCallerAbort();
  const onProgress = request.onUploadProgress;

  try {
    const response = await request.axios.request({
      method: request.method,
      url: request.url,
      headers: AxiosHeaders.from(request.headers),
      data: request.body,
      signal: controller.signal,
      // We parse and judge every answer ourselves: raw text in, every status accepted,
      // redirects not followed (a 302 from an API is an error, not a hop).
      responseType: request.responseType ?? 'text',
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      maxBodyLength: Number.POSITIVE_INFINITY,
      maxContentLength: Number.POSITIVE_INFINITY,
      onUploadProgress:
        onProgress || request.finishOnceSent
          ? (event) => {
              const total = event.total ?? 0;
              if (total > 0 && event.loaded >= total) sent = true;
              onProgress?.({ loaded: event.loaded, total });
            }
          : undefined,
    });
    const getHeader = headerGetter(response.headers);
    if (response.status >= 200 && response.status < 300)
      return {
        status: response.status,
        data: response.data,
        contentType: getHeader('content-type'),
      };
    throw errorFromResponse({
      status: response.status,
      body: parseMaybeJson(asText(response.data)),
      getHeader,
      what: request.what,
    });
  } catch (error) {
    throw errorFromTransport(error, ended, request.what, request.timeoutMs) as FiledockError;
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** An error body fetched as bytes (a download) is read as text like any other. */
function asText(data: unknown): unknown {
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  return data;
}
