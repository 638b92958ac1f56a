/**
 * The server's refusals as data: an HTTP status, a stable machine `code`, an English message and
 * the blamed `param`. Every refusal is rendered as `{error: {type, message, code, param?}}`, with
 * `type` derived from the status as the API documents it.
 */
import { ERROR_TYPE_BY_STATUS } from '../core/http/status-types.js';

/** Every `code` the reference server answers with. Stable: tests and clients switch on them. */
export type ServerErrorCode =
  // request envelope
  | 'missing_api_key'
  | 'invalid_api_key'
  | 'version_header'
  | 'unsupported_media_type'
  | 'invalid_json'
  | 'body_too_large'
  | 'route_not_found'
  | 'rate_limited'
  // body and query validation
  | 'unknown_field'
  | 'missing_field'
  | 'invalid_type'
  | 'invalid_filename'
  | 'invalid_size'
  | 'invalid_purpose'
  | 'invalid_mime_type'
  | 'mime_type_not_allowed'
  | 'file_too_large'
  | 'invalid_md5'
  | 'invalid_limit'
  | 'invalid_offset'
  | 'unknown_parameter'
  | 'invalid_idempotency_key'
  // multipart uploads (LlamaCloud, xAI)
  | 'invalid_multipart'
  | 'missing_file'
  | 'field_order'
  | 'invalid_value'
  | 'invalid_id'
  | 'invalid_page_token'
  // permissions and state
  | 'admin_only'
  | 'file_not_found'
  | 'invalid_status'
  | 'expired'
  | 'upload_incomplete'
  | 'checksum_mismatch'
  | 'file_not_completed'
  | 'idempotency_conflict'
  | 'idempotency_key_reused'
  // storage (PUT and download URLs)
  | 'forbidden_header'
  | 'signed_header_mismatch'
  | 'invalid_signature'
  | 'url_expired'
  | 'session_not_pending'
  | 'size_mismatch'
  | 'name_collision'
  // control endpoint and injected faults
  | 'invalid_fault'
  | 'invalid_config'
  | 'injected_fault'
  | 'internal_error';

/** Where the blamed `param` sits; LlamaCloud's validation errors name it (`loc`). */
export type ParamLocation = 'body' | 'query' | 'path' | 'header';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly param?: string,
    readonly extra: { location?: ParamLocation; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns a refusal into the answer body of one service's error format. */
export type ErrorRenderer = (error: ApiError) => unknown;

export interface ErrorBody {
  error: { type: string; message: string; code: string; param?: string };
}

export function errorType(status: number): string {
  return ERROR_TYPE_BY_STATUS[status] ?? (status >= 500 ? 'internal_server_error' : 'bad_request');
}

/** Lightfield's envelope. */
export const renderLightfieldError: ErrorRenderer = (error) =>
  errorBody(error.status, error.code, error.message, error.param);

export function errorBody(
  status: number,
  code: string,
  message: string,
  param?: string,
): ErrorBody {
  return {
    error: { type: errorType(status), message, code, ...(param === undefined ? {} : { param }) },
  };
}
