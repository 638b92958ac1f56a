/**
 * The proxy's own refusals as data: a status, a stable `code` and a generic message. They are
 * rendered in the Lightfield error envelope (`{error: {type, message, code}}`) whatever the
 * service, so one client-side mapper reads them; upstream's own errors pass through untouched.
 */
import { ERROR_TYPE_BY_STATUS } from '../core/http/status-types.js';

/** Every `code` the proxy itself answers with. Stable: apps and tests switch on them. */
export type ProxyErrorCode =
  // routing and request shape
  | 'route_not_found'
  | 'invalid_file_id'
  | 'unknown_parameter'
  | 'invalid_parameter'
  | 'filter_not_supported'
  | 'unexpected_body'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'invalid_json'
  | 'unknown_field'
  | 'missing_field'
  | 'invalid_field'
  | 'invalid_multipart'
  | 'invalid_idempotency_key'
  // who may do what
  | 'unauthorized'
  | 'file_not_found'
  | 'admin_only'
  | 'rate_limited'
  | 'cors_origin_not_allowed'
  | 'cross_site_request'
  // upstream and the proxy's own failures
  | 'upstream_redirect'
  | 'upstream_unreachable'
  | 'upstream_timeout'
  | 'invalid_upstream_answer'
  | 'ownership_store_failed'
  | 'client_closed_request'
  | 'internal_error';

export interface Refusal {
  readonly refusal: true;
  status: number;
  code: ProxyErrorCode;
  message: string;
  param?: string;
  headers?: Record<string, string>;
}

export function refuse(
  status: number,
  code: ProxyErrorCode,
  message: string,
  extra: { param?: string; headers?: Record<string, string> } = {},
): Refusal {
  return { refusal: true, status, code, message, ...extra };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as Refusal).refusal === true;
}

/** The error envelope's JSON text for a refusal. */
export function refusalBody(refusal: Refusal): string {
  const type =
    ERROR_TYPE_BY_STATUS[refusal.status] ??
    (refusal.status >= 500 ? 'internal_server_error' : 'bad_request');
  return JSON.stringify({
    error: {
      type,
      message: refusal.message,
      code: refusal.code,
      ...(refusal.param === undefined ? {} : { param: refusal.param }),
    },
  });
}
