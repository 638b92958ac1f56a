/**
 * One upstream call: the URL from configuration and checked parts only, redirects not followed
 * (a 3xx becomes 502: a redirect could carry the key's answer elsewhere), a deadline to the answer
 * headers (504), network failures as 502 with a generic body, and the browser going away aborts it.
 */
import type { ProxyConfig } from './config.js';
import { readCapped } from './body.js';
import { isRefusal, type Refusal, refuse } from './errors.js';
import type { ScannedUpload, Transport } from './transport.js';

export interface UpstreamCall {
  method: string;
  /** Path under the upstream base, starting with `/`, built from the route table and a checked id. */
  path: string;
  query?: URLSearchParams;
  headers: Headers;
  body?: BodyInit;
  /** The upload `body` streams, for a transport that can read its source itself. */
  upload?: ScannedUpload;
  timeoutMs: number;
  /** The incoming request's signal: a browser that leaves cancels the upstream call. */
  signal?: AbortSignal;
  /** Read the answer as text within the same deadline (JSON answers); else the body streams on. */
  readText?: boolean;
}

/** Decoding without `stream` keeps no state between calls: one decoder serves them all. */
const decoder = new TextDecoder();

/** Upstream JSON answers larger than this are refused (a list page is a few kB). */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

export type UpstreamResult =
  | { ok: true; response: Response; text?: string }
  | { ok: false; refusal: Refusal; cause?: unknown };

export async function callUpstream(
  config: ProxyConfig,
  call: UpstreamCall,
  transport: Transport = {},
): Promise<UpstreamResult> {
  const query = call.query?.toString();
  const url = `${config.upstream}${call.path}${query ? `?${query}` : ''}`;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, call.timeoutMs);
  const onAbort = (): void => controller.abort();
  call.signal?.addEventListener('abort', onAbort, { once: true });
  if (call.signal?.aborted) controller.abort();
  try {
    const init: RequestInit & { duplex?: 'half' } = {
      method: call.method,
      headers: call.headers,
      redirect: 'manual',
      signal: controller.signal,
    };
    if (call.body !== undefined) {
      init.body = call.body;
      if (call.body instanceof ReadableStream) {
        // Node's fetch streams a request body only in half-duplex mode.
        init.duplex = 'half';
        // With any other redirect mode Node 20's fetch (undici 6) tees a streamed body to be
        // able to resend it, and the unread branch keeps every byte: a 200 MiB upload grew
        // memory by 200 MiB (nodejs/undici#4058). 'error' needs no second copy; a 3xx then
        // rejects, and is still refused as a redirect below.
        init.redirect = 'error';
      }
    }
    // An upload goes by the adapter's own route when it lent one and the app gave no fetch.
    const { body } = call;
    const streaming = config.ownFetch ? undefined : transport.streamingFetch;
    const response =
      streaming && body instanceof ReadableStream
        ? await streaming(url, {
            method: call.method,
            headers: call.headers,
            body,
            ...(call.upload ? { upload: call.upload } : {}),
            signal: controller.signal,
          })
        : await config.fetch(url, init);
    if ((response.status >= 300 && response.status < 400) || response.type === 'opaqueredirect') {
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: false,
        refusal: refuse(502, 'upstream_redirect', 'The Files API answered with a redirect.'),
      };
    }
    if (!call.readText) return { ok: true, response };
    const bytes = response.body
      ? await readCapped(response.body, MAX_ANSWER_BYTES)
      : new Uint8Array();
    if (isRefusal(bytes))
      return {
        ok: false,
        refusal: refuse(502, 'invalid_upstream_answer', 'The Files API answer was too large.'),
      };
    return { ok: true, response, text: decoder.decode(bytes) };
  } catch (cause) {
    if (isRedirectError(cause))
      return {
        ok: false,
        refusal: refuse(502, 'upstream_redirect', 'The Files API answered with a redirect.'),
        cause,
      };
    if (timedOut)
      return {
        ok: false,
        refusal: refuse(504, 'upstream_timeout', 'The Files API did not answer in time.'),
        cause,
      };
    if (call.signal?.aborted)
      return {
        ok: false,
        refusal: refuse(499, 'client_closed_request', 'The request was cancelled.'),
        cause,
      };
    return {
      ok: false,
      refusal: refuse(502, 'upstream_unreachable', 'The Files API could not be reached.'),
      cause,
    };
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onAbort);
  }
}

/** undici's rejection for a 3xx under `redirect: 'error'` ("unexpected redirect"). */
function isRedirectError(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof Error && /redirect/i.test(cause.message);
}
