/**
 * Turns whatever came back (an error body in either shape, an HTML page, no response at all)
 * into a FiledockError with a stable `code`.
 */
import { isAxiosError } from 'axios';
import { FiledockError, type TransportErrorCode } from '../errors.js';
import { abortedError } from './abort.js';
import { isRetryableStatus } from './backoff.js';
import { parseRetryAfter, type HeaderGetter } from './retry-after.js';
import { parseErrorBody } from './error-body.js';
import { ERROR_TYPE_BY_STATUS } from './status-types.js';

/** Server `type`s that are also filedock codes (PUBLIC-API.md "http-4xx family by server type"). */
const DOCUMENTED_TYPES: ReadonlySet<string> = new Set<TransportErrorCode>([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unsupported_media_type',
  'unprocessable_content',
  'internal_server_error',
  'service_unavailable',
  'gateway_timeout',
]);

/** `rate-limited` for 429, else the server's documented `type`, else the status table, else `http-<status>`. */
export function codeForStatus(status: number, serverType?: string): TransportErrorCode {
  if (status === 429 || serverType === 'too_many_requests') return 'rate-limited';
  if (serverType !== undefined && DOCUMENTED_TYPES.has(serverType))
    return serverType as TransportErrorCode;
  const byStatus = ERROR_TYPE_BY_STATUS[status];
  if (byStatus !== undefined && DOCUMENTED_TYPES.has(byStatus))
    return byStatus as TransportErrorCode;
  return `http-${status}`;
}

/** Parses a body that may be JSON; anything else stays the raw text. */
export function parseMaybeJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface HttpErrorInput {
  status: number;
  /** The response body: parsed JSON, or raw text when it was not JSON. */
  body: unknown;
  getHeader: HeaderGetter;
  /** e.g. `POST /v1/files`, for messages that say which call failed. */
  what: string;
}

/** A non-2xx answer. Bodies that are not the error shape still map by status. */
export function errorFromResponse({
  status,
  body,
  getHeader,
  what,
}: HttpErrorInput): FiledockError {
  const server = parseErrorBody(body);
  return new FiledockError({
    code: codeForStatus(status, server?.type),
    message: server?.message || `${what} failed with HTTP ${status}.`,
    status,
    type: server?.type,
    serverCode: server?.code,
    param: server?.param,
    retryable: shouldRetry(getHeader) ?? isRetryableStatus(status),
    retryAfterMs: parseRetryAfter(getHeader),
  });
}

/**
 * `x-should-retry: true|false` lets the server overrule the status table, as the official SDKs
 * honour it (e.g. a 409 about a settled state is not worth retrying).
 */
function shouldRetry(getHeader: HeaderGetter): boolean | undefined {
  const value = getHeader('x-should-retry')?.trim().toLowerCase();
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Why a request we started ended early: the caller aborted, or our own timer fired. */
export type EarlyEnd = 'aborted' | 'timeout' | undefined;

/** A request that produced no HTTP answer: abort, timeout, or a connection failure. */
export function errorFromTransport(
  error: unknown,
  ended: EarlyEnd,
  what: string,
  timeoutMs?: number,
): FiledockError {
  if (error instanceof FiledockError) return error;
  if (ended === 'aborted') return abortedError(undefined, error);
  const axiosCode = isAxiosError(error) ? error.code : undefined;
  if (ended === 'timeout' || axiosCode === 'ETIMEDOUT' || axiosCode === 'ECONNABORTED') {
    const after = timeoutMs === undefined ? '' : ` after ${timeoutMs} ms`;
    return new FiledockError({
      code: 'timeout',
      message: `${what} timed out${after}.`,
      retryable: true,
      cause: error,
    });
  }
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return new FiledockError({
    code: 'network',
    message: `${what} could not reach the server${detail}.`,
    retryable: true,
    cause: error,
  });
}
