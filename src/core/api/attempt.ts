/**
 * One attempt of one API call: the request goes out with our own AbortController so that a
 * caller abort and our timeout are told apart (axios reports both as a cancel).
 */
import { AxiosHeaders, type AxiosInstance, type Method } from 'axios';
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
  /** Already serialised JSON; sent as is. */
  body?: string;
  /** No timer when undefined or 0. */
  timeoutMs?: number;
  signal?: AbortSignal;
  what: string;
}

export interface AttemptAnswer {
  status: number;
  /** The raw body text (a caller's axios instance may hand back parsed data). */
  data: unknown;
}

/** Resolves with any 2xx answer; rejects with a FiledockError otherwise. */
export async function sendAttempt(request: AttemptRequest): Promise<AttemptAnswer> {
  const controller = new AbortController();
  let ended: EarlyEnd;
  const onCallerAbort = () => {
    ended ??= 'aborted';
    controller.abort();
  };
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = request.timeoutMs
    ? setTimeout(() => {
        ended ??= 'timeout';
        controller.abort();
      }, request.timeoutMs)
    : undefined;
  if (request.signal?.aborted) onCallerAbort();

  try {
    const response = await request.axios.request({
      method: request.method,
      url: request.url,
      headers: AxiosHeaders.from(request.headers),
      data: request.body,
      signal: controller.signal,
      // We parse and judge every answer ourselves: raw text in, every status accepted,
      // redirects not followed (a 302 from an API is an error, not a hop).
      responseType: 'text',
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
    });
    if (response.status >= 200 && response.status < 300)
      return { status: response.status, data: response.data };
    throw errorFromResponse({
      status: response.status,
      body: parseMaybeJson(response.data),
      getHeader: headerGetter(response.headers),
      what: request.what,
    });
  } catch (error) {
    throw errorFromTransport(error, ended, request.what, request.timeoutMs) as FiledockError;
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  }
}
