/**
 * Armed faults and the errors they raise. Statuses map through the Lightfield client's own mapper
 * (`codeForStatus`, `isRetryableStatus`), and a storage 403 / 412 as its PUT maps them
 * (`storage-rejected` / `conflict`), so code written against the memory client sees the codes the
 * real one throws.
 */
import { isRetryableStatus } from '../core/http/backoff.js';
import { codeForStatus } from '../core/http/map-error.js';
import { ERROR_TYPE_BY_STATUS } from '../core/http/status-types.js';
import { FiledockError, type TransportErrorCode } from '../core/errors.js';
import type { MemoryFault, MemoryRoute } from './types.js';

interface Armed extends MemoryFault {
  left: number;
}

export class FaultTable {
  #armed: Armed[] = [];

  add(fault: MemoryFault): void {
    if (fault.kind === undefined && fault.status === undefined) {
      throw new TypeError('A memory fault needs a `kind` or a `status`.');
    }
    this.#armed.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.#armed = [];
  }

  /** Consumes and returns the first fault armed for this call, if any. */
  take(route: MemoryRoute, filename: string | undefined): MemoryFault | undefined {
    const hit = this.#armed.find(
      (f) =>
        f.route === route && f.left > 0 && (f.filename === undefined || f.filename === filename),
    );
    if (hit) hit.left -= 1;
    return hit;
  }
}

function codeFor(route: MemoryRoute, status: number): TransportErrorCode {
  if (route === 'put' && status === 403) return 'storage-rejected';
  if (route === 'put' && status === 412) return 'conflict';
  return codeForStatus(status, ERROR_TYPE_BY_STATUS[status]);
}

/** The error a real client would throw for an HTTP answer with this status. */
export function httpError(
  route: MemoryRoute,
  status: number,
  message: string,
  retryAfterSeconds?: number,
): FiledockError {
  const type = ERROR_TYPE_BY_STATUS[status];
  return new FiledockError({
    code: codeFor(route, status),
    retryable:
      route === 'put' && (status === 403 || status === 412) ? false : isRetryableStatus(status),
    message,
    status,
    ...(type === undefined ? {} : { type }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterMs: retryAfterSeconds * 1000 }),
  });
}

/** A dropped connection has no Retry-After; a fault may still carry one so retries come fast in stories. */
function retryHint(fault: MemoryFault): { retryAfterMs?: number } {
  return fault.retryAfterSeconds === undefined
    ? {}
    : { retryAfterMs: fault.retryAfterSeconds * 1000 };
}

/** The error a fault raises. `expire` and `checksum` are applied by the store, which then calls this. */
export function faultError(fault: MemoryFault): FiledockError {
  const kind = fault.kind ?? 'status';
  switch (kind) {
    case 'status': {
      const status = fault.status ?? 500;
      return httpError(
        fault.route,
        status,
        `Injected ${status} on ${fault.route}.`,
        fault.retryAfterSeconds,
      );
    }
    case 'malformed':
      return new FiledockError({
        code: 'invalid-response',
        message: `The ${fault.route} answer did not match its schema.`,
        status: 200,
      });
    case 'drop':
      return new FiledockError({
        code: 'network',
        message: 'The connection was dropped.',
        retryable: true,
        ...retryHint(fault),
      });
    case 'timeout':
      return new FiledockError({
        code: 'timeout',
        message: 'The request timed out.',
        retryable: true,
        ...retryHint(fault),
      });
    case 'expire':
      return new FiledockError({
        code: 'upload-expired',
        message: 'The upload session has expired.',
        status: 403,
      });
    case 'checksum':
      return new FiledockError({
        code: 'checksum-mismatch',
        message: 'The MD5 of the stored bytes does not match.',
        status: 400,
        type: 'bad_request',
        param: 'md5',
      });
  }
}
